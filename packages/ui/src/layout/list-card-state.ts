/** What a list card shows in place of its list: the failure, the empty state, or the list. */
import type { ReactNode } from 'react';

export type ListCardBody = 'error' | 'empty' | 'list';

export interface ListCardState {
  failed: boolean;
  loading: boolean;
  /**
   * Whether the list has no rows; undefined when the list draws its own empty state (a table
   * that keeps its column headers), so the card never replaces it.
   */
  isEmpty?: boolean;
}

/**
 * A failure wins over stale rows, since they may no longer be true; while loading the list
 * stays, so a reload does not flash the empty state.
 */
export function listCardBody({ failed, loading, isEmpty }: ListCardState): ListCardBody {
  if (failed) return 'error';
  if (isEmpty && !loading) return 'empty';
  return 'list';
}

/** A table's empty text: blank while loading, so "nothing here" never shows before the rows. */
export function listEmptyText(loading: boolean, empty: ReactNode): ReactNode {
  return loading ? ' ' : empty;
}
