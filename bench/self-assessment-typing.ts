/**
 * How fast the self-assessment page answers a keystroke on a 150-leaf set (issue 10: the totals
 * within 50 ms): in Chromium, from a score's keydown to the unit's total showing the new sum
 * (the kernel's `treeScores` and `completeness` over every leaf, the leaf and the totals
 * re-rendered), against a baseline in the same page and run: a plain input whose listener writes
 * a text node (the browser's own event and layout cost). Prints percentiles and the ratio.
 *
 *   source deploy/local/lib/env.sh && npm run build && node bench/self-assessment-typing.ts [keystrokes]
 */
import { randomUUID } from 'node:crypto';
import { startApps, stopApps } from '../deploy/local/apps/apps.ts';
import { callApi as call } from '../test/support/api.ts';
import { launchChromium, loginThroughKeycloak } from '../test/support/browser.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';

const keystrokes = Number(process.argv[2] ?? 200);
const AREAS = 10;
const LEAVES_PER_AREA = 15;
const HOUR = 3_600_000;
const phases = [
  'setup',
  'selfAssessment',
  'appraisalRound1',
  'clarification',
  'appraisalRound2',
  'consolidation',
  'published',
];

const suffix = randomUUID().slice(0, 6).toUpperCase();
const group = `BSA${suffix}`;
const unit = `BT${suffix}`;
const year = new Date().getFullYear();

const nodes = Array.from({ length: AREAS }, (_, a) => [
  { code: `${a + 1}`, title: `Lĩnh vực ${a + 1}`, maxScore: LEAVES_PER_AREA * 100 },
  ...Array.from({ length: LEAVES_PER_AREA }, (_, l) => ({
    code: `${a + 1}.${l + 1}`,
    parentCode: `${a + 1}`,
    title: `Tiêu chí thành phần ${a + 1}.${l + 1}`,
    guidanceForUnits: 'Chấm theo kết quả thực hiện trong năm.',
    maxScore: 100,
    rule: { type: 'manual', max: 100, step: 25 },
  })),
]).flat();

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * p)]!;
};
const line = (label: string, values: number[]) =>
  `${label.padEnd(34)} p50 ${percentile(values, 0.5).toFixed(1).padStart(6)} ms   p95 ${percentile(values, 0.95).toFixed(1).padStart(6)} ms   max ${Math.max(
    ...values,
  )
    .toFixed(1)
    .padStart(6)} ms`;

const apps = await startApps([
  'gateway',
  'accounts',
  'assessment',
  'evidence',
  'shell',
  'self-assessment',
]);
const client = await createTestClient();
const admin = await createUser({ roles: ['admin'], unit: 'SNV' });
const officer = await createUser({ roles: ['data-entry'], unit });
const browser = await launchChromium();
try {
  const token = await tokenFor(admin, client);
  const must = (what: string, res: { status: number; body: unknown }, status: number) => {
    if (res.status !== status)
      throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  };
  for (let i = 0; ; i++) {
    const res = await call('/units', {
      method: 'POST',
      token,
      body: { code: unit, name: `Sở Đo ${unit}`, kind: 'department', unitGroup: group },
    });
    if (res.status === 201) break;
    if (i === 30) must('unit', res, 201);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await call('/indices', { method: 'POST', token, body: { code: 'PAR', name: 'Chỉ số PAR' } });
  const set = must(
    'criteria set',
    await call('/criteria-sets', {
      method: 'POST',
      token,
      body: { indexCode: 'PAR', year, unitGroup: group, name: `Bộ đo ${group}`, nodes },
    }),
    201,
  );
  const period = must(
    'period',
    await call('/periods', {
      method: 'POST',
      token,
      body: {
        indexCode: 'PAR',
        year,
        name: `Đo tốc độ ${suffix}`,
        criteriaSets: [{ unitGroup: group, criteriaSetId: set.id }],
        unitCodes: [unit],
        phases: phases.map((phase, i) => ({
          phase,
          startsAt: new Date(Date.now() + (i * 24 - 1) * HOUR).toISOString(),
          endsAt:
            phase === 'published'
              ? null
              : new Date(Date.now() + ((i + 1) * 24 - 1) * HOUR).toISOString(),
        })),
      },
    }),
    201,
  );
  must(
    'advance',
    await call(`/periods/${period.id}/advance`, {
      method: 'POST',
      token,
      body: { version: period.version },
    }),
    200,
  );

  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${process.env.PAR_SHELL_URL}/self-assessment/periods/${period.id}`);
  await loginThroughKeycloak(page, officer.username, officer.password);
  await page.locator('[data-first-input]').waitFor({ timeout: 60_000 });
  const leafCount = await page.locator('[data-criterion]').count();

  // In the page: the time from a keystroke's keydown to the change it causes in `target`.
  await page.evaluate(() => {
    const w = window as unknown as {
      __lastKey: number;
      __latencies: Record<string, number[]>;
      __watch: (id: string, el: Element) => void;
    };
    w.__latencies = {};
    w.__lastKey = 0;
    document.addEventListener('keydown', (event) => (w.__lastKey = event.timeStamp), true);
    w.__watch = (id, el) => {
      w.__latencies[id] = [];
      new MutationObserver(() => w.__latencies[id]!.push(performance.now() - w.__lastKey)).observe(
        el,
        {
          subtree: true,
          characterData: true,
          childList: true,
        },
      );
    };
    w.__watch('page', document.querySelector('[data-testid="summary-total"]')!);
    // The baseline: a plain input whose listener writes a text node, in the same page.
    const input = document.createElement('input');
    input.id = 'bench-baseline';
    const out = document.createElement('span');
    out.id = 'bench-baseline-out';
    input.addEventListener('input', () => (out.textContent = `Tổng: ${input.value}`));
    document.body.prepend(input, out);
    w.__watch('baseline', out);
  });

  const type = async (selector: string) => {
    const field = page.locator(selector);
    await field.focus();
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(i % 2 === 0 ? '1' : '0');
    }
  };
  await type('#bench-baseline');
  await type('[id="entry-1.1-value"]');
  await type(`[id="entry-${AREAS}.${LEAVES_PER_AREA}-value"]`);
  const latencies = await page.evaluate(
    () => (window as unknown as { __latencies: Record<string, number[]> }).__latencies,
  );
  await context.close();

  const baseline = latencies.baseline!;
  const typed = latencies.page!;
  console.log(
    `self-assessment page: ${leafCount} leaves, ${keystrokes} score keystrokes on the first and the last leaf`,
  );
  console.log(line('baseline (plain input → text node)', baseline));
  console.log(line('score → unit total', typed));
  console.log(
    `ratio p50 ${(percentile(typed, 0.5) / percentile(baseline, 0.5)).toFixed(1)}×   p95 ${(percentile(typed, 0.95) / percentile(baseline, 0.95)).toFixed(1)}×   keystrokes over 50 ms: ${typed.filter((ms) => ms > 50).length} of ${typed.length}`,
  );
} finally {
  await browser.close();
  await Promise.allSettled([deleteUser(admin), deleteUser(officer)]);
  await deleteTestClient(client);
  await stopApps(apps);
}
