/** How the page understands a refused or failed save (from the API client's ApiError). */
import { Entry } from '@par/contracts';
import { isApiError } from '@par/client';
import type { SaveFailure } from './entry-store';

export function classifySaveFailure(error: unknown): SaveFailure {
  if (!isApiError(error)) return { kind: 'retry', message: String(error) };
  if (error.status === 409 && error.current) {
    const current = Entry.safeParse(error.current);
    if (current.success) return { kind: 'conflict', current: current.data };
  }
  // The token ran out mid-afternoon, the server is busy or away: the next try may pass.
  if (error.retryable || error.status === 0 || error.status === 401 || error.status >= 500)
    return { kind: 'retry', message: error.message };
  // Deadline passed, submitted meanwhile (403), phase moved on: the unit may not write any more.
  const readOnly =
    error.code === 'E_DEADLINE_PASSED' ||
    error.code === 'E_CONFLICT' ||
    error.code === 'E_FORBIDDEN';
  return { kind: 'refused', message: error.message, readOnly };
}
