/**
 * The published results' Lighthouse scores on a phone (issue 12: mobile performance ≥ 90,
 * accessibility ≥ 95), measured like the survey form's (`public-lighthouse.ts`): the npm
 * package `lighthouse` drives the machine's Chromium with its default mobile settings.
 *
 * A period of one index is published for a group of `--units` units (survey results only, each
 * blocker counted 0, through the admin's API), last year's too so every row has a change. The
 * pages measured, served by the public frontend's own server with their data from the ranking
 * service: the group's ranking (`/cong-khai/ket-qua?dot=…&nhom=…`) and a unit's page with its
 * areas and history; the baseline, in the same run, is the public site's home (`/cong-khai/`):
 * the same HTML, style and script with nothing to fetch. Each round is a cold load; the median
 * of the rounds is printed.
 *
 *   source deploy/local/lib/env.sh && npm run build -w @par/mfe-public && npx tsc -b
 *   node bench/public-results-lighthouse.ts [--rounds 3] [--units 60]
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
import {
  consolidateAndPublish,
  createSurveyOnlyPeriod,
  importSurveyScores,
} from '../test/support/published-ranking.ts';
import {
  measure,
  printAgainstBaseline,
  printMedians,
  type LighthouseRound,
} from './lighthouse-mobile.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    units: { type: 'string', default: '60' },
  },
});
const rounds = Number(args.rounds);
const unitCount = Number(args.units);

const apps = await startApps([
  'gateway',
  'accounts',
  'assessment',
  'appraisal',
  'ranking',
  'public-ui',
]);
const admin = await createUser({ roles: ['admin'], unit: 'SNV' });
const client = await createTestClient({ lifespanSeconds: 3600 });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.PAR_CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const token = await tokenFor(admin, client);
  const suffix = Date.now().toString(36).toUpperCase().slice(-6);
  const unitGroup = `lh-${suffix.toLowerCase()}`;
  const indexCode = `LH${suffix}`;
  const units = Array.from(
    { length: unitCount },
    (_, i) => `LR${suffix}${String(i).padStart(3, '0')}`,
  );
  // Scores 0 to 0.5 in steps of 0.05 (the survey leaf), so ranks tie now and then.
  const scores = (shift: number) =>
    Object.fromEntries(
      units.map((u, i) => [u, `0,${String(((i + shift) % 11) * 5).padStart(2, '0')}`]),
    );
  const lastYear = await createSurveyOnlyPeriod(token, {
    indexCode,
    year: 2025,
    unitGroup,
    units,
    name: `Chỉ số cải cách hành chính năm 2025 (${suffix})`,
  });
  await importSurveyScores(token, lastYear, scores(3));
  await consolidateAndPublish(token, lastYear);
  const thisYear = await createSurveyOnlyPeriod(token, {
    indexCode,
    year: 2026,
    unitGroup,
    name: `Chỉ số cải cách hành chính năm 2026 (${suffix})`,
  });
  await importSurveyScores(token, thisYear, scores(0));
  await consolidateAndPublish(token, thisYear, { previousPeriodId: lastYear });

  const site = process.env.PAR_PUBLIC_URL!;
  const pages = {
    'home (baseline)': `${site}/cong-khai/`,
    ranking: `${site}/cong-khai/ket-qua?dot=${thisYear}&nhom=${encodeURIComponent(unitGroup)}`,
    'unit page': `${site}/cong-khai/ket-qua/${thisYear}/${units[0]}`,
  };
  const results: Record<string, LighthouseRound[]> = {};
  for (let round = 0; round < rounds; round++)
    for (const [name, url] of Object.entries(pages))
      (results[name] ??= []).push(await measure(url, chrome.port));

  console.log(`${unitCount} units in the group, two published years.\n`);
  printMedians(results, rounds);
  for (const name of ['ranking', 'unit page'])
    printAgainstBaseline(name, results[name]!, results['home (baseline)']!);
} finally {
  chrome.kill();
  await deleteUser(admin);
  await deleteTestClient(client);
  await stopApps(apps);
}
