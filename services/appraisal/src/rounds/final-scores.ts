/**
 * A period's final appraisal for the ranking service: the round-2 score that counts for every
 * assigned (unit, leaf) settled so far, and whether every assigned appraiser has sent round 2.
 */
import type { FinalScore, FinalScores } from '@par/contracts';
import { appraisalEntryModel, appraisalEntryId } from '../models/appraisal-entry.model';
import type { AppraisalEntryDocument } from '../models/appraisal-entry.model';
import { roundModel, type RoundDocument } from '../models/round.model';
import { round2ScoreOf } from './round-rules';
import { expand, scoreZero, shareOf, type RoundDeps } from './rounds';

export async function listFinalScores(deps: RoundDeps, periodId: string): Promise<FinalScores> {
  const { scope, assignments, decisions } = await shareOf(deps, periodId, null);
  const id = scope.period.id;
  const [docs, rounds] = await Promise.all([
    appraisalEntryModel(deps.db)
      .find({ periodId: id }, { outbox: 0 })
      .lean<AppraisalEntryDocument[]>(),
    roundModel(deps.db).find({ periodId: id, round: 2 }).lean<RoundDocument[]>(),
  ]);
  const byId = new Map(docs.map((d) => [d._id, d]));
  const entries: FinalScore[] = [];
  for (const [unitCode, leaves] of expand(scope, assignments)) {
    if (scoreZero(decisions.get(unitCode))) continue;
    for (const criterionCode of leaves) {
      const doc = byId.get(appraisalEntryId(id, unitCode, criterionCode));
      const score = round2ScoreOf(doc);
      if (doc && score !== null)
        entries.push({
          unitCode,
          criterionCode,
          score,
          entryId: doc._id,
          entryVersion: doc.version,
        });
    }
  }
  const people = new Set(assignments.flatMap((a) => a.appraisers.map((p) => p.id)));
  const sent = rounds.filter((r) => r.sentAt !== null && people.has(r.appraiserId)).length;
  return {
    periodId: id,
    appraisers: people.size,
    round2Sent: sent,
    complete: people.size > 0 && sent === people.size,
    entries,
  };
}
