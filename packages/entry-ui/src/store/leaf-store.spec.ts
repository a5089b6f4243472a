import type { EntryInputs } from '@par/contracts';
import type { Versioned } from '../conflict/conflict';
import {
  draftToInputs,
  emptyRuleDraft,
  inputsToRuleDraft,
  sameInputs,
} from '../rule-input/rule-draft';
import type { RuleDraft, RuleNode } from '../rule-input/rule-draft';
import { LeafStore } from './leaf-store';
import type { LeafStoreOptions, LeafStoreView, StoreSaveFailure } from './leaf-store';

// A page as small as the shared store allows: an entry is a leaf's inputs and an explanation.
interface Note extends Versioned {
  criterionCode: string;
  inputs: EntryInputs;
  explanation: string;
}
interface NoteDraft extends RuleDraft {
  explanation: string;
}
interface SaveNote {
  criterionCode: string;
  version: number;
  inputs: EntryInputs;
  explanation: string;
}
type NoteView = LeafStoreView<NoteDraft, Note, Note | null, object, object>;

const toDraft = (note: Note | null): NoteDraft =>
  note
    ? { ...inputsToRuleDraft(note.inputs, 'vi'), explanation: note.explanation }
    : { ...emptyRuleDraft, explanation: '' };

class NoteStore extends LeafStore<
  RuleNode,
  NoteDraft,
  Note,
  Note | null,
  object,
  object,
  { scores: ReadonlyMap<string, number> }
> {
  private readonly byCode: Map<string, RuleNode>;

  constructor(
    nodes: readonly RuleNode[],
    entries: readonly Note[],
    private readonly save: (params: SaveNote) => Promise<Note>,
    options: LeafStoreOptions<Note>,
  ) {
    super({ ...options, notLeaf: (code) => `${code}?`, summaryFields: ['draft', 'saved'] });
    this.byCode = new Map(nodes.map((node) => [node.code, node]));
    const saved = new Map(entries.map((entry) => [entry.criterionCode, entry]));
    this.start(
      nodes.map((node) => {
        const entry = saved.get(node.code) ?? null;
        return {
          code: node.code,
          draft: toDraft(entry),
          saved: entry,
          status: 'idle',
          error: null,
          conflict: null,
        };
      }),
    );
  }

  protected nodeOf(code: string) {
    return this.byCode.get(code)!;
  }

  protected model(code: string) {
    const node = this.nodeOf(code);
    return {
      toDraft,
      same: (a: NoteDraft, b: NoteDraft) =>
        a.explanation === b.explanation && sameInputs(node, a, b),
    };
  }

  protected send(leaf: NoteView) {
    return this.save({
      criterionCode: leaf.code,
      version: leaf.saved?.version ?? 0,
      inputs: draftToInputs(this.nodeOf(leaf.code), leaf.draft).inputs,
      explanation: leaf.draft.explanation,
    });
  }

  protected held() {
    return null;
  }

  protected derived() {
    return {};
  }

  protected heldBack() {
    return false;
  }

  protected count() {
    const scores = new Map<string, number>();
    for (const leaf of this.leaves.values())
      if (leaf.score.ok) scores.set(leaf.code, leaf.score.score);
    return { scores };
  }
}

// 1.1 manual 0–2 step 0,25; 1.2 yes 1 / no 0.
const nodes: RuleNode[] = [
  { code: '1.1', maxScore: 200, rule: { type: 'manual', min: 0, max: 200, step: 25 } },
  { code: '1.2', maxScore: 100, rule: { type: 'boolean', yesScore: 100, noScore: 0 } },
];

class Conflict extends Error {
  constructor(readonly current: Note) {
    super('409');
  }
}

const echo = (params: Partial<SaveNote> & { criterionCode: string }, version: number): Note => ({
  criterionCode: params.criterionCode,
  inputs: params.inputs ?? {},
  explanation: params.explanation ?? '',
  version,
});

function setUp(entries: Note[] = []) {
  const sent: SaveNote[] = [];
  const answers: Array<(params: SaveNote) => Note> = [];
  const store = new NoteStore(
    nodes,
    entries,
    async (params) => {
      sent.push(params);
      const answer = answers.shift();
      if (answer) return answer(params);
      return echo(params, params.version + 1);
    },
    {
      delayMs: 0,
      classify: (error): StoreSaveFailure<Note> =>
        error instanceof Conflict
          ? { kind: 'conflict', current: error.current }
          : { kind: 'retry', message: String(error) },
    },
  );
  return { store, sent, answers };
}

