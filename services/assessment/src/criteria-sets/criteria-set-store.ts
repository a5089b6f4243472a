/**
 * What the rest of the assessment service (periods) may ask of the criteria sets; the criteria-set
 * module owns the collection, periods go through these two functions only.
 */
import type { Connection } from 'mongoose';
import type { CriteriaSetSummary } from '@par/contracts';

/** The summaries of the given sets, in no particular order; unknown ids are left out. */
export async function getCriteriaSetSummaries(
  _db: Connection,
  _ids: readonly string[],
): Promise<CriteriaSetSummary[]> {
  return Promise.reject(new Error('criteria sets are not implemented yet'));
}

/** Freezes the given sets when a period using them starts (idempotent). */
export async function markCriteriaSetsInUse(
  _db: Connection,
  _ids: readonly string[],
): Promise<void> {
  return Promise.reject(new Error('criteria sets are not implemented yet'));
}
