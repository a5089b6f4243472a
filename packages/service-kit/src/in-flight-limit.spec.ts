import { inFlightLimit, inFlightLimitFromEnv, inFlightMetrics } from './in-flight-limit';

/** A task that runs until the test ends it, and says when it has started. */
function heldTask() {
  let end!: (value: string) => void;
  let started = false;
  const done = new Promise<string>((resolve) => (end = resolve));
  return {
    run: () => {
      started = true;
      return done;
    },
    end: (value: string) => end(value),
    started: () => started,
  };
}

const busy = () => new Error('busy');

describe('inFlightLimit', () => {
  afterEach(() => jest.useRealTimers());

  it('runs `concurrency` at once, queues `maxQueue` more and refuses the next at once', async () => {
    const limit = inFlightLimit({ concurrency: 2, maxQueue: 1, maxWaitMs: 60_000 });
    const [a, b, c] = [heldTask(), heldTask(), heldTask()];
    const ra = limit.run(a.run, busy);
    const rb = limit.run(b.run, busy);
    const rc = limit.run(c.run, busy);
    await expect(limit.run(() => Promise.resolve('d'), busy)).rejects.toThrow('busy');
    expect([a.started(), b.started(), c.started()]).toEqual([true, true, false]);
    expect(limit.stats()).toEqual({ running: 2, waiting: 1, refused: 1 });

    a.end('a');
    await expect(ra).resolves.toBe('a');
    expect(c.started()).toBe(true); // the freed place went to the waiting call
    b.end('b');
    c.end('c');
    await expect(Promise.all([rb, rc])).resolves.toEqual(['b', 'c']);
    expect(limit.stats()).toEqual({ running: 0, waiting: 0, refused: 1 });
  });

  it('refuses a call that waited `maxWaitMs` without running it, and frees its place', async () => {
    jest.useFakeTimers();
    const limit = inFlightLimit({ concurrency: 1, maxQueue: 1, maxWaitMs: 1000 });
    const a = heldTask();
    const ra = limit.run(a.run, busy);
    let ranLate = false;
    const late = limit.run(async () => {
      ranLate = true;
      return 'late';
    }, busy);
    jest.advanceTimersByTime(999);
    expect(limit.stats().waiting).toBe(1);
    jest.advanceTimersByTime(1);
    await expect(late).rejects.toThrow('busy');
    expect(limit.stats()).toEqual({ running: 1, waiting: 0, refused: 1 });
    a.end('a');
    await expect(ra).resolves.toBe('a');
    expect(ranLate).toBe(false);
    await expect(limit.run(() => Promise.resolve('next'), busy)).resolves.toBe('next');
  });

  it('frees the place of a task that fails', async () => {
    const limit = inFlightLimit({ concurrency: 1, maxQueue: 0, maxWaitMs: 1000 });
    await expect(limit.run(() => Promise.reject(new Error('write failed')), busy)).rejects.toThrow(
      'write failed',
    );
    await expect(limit.run(() => Promise.resolve('ok'), busy)).resolves.toBe('ok');
  });

  it('reads its numbers from the environment, refusing nonsense', () => {
    const defaults = { concurrency: 16, maxQueue: 200, maxWaitMs: 1500 };
    expect(inFlightLimitFromEnv('PAR_SAVES', defaults, {})).toEqual(defaults);
    expect(
      inFlightLimitFromEnv('PAR_SAVES', defaults, {
        PAR_SAVES_CONCURRENCY: '4',
        PAR_SAVES_QUEUE: '0',
        PAR_SAVES_WAIT_MS: '250',
      }),
    ).toEqual({ concurrency: 4, maxQueue: 0, maxWaitMs: 250 });
    expect(() =>
      inFlightLimitFromEnv('PAR_SAVES', defaults, { PAR_SAVES_CONCURRENCY: '0' }),
    ).toThrow('PAR_SAVES_CONCURRENCY must be an integer ≥ 1: 0');
  });
});

describe('inFlightMetrics', () => {
  it('shows running and waiting as gauges and counts each refusal once', async () => {
    const values = new Map<string, number>();
    const registry = {
      register: () => undefined,
      set: (name: string, value: number) => values.set(name, value),
      increment: (name: string) => values.set(name, (values.get(name) ?? 0) + 1),
    };
    const limit = inFlightLimit({
      concurrency: 1,
      maxQueue: 1,
      maxWaitMs: 60_000,
      observe: inFlightMetrics(registry, 'saves'),
    });
    const [a, b] = [heldTask(), heldTask()];
    const ra = limit.run(a.run, busy);
    const rb = limit.run(b.run, busy);
    await expect(limit.run(() => Promise.resolve('c'), busy)).rejects.toThrow('busy');
    await expect(limit.run(() => Promise.resolve('d'), busy)).rejects.toThrow('busy');
    expect(Object.fromEntries(values)).toEqual({
      'saves.running': 1,
      'saves.waiting': 1,
      'saves.refused': 2,
    });
    a.end('a');
    await ra;
    b.end('b');
    await rb;
    expect(Object.fromEntries(values)).toEqual({
      'saves.running': 0,
      'saves.waiting': 0,
      'saves.refused': 2,
    });
  });
});
