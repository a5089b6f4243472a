/** How the page understands a refused or failed save of an appraisal (from the client's ApiError). */
import { AppraisalEntry } from '@par/contracts';
import { isApiError } from '@par/client';
import type { AppraisalSaveFailure } from './appraisal-store';

export function classifySaveFailure(error: unknown): AppraisalSaveFailure {
  if (!isApiError(error)) return { kind: 'retry', message: String(error) };
  if (error.status === 409 && error.current) {
    const current = AppraisalEntry.safeParse(error.current);
    if (current.success) return { kind: 'conflict', current: current.data };
  }
  // The token ran out, the server is busy or away: the next try may pass.
  if (error.retryable || error.status === 0 || error.status === 401 || error.status >= 500)
    return { kind: 'retry', message: error.message };
  // Round sent (or its deadline passed) meanwhile: the appraiser may not write it any more.
  const readOnly =
    error.code === 'E_DEADLINE_PASSED' ||
    error.code === 'E_CONFLICT' ||
    error.code === 'E_FORBIDDEN';
  return { kind: 'refused', message: error.message, readOnly };
}
