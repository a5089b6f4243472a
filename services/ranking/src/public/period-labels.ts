/**
 * The names the public pages show beside the codes the ranking keeps: a period's name and each
 * group's area titles, asked of the assessment service as the ranking principal once per period
 * and kept (they are read on every public page, and a published period's set does not change).
 */
import {
  criteriaSetActions,
  periodActions,
  type AppraisalScope,
  type CriteriaSet,
} from '@par/contracts';
import type { Ask } from '../consolidation/consolidations';

export interface PeriodLabels {
  periodName: string;
  /** unitGroup → area code → title. */
  areaTitles: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Looks a period's labels up; null when the assessment service cannot say (codes are shown). */
export type LabelsOf = (periodId: string) => Promise<PeriodLabels | null>;

export function periodLabels(ask: () => Ask): LabelsOf {
  const known = new Map<string, Promise<PeriodLabels>>();
  return async (periodId) => {
    let labels = known.get(periodId);
    if (!labels) {
      labels = readLabels(ask(), periodId);
      known.set(periodId, labels);
      // A failure is not kept: the next page asks again.
      labels.catch(() => known.delete(periodId));
    }
    return labels.catch(() => null);
  };
}

async function readLabels(ask: Ask, periodId: string): Promise<PeriodLabels> {
  const scope = await ask<AppraisalScope>(periodActions.getAppraisalScope.name, { id: periodId });
  const sets = await Promise.all(
    scope.criteriaSets.map((s) =>
      ask<CriteriaSet>(criteriaSetActions.getCriteriaSet.name, { id: s.criteriaSetId }),
    ),
  );
  return {
    periodName: scope.period.name,
    areaTitles: new Map(
      scope.criteriaSets.map((s, i) => [
        s.unitGroup,
        new Map(
          sets[i]!.nodes.filter((n) => n.parentCode === null).map(
            (n) => [n.code, n.title] as const,
          ),
        ),
      ]),
    ),
  };
}
