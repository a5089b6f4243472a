/**
 * Survey results arriving from the survey service (`survey.campaign.closed`, issue 13): each
 * named `survey` leaf of each unit gets its value as that percentage of the leaf's maximum,
 * replacing whatever it held. Results sent again (a campaign reopened and closed, a redelivery)
 * replace, never add; results older than those already applied for the campaign change nothing.
 */
import type { Connection } from 'mongoose';
import type { SurveyCampaignClosed } from '@par/contracts';
import { formatPercent, surveyScore } from '@par/scoring';
import { writeKeyedVersion } from '@par/service-kit';
import { entryId, type EntryDocument, type EntryStore } from '../models/entry.model';
import { unitInPeriod } from './self-assessments';

/** What a survey entry records of the results it came from, so older ones never win. */
export interface SurveyEntrySource {
  campaignId: string;
  resultsSent: number;
}

export interface SurveyResultsOutcome {
  written: number;
  /** Unit × criterion pairs left alone: not in the period, not a survey leaf, or older results. */
  skipped: Array<{ unitCode: string; criterionCode: string; reason: string }>;
}

/** How many times a write lost to another on the same entry is tried again before giving up. */
const ATTEMPTS = 5;

export async function applySurveyResults(
  db: Connection,
  entries: EntryStore,
  event: SurveyCampaignClosed,
): Promise<SurveyResultsOutcome> {
  const outcome: SurveyResultsOutcome = { written: 0, skipped: [] };
  for (const unit of event.units) {
    const at = await unitInPeriod(db, event.periodId, unit.unitCode).catch(() => null);
    for (const criterion of unit.criteria) {
      const skip = (reason: string) =>
        outcome.skipped.push({
          unitCode: unit.unitCode,
          criterionCode: criterion.criterionCode,
          reason,
        });
      if (!at) {
        skip('unit not in the period');
        continue;
      }
      const leaf = at.leaves.leaves.get(criterion.criterionCode);
      if (!leaf || leaf.node.rule?.type !== 'survey') {
        skip('not a survey leaf of the unit’s set');
        continue;
      }
      const score =
        criterion.percent === null ? null : surveyScore(criterion.percent, leaf.node.maxScore);
      const fields = {
        periodId: at.periodId,
        unitCode: unit.unitCode,
        criterionCode: criterion.criterionCode,
        inputs: score === null ? {} : { value: score },
        score,
        percent: criterion.percent,
        explanation:
          criterion.percent === null
            ? `Điều tra xã hội học: chưa có câu trả lời (${unit.responses} phiếu).`
            : `Điều tra xã hội học: ${formatPercent(criterion.percent)} hài lòng, ${unit.responses} phiếu.`,
        missingEvidenceExplanation: '',
        updatedAt: new Date(event.closedAt),
        updatedBy: { id: event.by, username: 'khảo sát' },
        survey: { campaignId: event.campaignId, resultsSent: event.resultsSent },
      };
      const collection = entries.collection(at.periodId, unit.unitCode, leaf.areaCode);
      const id = entryId(entries.layout, at.periodId, unit.unitCode, criterion.criterionCode);
      let done = false;
      for (let attempt = 0; attempt < ATTEMPTS && !done; attempt++) {
        const current = (await collection.findOne({ _id: id })) as
          (EntryDocument & { survey?: SurveyEntrySource }) | null;
        if (
          current?.survey?.campaignId === event.campaignId &&
          current.survey.resultsSent >= event.resultsSent
        ) {
          skip('results already applied');
          done = true;
          break;
        }
        done = await writeKeyedVersion(collection, id, current?.version ?? 0, fields);
        if (done) outcome.written += 1;
      }
      if (!done)
        throw new Error(`survey entry ${unit.unitCode}/${criterion.criterionCode} kept changing`);
    }
  }
  return outcome;
}
