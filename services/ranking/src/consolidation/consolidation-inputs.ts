/**
 * What a consolidation is made of, put together from what the other services and this one hold
 * (pure): the period's units and criteria sets, the appraised leaves, the survey imports folded
 * in order, last year's rows and the units' lineage; and what still blocks each unit.
 */
import { createHash } from 'node:crypto';
import type { ConsolidationBlocker, CriterionNode } from '@par/contracts';
import type {
  BandTable,
  ConsolidationInput,
  ConsolidationLeaf,
  ConsolidationTable,
} from '@par/scoring';
import type { SurveyImportDocument } from '../models/survey-import.model';

/** The period as consolidation needs it: its units and each group's set with its nodes. */
export interface PeriodScope {
  period: { id: string; name: string; indexCode: string; year: number };
  units: Array<{ code: string; name: string; unitGroup: string; submitted: boolean }>;
  criteriaSets: Array<{
    unitGroup: string;
    id: string;
    version: number;
    nodes: Array<Pick<CriterionNode, 'code' | 'parentCode' | 'maxScore' | 'rule'>>;
  }>;
}

/** A settled appraisal entry's round-2 score (`appraisal.listFinalScores`, issue 11). */
export interface AppraisedLeaf {
  unitCode: string;
  criterionCode: string;
  score: number;
  entryId: string;
  entryVersion: number;
}

/** The period's survey results: the imports in order, a later result replacing an earlier one. */
export function currentSurveyResults(
  imports: readonly Pick<SurveyImportDocument, '_id' | 'at' | 'results'>[],
): Map<string, { score: number; importId: string }> {
  const current = new Map<string, { score: number; importId: string }>();
  const ordered = [...imports].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a._id < b._id ? -1 : 1),
  );
  for (const doc of ordered)
    for (const r of doc.results)
      current.set(`${r.unitCode} ${r.criterionCode}`, { score: r.score, importId: doc._id });
  return current;
}

export interface InputOptions {
  bands: BandTable;
  tieBreakAreaCodes: readonly string[];
  previous: {
    periodId: string;
    units: Array<{ unitCode: string; total: number; max: number }>;
  } | null;
  lineage: Record<string, string[]>;
}

/** The kernel's input, units and leaves by code so that equal inputs digest equally. */
export function consolidationInput(
  scope: PeriodScope,
  appraised: readonly AppraisedLeaf[],
  survey: ReadonlyMap<string, { score: number; importId: string }>,
  options: InputOptions,
): ConsolidationInput {
  const leavesOf = new Map<string, ConsolidationLeaf[]>();
  const add = (unitCode: string, leaf: ConsolidationLeaf) => {
    const list = leavesOf.get(unitCode);
    if (list) list.push(leaf);
    else leavesOf.set(unitCode, [leaf]);
  };
  for (const a of appraised)
    add(a.unitCode, {
      code: a.criterionCode,
      score: a.score,
      from: { source: 'appraisal', entryId: a.entryId, entryVersion: a.entryVersion },
    });
  for (const [key, { score, importId }] of survey) {
    const [unitCode, code] = key.split(' ') as [string, string];
    add(unitCode, { code, score, from: { source: 'survey', importId } });
  }
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
  const units = [...scope.units]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((u) => ({
      unitCode: u.code,
      unitName: u.name,
      unitGroup: u.unitGroup,
      leaves: (leavesOf.get(u.code) ?? []).sort(byCode),
    }));
  return {
    indexCode: scope.period.indexCode,
    periodId: scope.period.id,
    criteriaSets: scope.criteriaSets,
    units,
    bands: options.bands,
    tieBreak:
      options.tieBreakAreaCodes.length > 0 ? { areaCodes: options.tieBreakAreaCodes } : null,
    previous: options.previous,
    lineage: options.lineage,
  };
}

/** SHA-256 of the input: two consolidations with the same digest made the same table. */
export function inputDigest(input: ConsolidationInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

const blockerOrder = [
  'noCriteriaSet',
  'notSubmitted',
  'notAppraised',
  'surveyMissing',
  'linkedMissing',
  'invalidScore',
] as const;

/**
 * What keeps each unit's result from being final: not submitted; leaves without a score by where
 * the score should come from (appraisal, survey import, linked index); scores refused; no set.
 */
export function blockersOf(
  scope: PeriodScope,
  table: ConsolidationTable,
): Omit<ConsolidationBlocker, 'decision'>[] {
  const units = new Map(scope.units.map((u) => [u.code, u]));
  const ruleOf = new Map(
    scope.criteriaSets.map((s) => [
      s.unitGroup,
      new Map(s.nodes.map((n) => [n.code, n.rule?.type])),
    ]),
  );
  const found = new Map<string, Omit<ConsolidationBlocker, 'decision'>>();
  const block = (unitCode: string, kind: ConsolidationBlocker['kind'], code?: string) => {
    const key = `${unitCode} ${kind}`;
    const blocker = found.get(key) ?? {
      unitCode,
      unitName: units.get(unitCode)?.name ?? unitCode,
      kind,
      criterionCodes: [],
    };
    if (code !== undefined) blocker.criterionCodes.push(code);
    found.set(key, blocker);
  };
  for (const unit of scope.units) if (!unit.submitted) block(unit.code, 'notSubmitted');
  for (const { unitCode } of table.unplaced) block(unitCode, 'noCriteriaSet');
  for (const group of table.groups)
    for (const row of group.rows)
      for (const issue of row.issues) {
        if (issue.code !== 'missingLeaf') {
          block(row.unitCode, 'invalidScore', issue.criterionCode);
          continue;
        }
        const rule = ruleOf.get(group.unitGroup)?.get(issue.criterionCode);
        block(
          row.unitCode,
          rule === 'survey'
            ? 'surveyMissing'
            : rule === 'linked'
              ? 'linkedMissing'
              : 'notAppraised',
          issue.criterionCode,
        );
      }
  return [...found.values()].sort(
    (a, b) =>
      (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0) ||
      blockerOrder.indexOf(a.kind) - blockerOrder.indexOf(b.kind),
  );
}
