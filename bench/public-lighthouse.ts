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
import lighthouse from 'lighthouse';
import { startApps, stopApps } from '../deploy/local/apps/apps.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';
import { openSurvey } from '../test/support/open-survey.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(args.rounds);
const targets = { performance: 90, accessibility: 95 };

interface Round {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  scriptKB: number;
  failed: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function measure(url: string, port: number): Promise<Round> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
    undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const scripts =
    (
      lhr.audits['network-requests']?.details as
        { items: Array<{ resourceType?: string; transferSize?: number }> } | undefined
    )?.items ?? [];
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    scriptKB:
      scripts
        .filter((item) => item.resourceType === 'Script')
        .reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024,
    failed: Object.values(lhr.categories.accessibility?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a!.id),
  };
}

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
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
  const results: Record<string, Round[]> = {};
  for (let round = 0; round < rounds; round++)
    for (const [name, url] of Object.entries(pages))
      (results[name] ??= []).push(await measure(url, chrome.port));

  console.log(
    `Lighthouse ${rounds} round(s), mobile (simulated slow 4G, 4× CPU), median per page:\n`,
  );
  console.log(
    '| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | scripts KB (wire) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, list] of Object.entries(results)) {
    const m = (key: keyof Omit<Round, 'failed'>) => median(list.map((r) => r[key]));
    console.log(
      `| ${name} | ${m('performance')} | ${m('accessibility')} | ${vi.format(Math.round(m('fcp')))} | ` +
        `${vi.format(Math.round(m('lcp')))} | ${vi.format(Math.round(m('tbt')))} | ${vi.format(m('cls'))} | ` +
        `${vi.format(m('scriptKB'))} |`,
    );
  }
  const form = results['survey form']!;
  const base = results['home (baseline)']!;
  const perf = median(form.map((r) => r.performance));
  const a11y = median(form.map((r) => r.accessibility));
  console.log(
    `\nform LCP ÷ baseline LCP: ${vi.format(median(form.map((r) => r.lcp)) / median(base.map((r) => r.lcp)))}`,
  );
  console.log(
    `form performance ${perf} (target ≥ ${targets.performance}: ${perf >= targets.performance ? 'met' : 'NOT met'}), ` +
      `accessibility ${a11y} (target ≥ ${targets.accessibility}: ${a11y >= targets.accessibility ? 'met' : 'NOT met'})`,
  );
  const failed = [...new Set(form.flatMap((r) => r.failed))];
  if (failed.length) console.log(`accessibility audits failed on the form: ${failed.join(', ')}`);
} finally {
  chrome.kill();
  await deleteUser(admin);
  await deleteTestClient(client);
  await stopApps(apps);
}
