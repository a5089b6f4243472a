/**
 * How much JavaScript a data-entry officer's browser downloads before the self-assessment page's
 * first input is usable (issue 10: at most 300 KB compressed), against the bare shell (a user with
 * no role: login, layout and nothing else) measured in the same run. Debian's Chromium through
 * playwright-core, each round in a fresh context (cold HTTP cache) that already holds the Keycloak
 * session cookie, so the page goes through keycloak-js's redirect as a returning officer's does.
 *
 * The page measured is a period's self-assessment (`/self-assessment/periods/<id>`) of a unit
 * that has one open: the set-up (`open-period.ts`) makes the unit, a small criteria set and a
 * period in its self-assessment phase, and the officer belongs to that unit.
 *
 * Counted: the compressed bytes of every script response (what went over the wire, encoded) whose
 * request started before the page was ready; JSON (manifests, config, the page's data) is shown
 * apart. Ready means `[data-first-input]` (the page's first score input) visible and enabled.
 *
 *   source deploy/local/lib/env.sh && node bench/page-weight.ts [--rounds 3]
 */
import { parseArgs } from 'node:util';
import type { Browser, Page, Request } from 'playwright-core';
import { frontendApps, startApps, stopApps } from '../deploy/local/apps/apps.ts';
import { launchChromium, loginThroughKeycloak } from '../test/support/browser.ts';
import { createUser, deleteUser, type TestUser } from '../test/support/keycloak.ts';
import { openPeriod, type OpenPeriod } from './open-period.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
  },
});
const rounds = Number(args.rounds);
const targetKB = 300;

const firstInput = '[data-first-input]';
const bareShellContent = '[data-testid="no-role"]';

interface Download {
  url: string;
  kind: 'script' | 'json' | 'other';
  /** Bytes of the body as sent (compressed when the server compressed it). */
  encoded: number;
  /** Bytes of the body once decoded. */
  decoded: number;
  encoding: string;
}

interface Measurement {
  ready: 'first input' | 'bare shell';
  ms: number;
  downloads: Download[];
  /** Scripts whose request started after the page was ready (lazy chunks, not counted). */
  later: number;
}

const shell = () => process.env.PAR_SHELL_URL!;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** A response served from the HTTP cache (the second load after the login redirect) counts 0. */
const sum = (downloads: Download[], kind: Download['kind'], field: 'encoded' | 'decoded') =>
  downloads
    .filter((d) => d.kind === kind && d.encoded > 0)
    .reduce((total, d) => total + d[field], 0);

function kindOf(request: Request, contentType: string): Download['kind'] {
  if (request.resourceType() === 'script' || /javascript/.test(contentType)) return 'script';
  if (/json/.test(contentType)) return 'json';
  return 'other';
}

