/**
 * Two people on one entry: what to do with a version of the entry the page did not write itself
 * (another person's save seen by polling, or the current entry a 409 carries), and what each
 * choice leaves behind. Nothing here is ever overwritten silently. The unit's entries and the
 * appraisers' share these rules; each page says how its saved shape reads as its draft.
 */

/** A saved version of an entry: each save sends the version it read. */
export interface Versioned {
  version: number;
}

/** How a page reads its saved entries as drafts, and when two drafts save the same thing. */
export interface DraftModel<D, S> {
  toDraft(saved: S | null): D;
  same(a: D, b: D): boolean;
}

/** What the page knows of one entry when another version of it arrives. */
export interface LocalEntry<D, S> {
  draft: D;
  /** The last version the page read or wrote; null for a leaf never saved. */
  saved: S | null;
  /** The person is in one of its fields now. */
  editing: boolean;
  /** A save of it is on its way (its answer settles the question). */
  inFlight: boolean;
}

export type Reconciliation<D, S> =
  /** Older than or the same as what the page holds: nothing to do. */
  | { kind: 'ignore' }
  /** Nothing typed here is lost: show the other version in the fields. */
  | { kind: 'adopt'; draft: D; saved: S }
  /** Same content as typed here: only the version moves on (the next save uses it). */
  | { kind: 'adoptVersion'; saved: S }
  /**
   * The server holds what the page last saved, on a later version (the submission's freeze moves
   * every entry on, content unchanged): nobody else wrote it, so the draft is saved on it again.
   */
  | { kind: 'rebase'; saved: S }
  /** The person has typed something else: show both and let them choose. */
  | { kind: 'conflict'; theirs: S };

const dirty = <D, S>(model: DraftModel<D, S>, local: LocalEntry<D, S>) =>
  !model.same(local.draft, model.toDraft(local.saved));

/** Another person's save, seen by polling. */
export function reconcileIncoming<D, S extends Versioned>(
  model: DraftModel<D, S>,
  local: LocalEntry<D, S>,
  incoming: S,
): Reconciliation<D, S> {
  if (local.saved && incoming.version <= local.saved.version) return { kind: 'ignore' };
  // The save on its way carries a stale version now: its 409 brings this entry back.
  if (local.inFlight) return { kind: 'ignore' };
  if (model.same(local.draft, model.toDraft(incoming)))
    return { kind: 'adoptVersion', saved: incoming };
  if (local.editing || dirty(model, local)) return { kind: 'conflict', theirs: incoming };
  return { kind: 'adopt', draft: model.toDraft(incoming), saved: incoming };
}

/**
 * A save refused with 409: `current` is the entry as the server holds it now, `saved` the
 * version the save was based on.
 */
export function reconcileStale<D, S extends Versioned>(
  model: DraftModel<D, S>,
  draft: D,
  saved: S | null,
  current: S,
): Reconciliation<D, S> {
  const theirs = model.toDraft(current);
  if (model.same(draft, theirs)) return { kind: 'adoptVersion', saved: current };
  if (saved && model.same(model.toDraft(saved), theirs)) return { kind: 'rebase', saved: current };
  return { kind: 'conflict', theirs: current };
}

export type ConflictChoice = 'mine' | 'theirs';

/**
 * The person's choice: keeping theirs puts the other version in the fields (nothing to save);
 * keeping mine saves the draft again on the other version's number, so it replaces it knowingly.
 */
export function resolveConflict<D, S extends Versioned>(
  model: DraftModel<D, S>,
  choice: ConflictChoice,
  draft: D,
  theirs: S,
): { draft: D; saved: S; resave: boolean } {
  if (choice === 'theirs') return { draft: model.toDraft(theirs), saved: theirs, resave: false };
  return { draft, saved: theirs, resave: true };
}
