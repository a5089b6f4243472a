import type { EntryInputs } from '@par/contracts';
import { emptyRuleDraft, inputsToRuleDraft, sameInputs } from '../rule-input/rule-draft';
import type { RuleDraft } from '../rule-input/rule-draft';
import { reconcileIncoming, reconcileStale, resolveConflict } from './conflict';
import type { DraftModel } from './conflict';

const node = {
  code: '1.1',
  maxScore: 200,
  rule: { type: 'manual', min: 0, max: 200, step: 25 },
} as const;

/** A saved entry as a page holds it: the rule's inputs and one text. */
interface Saved {
  inputs: EntryInputs;
  explanation: string;
  version: number;
}
type Draft = RuleDraft & { explanation: string };

const entry = (version: number, value: number | null, explanation: string): Saved => ({
  inputs: { value },
  explanation,
  version,
});

const emptyDraft: Draft = { ...emptyRuleDraft, explanation: '' };
const entryToDraft = (saved: Saved | null): Draft =>
  saved ? { ...inputsToRuleDraft(saved.inputs, 'vi'), explanation: saved.explanation } : emptyDraft;
const model: DraftModel<Draft, Saved> = {
  toDraft: entryToDraft,
  same: (a, b) => a.explanation === b.explanation && sameInputs(node, a, b),
};

describe('an entry saved by another person', () => {
  const saved = entry(3, 100, 'Đã ban hành');

  it('is taken into the fields when nothing is typed here', () => {
    const theirs = entry(4, 150, 'Đã ban hành kế hoạch');
    const outcome = reconcileIncoming(
      model,
      { draft: entryToDraft(saved), saved, editing: false, inFlight: false },
      theirs,
    );
    expect(outcome).toEqual({
      kind: 'adopt',
      saved: theirs,
      draft: { ...emptyDraft, value: '1,5', explanation: 'Đã ban hành kế hoạch' },
    });
  });

  it('is a conflict while the officer is in the entry, even before they typed', () => {
    const theirs = entry(4, 150, 'Khác');
    const outcome = reconcileIncoming(
      model,
      { draft: entryToDraft(saved), saved, editing: true, inFlight: false },
      theirs,
    );
    expect(outcome).toEqual({ kind: 'conflict', theirs });
  });

  it('is a conflict when unsaved typing here differs', () => {
    const theirs = entry(4, 150, 'Đã ban hành');
    const mine = { ...entryToDraft(saved), value: '1,75' };
    expect(
      reconcileIncoming(model, { draft: mine, saved, editing: false, inFlight: false }, theirs)
        .kind,
    ).toBe('conflict');
  });

  it('only moves the version on when the other officer saved what is typed here (1,5 = 1.50)', () => {
    const theirs = entry(4, 150, 'Đã ban hành');
    const mine = { ...entryToDraft(saved), value: '1.50' };
    expect(
      reconcileIncoming(model, { draft: mine, saved, editing: true, inFlight: false }, theirs),
    ).toEqual({ kind: 'adoptVersion', saved: theirs });
  });

  it('is ignored when not newer than what the page holds, or while a save is on its way', () => {
    const local = { draft: entryToDraft(saved), saved, editing: false, inFlight: false };
    expect(reconcileIncoming(model, local, entry(3, 50, 'x')).kind).toBe('ignore');
    expect(reconcileIncoming(model, { ...local, inFlight: true }, entry(5, 50, 'x')).kind).toBe(
      'ignore',
    );
  });
});

describe('a save refused as stale (409)', () => {
  it('shows both versions when the current entry differs', () => {
    const current = entry(5, 200, 'Bản của người khác');
    const mine = { ...emptyDraft, value: '0,5', explanation: 'Bản của tôi' };
    expect(reconcileStale(model, mine, entry(4, 100, 'Bản cũ'), current)).toEqual({
      kind: 'conflict',
      theirs: current,
    });
  });

  it('saves the draft again when only the version moved (the submission froze the entries)', () => {
    const read = entry(4, 100, 'Bản cũ');
    const frozen = { ...read, version: 5 };
    const mine = { ...emptyDraft, value: '0,5', explanation: 'Bản của tôi' };
    expect(reconcileStale(model, mine, read, frozen)).toEqual({
      kind: 'rebase',
      saved: frozen,
    });
    // A leaf this page never saved that someone else did is theirs to show, not to overwrite.
    expect(reconcileStale(model, mine, null, frozen).kind).toBe('conflict');
  });

  it('keeping mine resaves it on the current version; taking theirs fills the fields', () => {
    const current = entry(5, 200, 'Bản của người khác');
    const mine = { ...emptyDraft, value: '0,5', explanation: 'Bản của tôi' };
    expect(resolveConflict(model, 'mine', mine, current)).toEqual({
      draft: mine,
      saved: current,
      resave: true,
    });
    expect(resolveConflict(model, 'theirs', mine, current)).toEqual({
      draft: { ...emptyDraft, value: '2', explanation: 'Bản của người khác' },
      saved: current,
      resave: false,
    });
  });
});
