/**
 * Not a benchmark: one page's Lighthouse run under its default mobile settings (a mid-range
 * phone's screen, 4× slower CPU, slow 4G, simulated) on a Chromium already launched, and the
 * table the public pages' benchmarks print. `public-lighthouse.ts` (the survey form) and
 * `public-results-lighthouse.ts` (the published results) share it.
 */
import lighthouse from 'lighthouse';

export const lighthouseTargets = { performance: 90, accessibility: 95 };

export interface LighthouseRound {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  scriptKB: number;
  failed: string[];
  /** The main thread's longest tasks (simulated ms) and the script each is attributed to. */
  longTasks: string[];
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A cold load (Lighthouse clears the cache and storage first) of `url` in the Chromium on `port`. */
export async function measure(url: string, port: number): Promise<LighthouseRound> {
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
    longTasks: (
      (
        lhr.audits['long-tasks']?.details as
          { items: Array<{ url?: string; duration?: number; startTime?: number }> } | undefined
      )?.items ?? []
    )
      .slice(0, 4)
      .map(
        (t) =>
          `${Math.round(t.duration ?? 0)} ms at ${Math.round(t.startTime ?? 0)} (${(t.url ?? '').split('/').pop()})`,
      ),
  };
}

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Each page's median over the rounds, as a Markdown table. */
export function printMedians(results: Record<string, LighthouseRound[]>, rounds: number): void {
  console.log(
    `Lighthouse ${rounds} round(s), mobile (simulated slow 4G, 4× CPU), median per page:\n`,
  );
  console.log(
    '| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | scripts KB (wire) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, list] of Object.entries(results)) {
    const m = (key: keyof Omit<LighthouseRound, 'failed' | 'longTasks'>) =>
      median(list.map((r) => r[key]));
    console.log(
      `| ${name} | ${m('performance')} | ${m('accessibility')} | ${vi.format(Math.round(m('fcp')))} | ` +
        `${vi.format(Math.round(m('lcp')))} | ${vi.format(Math.round(m('tbt')))} | ${vi.format(m('cls'))} | ` +
        `${vi.format(m('scriptKB'))} |`,
    );
  }
}

/** One page against the baseline: its LCP ratio, its scores against the targets, audits failed. */
export function printAgainstBaseline(
  name: string,
  page: LighthouseRound[],
  baseline: LighthouseRound[],
): void {
  const perf = median(page.map((r) => r.performance));
  const a11y = median(page.map((r) => r.accessibility));
  const { performance, accessibility } = lighthouseTargets;
  console.log(
    `\n${name} LCP ÷ baseline LCP: ${vi.format(median(page.map((r) => r.lcp)) / median(baseline.map((r) => r.lcp)))}`,
  );
  console.log(
    `${name} performance ${perf} (target ≥ ${performance}: ${perf >= performance ? 'met' : 'NOT met'}), ` +
      `accessibility ${a11y} (target ≥ ${accessibility}: ${a11y >= accessibility ? 'met' : 'NOT met'})`,
  );
  console.log(`${name} longest tasks (last round): ${page.at(-1)!.longTasks.join('; ') || 'none'}`);
  const failed = [...new Set(page.flatMap((r) => r.failed))];
  if (failed.length)
    console.log(`accessibility audits failed on the ${name}: ${failed.join(', ')}`);
}
