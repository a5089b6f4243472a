/** Which periods choose a criteria set: what a set's delete must ask before it removes the set. */
import type { Connection } from 'mongoose';
import { periodModel, type PeriodDocument } from '../models/period.model';

/** The periods, in any phase, that choose the set `criteriaSetId` for one of their groups. */
export async function periodsUsingCriteriaSet(
  db: Connection,
  criteriaSetId: string,
): Promise<Array<Pick<PeriodDocument, '_id' | 'name' | 'year' | 'currentPhase'>>> {
  return periodModel(db)
    .find({ 'criteriaSets.criteriaSetId': criteriaSetId }, { name: 1, year: 1, currentPhase: 1 })
    .sort({ year: -1, name: 1 })
    .lean<Array<Pick<PeriodDocument, '_id' | 'name' | 'year' | 'currentPhase'>>>();
}
