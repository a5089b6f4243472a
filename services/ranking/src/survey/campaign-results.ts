/**
 * A closed campaign's results (`survey.campaign.closed`, issue 13) as one more survey import of
 * the period: each unit's answered `survey` leaf gets that share of its maximum (the kernel's
 * `surveyScore`, as the assessment service sets the unit's entry from the same event). The
 * import's id is the campaign and its sending, so a redelivery writes nothing; its time is the
 * close, so results sent later replace earlier ones, as a later sheet does, and older results
 * arriving late change nothing. Units not in the period, leaves that are not `survey` leaves of
 * the unit's set and criteria nobody answered are left out (the latter stay `surveyMissing`).
 */
import type { Connection } from 'mongoose';
import type { SurveyCampaignClosed } from '@par/contracts';
import { surveyScore } from '@par/scoring';
import type { PeriodScope } from '../consolidation/consolidation-inputs';
import { surveyImportModel, type SurveyResultLine } from '../models/survey-import.model';
import { surveyLeafMaxima } from './survey-sheet';

export const campaignImportId = (event: Pick<SurveyCampaignClosed, 'campaignId' | 'resultsSent'>) =>
  `campaign:${event.campaignId}:${event.resultsSent}`;

/** The results the event gives for the period's survey leaves, each with what it replaces. */
export function campaignResultLines(
  event: SurveyCampaignClosed,
  scope: PeriodScope,
  current: ReadonlyMap<string, number>,
): SurveyResultLine[] {
  const groupOf = new Map(scope.units.map((u) => [u.code, u.unitGroup]));
  const surveyMax = surveyLeafMaxima(scope);
  return event.units.flatMap((unit) => {
    const group = groupOf.get(unit.unitCode);
    return unit.criteria.flatMap(({ criterionCode, percent }) => {
      const max = group === undefined ? undefined : surveyMax.get(group)?.get(criterionCode);
      if (max === undefined || percent === null) return [];
      const key = `${unit.unitCode} ${criterionCode}`;
      return [
        {
          unitCode: unit.unitCode,
          criterionCode,
          score: surveyScore(percent, max),
          replaces: current.get(key) ?? null,
        },
      ];
    });
  });
}

/** Writes the campaign's results as one import (once per sending); how many lines it held. */
export async function importCampaignResults(
  db: Connection,
  event: SurveyCampaignClosed,
  scope: PeriodScope,
  current: ReadonlyMap<string, number>,
): Promise<number> {
  const results = campaignResultLines(event, scope, current);
  try {
    await surveyImportModel(db).create({
      _id: campaignImportId(event),
      periodId: scope.period.id,
      fileName: `Khảo sát ${event.campaignId} (lần gửi ${event.resultsSent})`,
      at: new Date(event.closedAt),
      by: { id: event.by, username: 'khảo sát' },
      results,
    });
  } catch (err) {
    // The same sending again: it is already there, whole.
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  return results.length;
}
