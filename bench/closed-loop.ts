/**
 * A closed-loop load: `calls` calls, `concurrency` at a time, each worker starting its next call
 * when the last one answered; throughput and latency percentiles. Benchmarks of one call's cost
 * (gateway overhead, token verification) share it.
 */
export interface Figures {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function closedLoop(
  calls: number,
  concurrency: number,
  call: () => Promise<unknown>,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < calls) {
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor((latencies.length - 1) * p)]!;
  return { perSecond: calls / seconds, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99) };
}
