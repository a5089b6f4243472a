/**
 * The public survey form's Lighthouse scores on a phone (issue 13: mobile performance ≥ 90,
 * accessibility ≥ 95): the npm package `lighthouse` drives the machine's Chromium (Debian's,
 * through chrome-launcher) with its default mobile settings — a mid-range phone's screen, 4×
 * slower CPU and a slow 4G line, simulated — so nothing is fetched from outside this machine.
 *
 * The page measured is a unit's link of an open campaign (`/cong-khai/khao-sat/<campaign>/<unit>`)
 * served by the public frontend's own server, with the form loaded from the survey service; the
 * baseline, measured in the same run, is the public site's home (`/cong-khai/`): the same HTML,
 * style and script with no form to fetch and render. Each round is a cold load (Lighthouse
 * clears the cache and storage first); the median of the rounds is printed.
 *
 *   source deploy/local/lib/env.sh && npm run build -w @par/mfe-public && npx tsc -b
 *   node bench/public-lighthouse.ts [--rounds 3]
 */
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import { startApps, stopApps } from '../deploy/local/apps/apps.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';
import { openSurvey } from '../test/support/open-survey.ts';
import {
  measure,
  printAgainstBaseline,
  printMedians,
  type LighthouseRound,
} from './lighthouse-mobile.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(args.rounds);

const apps = await startApps(['gateway', 'accounts', 'assessment', 'survey', 'public-ui']);
const admin = await createUser({ roles: ['admin'], unit: 'SNV' });
const client = await createTestClient({ lifespanSeconds: 3600 });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.PAR_CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const suffix = Date.now().toString(36).toUpperCase();
  const unit = `LH${suffix.slice(-6)}`;
  const survey = await openSurvey({
    token: await tokenFor(admin, client),
    unitGroup: `lh-${suffix.toLowerCase()}`,
    units: [unit],
    name: `Lighthouse ${suffix}`,
  });
  const site = process.env.PAR_PUBLIC_URL!;
  const pages = {
    'home (baseline)': `${site}/cong-khai/`,
    'survey form': `${site}/cong-khai/khao-sat/${survey.campaignId}/${unit}`,
  };
  const results: Record<string, LighthouseRound[]> = {};
  for (let round = 0; round < rounds; round++)
    for (const [name, url] of Object.entries(pages))
      (results[name] ??= []).push(await measure(url, chrome.port));

  printMedians(results, rounds);
  printAgainstBaseline('form', results['survey form']!, results['home (baseline)']!);
} finally {
  chrome.kill();
  await deleteUser(admin);
  await deleteTestClient(client);
  await stopApps(apps);
}
