import {
  flushOutbox,
  newFormKey,
  paperFormKey,
  singleFlight,
  type OutboxStore,
  type PendingForm,
  type SendOutcome,
} from './outbox';

function memoryStore(forms: PendingForm<string>[]): OutboxStore<string> & {
  forms: Map<string, PendingForm<string>>;
} {
  const map = new Map(forms.map((form) => [form.key, form]));
  return {
    forms: map,
    put: async (form) => void map.set(form.key, form),
    delete: async (key) => void map.delete(key),
    all: async () => [...map.values()],
  };
}

const form = (key: string, savedAt: string, rejection?: string): PendingForm<string> => ({
  key,
  submission: `answers of ${key}`,
  savedAt,
  ...(rejection ? { rejection } : {}),
});

describe('flushOutbox', () => {
  it('sends oldest first and forgets each acknowledged form', async () => {
    const store = memoryStore([
      form('b', '2026-12-07T02:00:00.000Z'),
      form('a', '2026-12-07T01:00:00.000Z'),
    ]);
    const sent: string[] = [];
    const result = await flushOutbox(store, async (pending) => {
      sent.push(pending.key);
      return { kind: 'accepted' };
    });
    expect(sent).toEqual(['a', 'b']);
    expect(result).toEqual({ sent: ['a', 'b'], rejected: [], waiting: 0 });
    expect(store.forms.size).toBe(0);
  });

  it('keeps every form from the first unreachable one on, to send later', async () => {
    const store = memoryStore([
      form('a', '2026-12-07T01:00:00.000Z'),
      form('b', '2026-12-07T02:00:00.000Z'),
      form('c', '2026-12-07T03:00:00.000Z'),
    ]);
    const outcomes: SendOutcome[] = [{ kind: 'accepted' }, { kind: 'unreachable' }];
    const calls: string[] = [];
    const result = await flushOutbox(store, async (pending) => {
      calls.push(pending.key);
      return outcomes.shift()!;
    });
    expect(calls).toEqual(['a', 'b']);
    expect(result).toEqual({ sent: ['a'], rejected: [], waiting: 2 });
    expect([...store.forms.keys()].sort()).toEqual(['b', 'c']);
  });

  it('keeps a refused form with its reason and does not send it again', async () => {
    const store = memoryStore([form('a', '2026-12-07T01:00:00.000Z')]);
    const reason = 'Câu 3 là câu bắt buộc: hãy chọn một mức.';
    const first = await flushOutbox(store, async () => ({ kind: 'rejected', message: reason }));
    expect(first.rejected).toEqual(['a']);
    expect(store.forms.get('a')?.rejection).toBe(reason);

    const calls: string[] = [];
    const second = await flushOutbox(store, async (pending) => {
      calls.push(pending.key);
      return { kind: 'accepted' };
    });
    expect(calls).toEqual([]);
    expect(second).toEqual({ sent: [], rejected: [], waiting: 0 });
  });
});

describe('singleFlight', () => {
  it('runs one flush for calls that overlap, and a new one afterwards', async () => {
    let runs = 0;
    let release!: () => void;
    const flush = singleFlight(
      () =>
        new Promise<number>((resolve) => {
          runs += 1;
          release = () => resolve(runs);
        }),
    );
    const first = flush();
    const second = flush();
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    const third = flush();
    release();
    expect(await third).toBe(2);
  });
});

describe('form keys', () => {
  it('normalises a typed paper id so the same form is one key', () => {
    expect(paperFormKey(' tp 001 ')).toBe('giay-TP001');
    expect(paperFormKey('TP001')).toBe(paperFormKey('tp  001'));
  });

  it('marks generated keys apart from paper ids', () => {
    expect(newFormKey(() => 'x')).toBe('may-x');
  });
});
