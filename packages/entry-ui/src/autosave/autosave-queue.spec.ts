import { AutosaveQueue, defaultBackoff } from './autosave-queue';
import type { AutosaveStatus, RunOutcome } from './autosave-queue';

/** Fake timers the test moves by hand: what is due runs, in order of its due time. */
function manualClock() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        const id = next++;
        due.set(id, { at: now + ms, run });
        return id;
      },
      clearTimeout: (id: unknown) => void due.delete(id as number),
    },
    now: () => now,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const [id, first] = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
        if (id === undefined || !first || first.at > until) break;
        due.delete(id);
        now = first.at;
        first.run();
        await settle();
      }
      now = until;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function setUp(outcomes: Array<RunOutcome | Error | Promise<RunOutcome>>) {
  const clock = manualClock();
  const runs: Array<{ key: string; at: number }> = [];
  const statuses: Array<[string, AutosaveStatus]> = [];
  const queue = new AutosaveQueue<string>({
    run: async (key) => {
      runs.push({ key, at: clock.now() });
      const outcome = outcomes.shift() ?? 'saved';
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    onStatus: (key, status) => statuses.push([key, status]),
    timers: clock.timers,
  });
  return { queue, runs, statuses, advance: clock.advance };
}

describe('AutosaveQueue', () => {
  it('saves 800 ms after the last edit, once for a burst of typing', async () => {
    const { queue, runs, advance } = setUp(['saved']);
    queue.touch('1.1');
    await advance(500);
    queue.touch('1.1');
    await advance(500);
    queue.touch('1.1');
    expect(runs).toHaveLength(0);
    expect(queue.status('1.1')).toBe('pending');
    await advance(799);
    expect(runs).toHaveLength(0);
    await advance(1);
    expect(runs).toEqual([{ key: '1.1', at: 1800 }]);
    expect(queue.status('1.1')).toBe('saved');
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('keeps a failed save marked and retries it after 1 s, 2 s, then 4 s', async () => {
    const { queue, runs, statuses, advance } = setUp([
      'retry',
      new Error('network'),
      'retry',
      'saved',
    ]);
    queue.touch('2.1');
    await advance(800);
    expect(queue.status('2.1')).toBe('retrying');
    expect(queue.hasUnsaved()).toBe(true);
    await advance(999);
    expect(runs).toHaveLength(1);
    await advance(1);
    expect(runs).toHaveLength(2);
    await advance(2000);
    expect(runs).toHaveLength(3);
    await advance(3999);
    expect(runs).toHaveLength(3);
    await advance(1);
    expect(runs.map((r) => r.at)).toEqual([800, 1800, 3800, 7800]);
    expect(queue.status('2.1')).toBe('saved');
    expect(statuses.filter(([, s]) => s === 'retrying')).toHaveLength(3);
  });

  it('caps the retry delay at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(defaultBackoff)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('never runs two saves of one entry at once, and saves again what was typed meanwhile', async () => {
    let release: (outcome: RunOutcome) => void = () => undefined;
    const { queue, runs, advance } = setUp([
      new Promise<RunOutcome>((resolve) => (release = resolve)),
      'saved',
    ]);
    queue.touch('1.1');
    await advance(800);
    expect(queue.status('1.1')).toBe('saving');
    queue.touch('1.1');
    await advance(5000);
    expect(runs).toHaveLength(1);
    release('saved');
    await settle();
    expect(queue.status('1.1')).toBe('pending');
    await advance(800);
    expect(runs.map((r) => r.at)).toEqual([800, 6600]);
    expect(queue.status('1.1')).toBe('saved');
  });

  it('stops on a conflict and waits for the officer, without retrying', async () => {
    const { queue, runs, advance } = setUp(['stop']);
    queue.touch('3.1');
    await advance(800);
    expect(queue.status('3.1')).toBe('stopped');
    await advance(120_000);
    expect(runs).toHaveLength(1);
    expect(queue.hasUnsaved()).toBe(true);
    queue.settle('3.1');
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('keeps entries apart: one failing does not hold back another', async () => {
    const { queue, runs, advance } = setUp(['retry', 'saved']);
    queue.touch('1.1');
    await advance(100);
    queue.touch('1.2');
    await advance(800);
    expect(runs.map((r) => r.key)).toEqual(['1.1', '1.2']);
    expect(queue.status('1.1')).toBe('retrying');
    expect(queue.status('1.2')).toBe('saved');
  });

  it('flushes waiting and retrying saves at once', async () => {
    const { queue, runs, advance } = setUp(['retry', 'saved', 'saved']);
    queue.touch('1.1');
    await advance(800);
    queue.touch('1.2');
    await queue.flush();
    expect(runs.map((r) => r.key).sort()).toEqual(['1.1', '1.1', '1.2']);
    expect(queue.hasUnsaved()).toBe(false);
  });
});
