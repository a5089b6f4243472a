/**
 * Two officers on one entry: what to do with a version of the entry the page did not write
 * itself (another officer's save seen by polling, or the current entry a 409 carries), and what
 * each choice of the officer leaves behind. Nothing here is ever overwritten silently.
 */
import type { Entry, Locale } from '@par/contracts';
import { entryToDraft, sameContent } from './form-state';
import type { EntryDraft, EntryNode } from './form-state';

/** What the page knows of one entry when another version of it arrives. */
export interface LocalEntry {
  draft: EntryDraft;
  /** The last version the page read or wrote; null for a leaf never saved. */
  saved: Entry | null;
  /** The officer is in one of its fields now. */
  editing: boolean;
  /** A save of it is on its way (its answer settles the question). */
  inFlight: boolean;
}

export type Reconciliation =
  /** Older than or the same as what the page holds: nothing to do. */
  | { kind: 'ignore' }
  /** Nothing typed here is lost: show the other version in the fields. */
  | { kind: 'adopt'; draft: EntryDraft; saved: Entry }
  /** Same content as typed here: only the version moves on (the next save uses it). */
  | { kind: 'adoptVersion'; saved: Entry }
  /**
   * The server holds what the page last saved, on a later version (the submission's freeze moves
   * every entry on, content unchanged): nobody else wrote it, so the draft is saved on it again.
   */
  | { kind: 'rebase'; saved: Entry }
  /** The officer has typed something else: show both and let them choose. */
  | { kind: 'conflict'; theirs: Entry };

const dirty = (node: EntryNode, local: LocalEntry, locale: Locale) =>
  !sameContent(node, local.draft, entryToDraft(local.saved, locale));

/** Another officer's save, seen by polling. */
export function reconcileIncoming(
  node: EntryNode,
  local: LocalEntry,
  incoming: Entry,
  locale: Locale,
): Reconciliation {
  if (local.saved && incoming.version <= local.saved.version) return { kind: 'ignore' };
  // The save on its way carries a stale version now: its 409 brings this entry back.
  if (local.inFlight) return { kind: 'ignore' };
  if (sameContent(node, local.draft, entryToDraft(incoming, locale)))
    return { kind: 'adoptVersion', saved: incoming };
  if (local.editing || dirty(node, local, locale)) return { kind: 'conflict', theirs: incoming };
  return { kind: 'adopt', draft: entryToDraft(incoming, locale), saved: incoming };
}

/**
 * A save refused with 409: `current` is the entry as the server holds it now, `saved` the
 * version the save was based on.
 */
export function reconcileStale(
  node: EntryNode,
  draft: EntryDraft,
  saved: Entry | null,
  current: Entry,
  locale: Locale,
): Reconciliation {
  const theirs = entryToDraft(current, locale);
  if (sameContent(node, draft, theirs)) return { kind: 'adoptVersion', saved: current };
  if (saved && sameContent(node, entryToDraft(saved, locale), theirs))
    return { kind: 'rebase', saved: current };
  return { kind: 'conflict', theirs: current };
}

export type ConflictChoice = 'mine' | 'theirs';

/**
 * The officer's choice: keeping theirs puts the other version in the fields (nothing to save);
 * keeping mine saves the draft again on the other version's number, so it replaces it knowingly.
 */
export function resolveConflict(
  choice: ConflictChoice,
  draft: EntryDraft,
  theirs: Entry,
  locale: Locale,
): { draft: EntryDraft; saved: Entry; resave: boolean } {
  if (choice === 'theirs')
    return { draft: entryToDraft(theirs, locale), saved: theirs, resave: false };
  return { draft, saved: theirs, resave: true };
}
