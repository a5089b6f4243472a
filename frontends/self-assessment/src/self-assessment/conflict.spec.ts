import type { Entry } from '@par/contracts';
import { reconcileIncoming, reconcileStale, resolveConflict } from './conflict';
import { emptyDraft, entryToDraft } from './form-state';

const node = {
  code: '1.1',
  maxScore: 200,
  rule: { type: 'manual', min: 0, max: 200, step: 25 },
} as const;

const entry = (
  version: number,
  value: number | null,
  explanation: string,
  by = 'nhaplieu.b',
): Entry => ({
  criterionCode: '1.1',
  inputs: { value },
  score: value,
  percent: null,
  explanation,
  missingEvidenceExplanation: '',
  version,
  updatedAt: '2026-12-07T01:00:00.000Z',
  updatedBy: { id: 'u-b', username: by },
});

describe('an entry saved by another officer', () => {
  const saved = entry(3, 100, 'Đã ban hành');

  it('is taken into the fields when nothing is typed here', () => {
    const theirs = entry(4, 150, 'Đã ban hành kế hoạch');
    const outcome = reconcileIncoming(
      node,
      { draft: entryToDraft(saved, 'vi'), saved, editing: false, inFlight: false },
      theirs,
      'vi',
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
      node,
      { draft: entryToDraft(saved, 'vi'), saved, editing: true, inFlight: false },
      theirs,
      'vi',
    );
    expect(outcome).toEqual({ kind: 'conflict', theirs });
  });

  it('is a conflict when unsaved typing here differs', () => {
    const theirs = entry(4, 150, 'Đã ban hành');
    const mine = { ...entryToDraft(saved, 'vi'), value: '1,75' };
    expect(
      reconcileIncoming(node, { draft: mine, saved, editing: false, inFlight: false }, theirs, 'vi')
        .kind,
    ).toBe('conflict');
  });

  it('only moves the version on when the other officer saved what is typed here (1,5 = 1.50)', () => {
    const theirs = entry(4, 150, 'Đã ban hành');
    const mine = { ...entryToDraft(saved, 'vi'), value: '1.50' };
    expect(
      reconcileIncoming(node, { draft: mine, saved, editing: true, inFlight: false }, theirs, 'vi'),
    ).toEqual({ kind: 'adoptVersion', saved: theirs });
  });

  it('is ignored when not newer than what the page holds, or while a save is on its way', () => {
    const local = { draft: entryToDraft(saved, 'vi'), saved, editing: false, inFlight: false };
    expect(reconcileIncoming(node, local, entry(3, 50, 'x'), 'vi').kind).toBe('ignore');
    expect(
      reconcileIncoming(node, { ...local, inFlight: true }, entry(5, 50, 'x'), 'vi').kind,
    ).toBe('ignore');
  });
});

describe('a save refused as stale (409)', () => {
  it('shows both versions when the current entry differs', () => {
    const current = entry(5, 200, 'Bản của người khác');
    const mine = { ...emptyDraft, value: '0,5', explanation: 'Bản của tôi' };
    expect(reconcileStale(node, mine, entry(4, 100, 'Bản cũ'), current, 'vi')).toEqual({
      kind: 'conflict',
      theirs: current,
    });
  });

  it('saves the draft again when only the version moved (the submission froze the entries)', () => {
    const read = entry(4, 100, 'Bản cũ');
    const frozen = { ...read, version: 5 };
    const mine = { ...emptyDraft, value: '0,5', explanation: 'Bản của tôi' };
    expect(reconcileStale(node, mine, read, frozen, 'vi')).toEqual({
      kind: 'rebase',
      saved: frozen,
    });
    // A leaf this page never saved that someone else did is theirs to show, not to overwrite.
    expect(reconcileStale(node, mine, null, frozen, 'vi').kind).toBe('conflict');
  });

  it('keeping mine resaves it on the current version; taking theirs fills the fields', () => {
    const current = entry(5, 200, 'Bản của người khác');
    const mine = { ...emptyDraft, value: '0,5', explanation: 'Bản của tôi' };
    expect(resolveConflict('mine', mine, current, 'vi')).toEqual({
      draft: mine,
      saved: current,
      resave: true,
    });
    expect(resolveConflict('theirs', mine, current, 'vi')).toEqual({
      draft: { ...emptyDraft, value: '2', explanation: 'Bản của người khác' },
      saved: current,
      resave: false,
    });
  });
});
