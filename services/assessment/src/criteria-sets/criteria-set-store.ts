/**
 * What the rest of the assessment service (periods) may ask of the criteria sets; the criteria-set
 * module owns the collection, periods go through these two functions only.
 */
import { isValidObjectId, type Connection } from 'mongoose';
import type { CriteriaSetSummary } from '@par/contracts';
import { criteriaSetModel, type CriteriaSetDocument } from '../models/criteria-set.model';
import { toSummary } from './criteria-sets';

/** The summaries of the given sets, in no particular order; unknown ids are left out. */
export async function getCriteriaSetSummaries(
  db: Connection,
  ids: readonly string[],
): Promise<CriteriaSetSummary[]> {
  const valid = ids.filter((id) => isValidObjectId(id));
  if (valid.length === 0) return [];
  const docs = await criteriaSetModel(db)
    .find({ _id: { $in: valid } }, { nodes: 0 })
    .lean<CriteriaSetDocument[]>();
  return docs.map(toSummary);
}

/** Freezes the given sets when a period using them starts (idempotent). */
export async function markCriteriaSetsInUse(db: Connection, ids: readonly string[]): Promise<void> {
  const valid = ids.filter((id) => isValidObjectId(id));
  if (valid.length === 0) return;
  // Only drafts move: a set already in use stays as it is, so calling twice changes nothing.
  await criteriaSetModel(db).updateMany(
    { _id: { $in: valid }, status: 'draft' },
    { $set: { status: 'inUse' }, $inc: { version: 1 } },
  );
}