/** Logs the user in once and returns the browser state holding the Keycloak session. */
async function sessionOf(browser: Browser, user: TestUser, path: string, readySelector: string) {
  const context = await browser.newContext({ locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(`${shell()}${path}`);
    await loginThroughKeycloak(page, user.username, user.password);
    await page.waitForSelector(readySelector, { timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Waits for the page's first input (visible and enabled), or the bare shell's content. */
async function waitUntilReady(page: Page, selector: string): Promise<Measurement['ready']> {
  const found = await page.waitForSelector(selector, { state: 'visible', timeout: 60_000 });
  if (selector === bareShellContent) return 'bare shell';
  await page.waitForFunction((el) => !(el as HTMLInputElement).disabled, found);
  return 'first input';
}

async function measure(
  browser: Browser,
  storageState: Awaited<ReturnType<typeof sessionOf>>,
  path: string,
  readySelector: string,
): Promise<Measurement> {
  const context = await browser.newContext({ locale: 'vi-VN', storageState });
  try {
    const page = await context.newPage();
    let ready = false;
    let later = 0;
    const pending: Promise<Download | null>[] = [];
    page.on('request', (request) => {
      if (ready) {
        if (request.resourceType() === 'script') later++;
        return;
      }
      pending.push(
        within(
          (async () => {
            const response = await request.response().catch(() => null);
            if (!response) return null;
            await response.finished();
            const headers = await response.allHeaders();
            const body = await response.body().catch(() => Buffer.alloc(0));
            const sizes = await request.sizes();
            return {
              url: request.url(),
              kind: kindOf(request, headers['content-type'] ?? ''),
              encoded: sizes.responseBodySize,
              decoded: body.length,
              encoding: headers['content-encoding'] ?? 'identity',
            };
          })(),
          20_000,
        ),
      );
    });
    const started = performance.now();
    await page.goto(`${shell()}${path}`);
    const what = await waitUntilReady(page, readySelector);
    const ms = performance.now() - started;
    ready = true;
    const downloads = (await Promise.all(pending)).filter((d): d is Download => d !== null);
    return { ready: what, ms, downloads, later };
  } finally {
    await context.close();
  }
}

/** The promise's value, or null if it has not settled within `ms` (a request cut by a redirect). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([
    promise,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref()),
  ]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function report(label: string, runs: Measurement[]) {
  const totals = runs.map((run) => sum(run.downloads, 'script', 'encoded'));
  const first = runs[0]!;
  console.log(
    `\n${label} — ready at: ${first.ready}; script bytes per round (compressed): ` +
      `${totals.map((t) => `${kb(t)} KB`).join(', ')}; median ${kb(median(totals))} KB, ` +
      `${kb(median(runs.map((run) => sum(run.downloads, 'script', 'decoded'))))} KB decoded; ` +
      `median ${median(runs.map((run) => run.ms)).toFixed(0)} ms to ready; ` +
      `JSON ${kb(sum(first.downloads, 'json', 'encoded'))} KB; ` +
      `${first.later} script(s) requested after ready, not counted`,
  );
  const byUrl = new Map<
    string,
    { count: number; encoded: number; decoded: number; encoding: string }
  >();
  for (const d of first.downloads.filter((d) => d.kind !== 'other')) {
    const seen = byUrl.get(d.url) ?? {
      count: 0,
      encoded: 0,
      decoded: d.decoded,
      encoding: d.encoding,
    };
    byUrl.set(d.url, { ...seen, count: seen.count + 1, encoded: seen.encoded + d.encoded });
  }
  const rows = [...byUrl.entries()].sort((a, b) => b[1].encoded - a[1].encoded);
  console.log(
    `  ${'compressed KB'.padStart(13)} ${'decoded KB'.padStart(10)}  encoding  file (round 1; ×n: requested n times, repeats from cache or 304 cost 0)`,
  );
  for (const [url, d] of rows) {
    const { host, pathname } = new URL(url);
    console.log(
      `  ${kb(d.encoded).padStart(13)} ${kb(d.decoded).padStart(10)}  ${d.encoding.padEnd(8)}  ` +
        `${host}${pathname}${d.count > 1 ? ` (×${d.count})` : ''}`,
    );
  }
  return median(totals);
}

const apps = await startApps(['gateway', 'accounts', 'assessment', 'evidence', ...frontendApps]);
const users: TestUser[] = [];
let browser: Browser | undefined;
let period: OpenPeriod | undefined;
try {
  period = await openPeriod({ areas: 3, leavesPerArea: 5, label: 'Đo trang' });
  const path = `/self-assessment/periods/${period.periodId}`;
  const officer = await createUser({ roles: ['data-entry'], unit: period.unit });
  users.push(officer);
  const nobody = await createUser({ roles: [] });
  users.push(nobody);
  browser = await launchChromium();
  const officerState = await sessionOf(browser, officer, path, firstInput);
  // A user with no role lands on the shell's own "no role" page at `/`: no remote, no API call.
  const nobodyState = await sessionOf(browser, nobody, '/', bareShellContent);

  const page: Measurement[] = [];
  const bare: Measurement[] = [];
  for (let round = 0; round < rounds; round++) {
    page.push(await measure(browser, officerState, path, firstInput));
    bare.push(await measure(browser, nobodyState, '/', bareShellContent));
  }

  console.log(
    `JavaScript downloaded before the page is usable, ${rounds} rounds, cold cache, ` +
      `logged in (Keycloak redirect included), a period's self-assessment (${path})`,
  );
  const pageKB = report('self-assessment of an open period, as a data-entry officer', page) / 1024;
  const bareKB = report('bare shell (a user with no role)', bare) / 1024;
  console.log(
    `\nself-assessment / bare shell = ${(pageKB / bareKB).toFixed(2)}; ` +
      `self-assessment: ${pageKB.toFixed(1)} KB against the target of ${targetKB} KB ` +
      `(${(pageKB / targetKB).toFixed(2)} of it), measured at: ${page[0]!.ready}`,
  );
} finally {
  await browser?.close();
  await stopApps(apps);
  await Promise.all(users.map(deleteUser));
  await period?.cleanUp();
}
