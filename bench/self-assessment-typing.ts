/**
 * How fast the self-assessment page answers a keystroke on a 150-leaf set (issue 10: the totals
 * within 50 ms): in Chromium, from a score's keydown to the unit's total showing the new sum
 * (the kernel's `treeScores` and `completeness` over every leaf, the leaf and the totals
 * re-rendered), against a baseline in the same page and run: a plain input whose listener writes
 * a text node (the browser's own event and layout cost). Prints percentiles and the ratio.
 *
 *   source deploy/local/lib/env.sh && npm run build && node bench/self-assessment-typing.ts [keystrokes]
 */
import { startApps, stopApps } from '../deploy/local/apps/apps.ts';
import { launchChromium, loginThroughKeycloak } from '../test/support/browser.ts';
import { createUser, deleteUser } from '../test/support/keycloak.ts';
import { openPeriod } from './open-period.ts';

const keystrokes = Number(process.argv[2] ?? 200);
const AREAS = 10;
const LEAVES_PER_AREA = 15;

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
const period = await openPeriod({
  areas: AREAS,
  leavesPerArea: LEAVES_PER_AREA,
  label: 'Đo tốc độ',
});
const officer = await createUser({ roles: ['data-entry'], unit: period.unit });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${process.env.PAR_SHELL_URL}/self-assessment/periods/${period.periodId}`);
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
  await Promise.allSettled([deleteUser(officer)]);
  await period.cleanUp();
  await stopApps(apps);
}
