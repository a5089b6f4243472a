/** How an entry page understands a refused or failed save (from the API client's ApiError). */
import { isApiError } from '@par/client';
import type { StoreSaveFailure } from './leaf-store';

/** How the page reads the entry a 409 carries (the entry's schema fits). */
export interface SavedEntrySchema<S> {
  safeParse(value: unknown): { success: true; data: S } | { success: false };
}

export function classifySaveFailure<S>(
  error: unknown,
  entry: SavedEntrySchema<S>,
): StoreSaveFailure<S> {
  if (!isApiError(error)) return { kind: 'retry', message: String(error) };
  if (error.status === 409 && error.current) {
    const current = entry.safeParse(error.current);
    if (current.success) return { kind: 'conflict', current: current.data };
  }
  // The token ran out, the server is busy or away: the next try may pass.
  if (error.retryable || error.status === 0 || error.status === 401 || error.status >= 500)
    return { kind: 'retry', message: error.message };
  // Deadline passed, submitted or round sent meanwhile (403), phase moved on: the page may not
  // write any more.
  const readOnly =
    error.code === 'E_DEADLINE_PASSED' ||
    error.code === 'E_CONFLICT' ||
    error.code === 'E_FORBIDDEN';
  return { kind: 'refused', message: error.message, readOnly };
}
