/**
 * A bound on the work one node gives its database at once. Beyond `concurrency` running, calls
 * wait in a queue of at most `maxQueue`; a call that finds the queue full, or waits longer than
 * `maxWaitMs`, is refused at once with `busy()` (a 503 the caller retries) and never reaches the
 * database. Without it an overload grows a queue the caller has long stopped waiting for (its
 * bus timeout), and every abandoned call still costs the single writer its time: measured in
 * `bench/README.md`, "The afternoon through the gateway".
 */

export interface InFlightLimitOptions {
  /** Calls running at once. */
  concurrency: number;
  /** Calls waiting at most; one more is refused at once. */
  maxQueue: number;
  /** The longest a call waits for its turn before it is refused (well under the bus timeout). */
  maxWaitMs: number;
  /** Told the numbers after every change (e.g. `inFlightMetrics`, for `/metrics`). */
  observe?: (stats: InFlightStats, refusedNow: boolean) => void;
}

export interface InFlightStats {
  running: number;
  waiting: number;
  refused: number;
}

export interface InFlightLimit {
  /** Runs `task` when there is room; else rejects with `busy()`, a message that says what to do. */
  run<T>(task: () => Promise<T>, busy: () => Error): Promise<T>;
  /** Running and waiting now, and how many were refused since the start. */
  stats(): InFlightStats;
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

export function inFlightLimit(options: InFlightLimitOptions): InFlightLimit {
  const { concurrency, maxQueue, maxWaitMs, observe } = options;
  let running = 0;
  let refused = 0;
  const queue: Waiter[] = [];
  const stats = (): InFlightStats => ({ running, waiting: queue.length, refused });
  const changed = (refusedNow = false) => observe?.(stats(), refusedNow);

  const release = () => {
    running--;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      running++;
      next.start();
    }
    changed();
  };

  const turn = (busy: () => Error): Promise<void> => {
    if (running < concurrency) {
      running++;
      changed();
      return Promise.resolve();
    }
    if (queue.length >= maxQueue) {
      refused++;
      changed(true);
      return Promise.reject(busy());
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: resolve,
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          refused++;
          changed(true);
          reject(busy());
        }, maxWaitMs),
      };
      queue.push(waiter);
      changed();
    });
  };

  return {
    async run(task, busy) {
      await turn(busy);
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats,
  };
}

/** The metric registry part of a Moleculer broker that `inFlightMetrics` uses. */
interface MetricRegistry {
  register(options: { name: string; type: string; description?: string }): unknown;
  set(name: string, value: number): void;
  increment(name: string): void;
}

/**
 * An `observe` for `inFlightLimit` that shows a limit on the node's `/metrics`: gauges
 * `<name>.running` and `<name>.waiting`, and the counter `<name>.refused` (what an operator
 * watches on the afternoon: refusals mean the node is at its bound and callers are retrying).
 */
export function inFlightMetrics(
  metrics: MetricRegistry,
  name: string,
): NonNullable<InFlightLimitOptions['observe']> {
  metrics.register({ name: `${name}.running`, type: 'gauge', description: 'calls running' });
  metrics.register({ name: `${name}.waiting`, type: 'gauge', description: 'calls waiting' });
  metrics.register({ name: `${name}.refused`, type: 'counter', description: 'calls refused' });
  return (stats, refusedNow) => {
    metrics.set(`${name}.running`, stats.running);
    metrics.set(`${name}.waiting`, stats.waiting);
    if (refusedNow) metrics.increment(`${name}.refused`);
  };
}

/** A limit's numbers from the environment: `<PREFIX>_CONCURRENCY`, `_QUEUE`, `_WAIT_MS`. */
export function inFlightLimitFromEnv(
  prefix: string,
  defaults: { concurrency: number; maxQueue: number; maxWaitMs: number },
  env: NodeJS.ProcessEnv = process.env,
): { concurrency: number; maxQueue: number; maxWaitMs: number } {
  const read = (name: string, fallback: number, min: number) => {
    const raw = env[`${prefix}_${name}`];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`${prefix}_${name} must be an integer ≥ ${min}: ${raw}`);
    }
    return value;
  };
  return {
    concurrency: read('CONCURRENCY', defaults.concurrency, 1),
    maxQueue: read('QUEUE', defaults.maxQueue, 0),
    maxWaitMs: read('WAIT_MS', defaults.maxWaitMs, 1),
  };
}
