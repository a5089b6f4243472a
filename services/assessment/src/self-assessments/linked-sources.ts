import type { LinkedSource } from '@par/contracts';
import { linkedScore } from '@par/scoring';
import { periodModel, type PeriodDocument } from '../models/period.model';
import { unitInPeriod, type SelfAssessmentDeps, type UnitInPeriod } from './self-assessments';

/**
 * What each linked leaf of a unit's set shows (issue 10, docs/scoring.md `linked`): the
 * criterion it names, in the same unit's period of the named index and the same year (the latest
 * made, if several), with the unit's score there scaled to this leaf's maximum. All of it lives
 * in this service's own database: periods of every index, and their entries.
 */
export async function linkedSources(
  deps: SelfAssessmentDeps,
  at: UnitInPeriod,
): Promise<LinkedSource[]> {
  const linked = at.set.nodes.flatMap((node) =>
    node.rule?.type === 'linked' && at.leaves.leaves.has(node.code)
      ? [{ node, indexCode: node.rule.indexCode, sourceCode: node.rule.criterionCode }]
      : [],
  );
  if (!linked.length) return [];

  const unitCode = at.unit.code;
  const sources = new Map<string, Promise<UnitInPeriod | null>>();
  const sourceOf = (indexCode: string) => {
    let source = sources.get(indexCode);
    if (!source) {
      source = periodModel(deps.db)
        .findOne({ indexCode, year: at.period.year, 'units.code': unitCode })
        .sort({ createdAt: -1 })
        .lean<PeriodDocument>()
        .then((period) =>
          // A unit group without a set there: nothing of the unit to show.
          period ? unitInPeriod(deps.db, '', unitCode, period).catch(() => null) : null,
        );
      sources.set(indexCode, source);
    }
    return source;
  };

  return Promise.all(
    linked.map(async ({ node, indexCode, sourceCode }): Promise<LinkedSource> => {
      const source = await sourceOf(indexCode);
      const leaf = source?.leaves.leaves.get(sourceCode);
      const entry =
        source && leaf
          ? await deps.entries.entry(source.periodId, unitCode, leaf.areaCode, sourceCode)
          : null;
      const sourceScore = entry?.score ?? null;
      const sourceMax = leaf?.node.maxScore ?? null;
      return {
        criterionCode: node.code,
        indexCode,
        sourceCode,
        period: source
          ? {
              id: source.periodId,
              name: source.period.name,
              year: source.period.year,
              currentPhase: source.period.currentPhase,
            }
          : null,
        sourceMax,
        sourceScore,
        score:
          sourceScore !== null && sourceMax !== null
            ? linkedScore(sourceScore, sourceMax, node.maxScore)
            : null,
      };
    }),
  );
}