describe('LeafStore', () => {
  it('does not send a value the rule refuses, and marks it', async () => {
    const { store, sent } = setUp();
    store.edit('1.1', { value: '1,1' });
    await store.flush();
    expect(sent).toHaveLength(0);
    expect(store.leaf('1.1').invalid).toEqual({ field: 'value', reason: 'offStep' });
    expect(store.leaf('1.1').status).toBe('stopped');
    store.edit('1.1', { value: 'abc' });
    expect(store.leaf('1.1').invalid).toEqual({ field: 'value', reason: 'notHundredths' });
    store.edit('1.1', { value: '1,25' });
    await store.flush();
    expect(sent.map((p) => p.inputs)).toEqual([{ value: 125 }]);
    expect(store.leaf('1.1').status).toBe('saved');
    store.dispose();
  });

  it('sends the version it read, then the version the server gave', async () => {
    const { store, sent } = setUp();
    store.edit('1.2', { yes: false });
    await store.flush();
    store.edit('1.2', { explanation: 'Chưa có\nkế hoạch' });
    await store.flush();
    expect(sent.map((p) => [p.version, p.explanation])).toEqual([
      [0, ''],
      [1, 'Chưa có\nkế hoạch'],
    ]);
    store.dispose();
  });

  it('shows both values on a 409, and keeping mine resaves on the current version', async () => {
    const { store, sent, answers } = setUp();
    const theirs = echo({ criterionCode: '1.1', inputs: { value: 200 }, explanation: 'Của B' }, 7);
    answers.push(() => {
      throw new Conflict(theirs);
    });
    store.edit('1.1', { value: '0,5', explanation: 'Của A' });
    await store.flush();
    expect(store.leaf('1.1').conflict).toEqual(theirs);
    expect(store.leaf('1.1').status).toBe('stopped');
    expect(store.hasUnsaved()).toBe(true);
    store.resolve('1.1', 'mine');
    await store.flush();
    expect(sent.map((p) => [p.version, p.inputs, p.explanation])).toEqual([
      [0, { value: 50 }, 'Của A'],
      [7, { value: 50 }, 'Của A'],
    ]);
    expect(store.leaf('1.1').conflict).toBeNull();
    expect(store.leaf('1.1').saved?.version).toBe(8);
    expect(store.hasUnsaved()).toBe(false);
    store.dispose();
  });

  it('saves again, without asking, when the 409 brings what the page had on a later version', async () => {
    const read = echo({ criterionCode: '1.2', inputs: { yes: true }, explanation: 'Đủ' }, 3);
    const { store, sent, answers } = setUp([read]);
    // The submission froze the entries (version 3 → 4, content unchanged), then was refused.
    answers.push(() => {
      throw new Conflict({ ...read, version: 4 });
    });
    store.edit('1.2', { explanation: 'Đủ 4 báo cáo quý' });
    await store.flush();
    expect(store.leaf('1.2').conflict).toBeNull();
    expect(store.leaf('1.2').status).toBe('retrying');
    await store.flush();
    expect(sent.map((p) => [p.version, p.explanation])).toEqual([
      [3, 'Đủ 4 báo cáo quý'],
      [4, 'Đủ 4 báo cáo quý'],
    ]);
    expect(store.leaf('1.2').saved?.version).toBe(5);
    expect(store.hasUnsaved()).toBe(false);
    store.dispose();
  });

  it("taking the other person's value fills the fields and saves nothing", async () => {
    const { store, sent, answers } = setUp();
    const theirs = echo({ criterionCode: '1.1', inputs: { value: 200 }, explanation: 'Của B' }, 7);
    answers.push(() => {
      throw new Conflict(theirs);
    });
    store.edit('1.1', { value: '0,5' });
    await store.flush();
    store.resolve('1.1', 'theirs');
    await store.flush();
    expect(sent).toHaveLength(1);
    expect(store.leaf('1.1').draft).toMatchObject({ value: '2', explanation: 'Của B' });
    expect(store.summary().scores.get('1.1')).toBe(200);
    store.dispose();
  });

  it("shows other people's saves, but never over an entry being edited", () => {
    const { store } = setUp();
    const theirs = echo({ criterionCode: '1.2', inputs: { yes: true }, explanation: 'B' }, 1);
    store.applyRemote([theirs]);
    expect(store.leaf('1.2').draft).toMatchObject({ yes: true, explanation: 'B' });
    expect(store.summary().scores.get('1.2')).toBe(100);

    store.focus('1.1');
    const other = echo({ criterionCode: '1.1', inputs: { value: 100 }, explanation: 'B' }, 1);
    store.applyRemote([other]);
    expect(store.leaf('1.1').draft.value).toBe('');
    expect(store.leaf('1.1').conflict).toEqual(other);
    store.dispose();
  });

  it('re-renders only the leaf that changed', () => {
    const { store } = setUp();
    const calls: string[] = [];
    store.subscribeLeaf('1.1', () => calls.push('1.1'));
    store.subscribeLeaf('1.2', () => calls.push('1.2'));
    store.edit('1.1', { explanation: 'a' });
    expect(calls.every((c) => c === '1.1')).toBe(true);
    store.dispose();
  });
});
