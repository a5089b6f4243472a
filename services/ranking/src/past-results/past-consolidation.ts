/**
 * A past period's imported results as the previous year of a consolidation: the appraised
 * scores consolidated by `consolidate` of @par/scoring (the one formula: caps, deductions,
 * totals), each unit's total and maximum kept for the year-on-year change.
 */
import { consolidate, defaultBandTable, type ConsolidationLeaf } from '@par/scoring';
import type { PeriodScope } from '../consolidation/consolidation-inputs';
import type { PastResultsImportDocument } from '../models/past-results-import.model';

/**
 * Each imported appraised score as the kind of leaf the kernel expects for its rule: a survey
 * leaf's from the import, a linked leaf's as a source on its own scale, any other as an appraisal
 * entry named after the import (`past:<importId>`, version 0), so the table records the import.
 */
export function pastLeaves(
  scope: PeriodScope,
  doc: Pick<PastResultsImportDocument, '_id' | 'results'>,
): Map<string, ConsolidationLeaf[]> {
  const groupOf = new Map(scope.units.map((u) => [u.code, u.unitGroup]));
  const nodes = new Map(
    scope.criteriaSets.map((s) => [s.unitGroup, new Map(s.nodes.map((n) => [n.code, n]))]),
  );
  const leaves = new Map<string, ConsolidationLeaf[]>();
  for (const r of doc.results) {
    const node = nodes.get(groupOf.get(r.unitCode) ?? '')?.get(r.criterionCode);
    const type = node?.rule?.type;
    const leaf: ConsolidationLeaf =
      type === 'survey'
        ? {
            code: r.criterionCode,
            score: r.appraisedScore,
            from: { source: 'survey', importId: doc._id },
          }
        : type === 'linked'
          ? {
              code: r.criterionCode,
              from: {
                source: 'linked',
                indexCode: scope.period.indexCode,
                criterionCode: r.criterionCode,
                sourceScore: r.appraisedScore,
                sourceMax: node!.maxScore,
                ref: `past:${doc._id}`,
              },
            }
          : {
              code: r.criterionCode,
              score: r.appraisedScore,
              from: { source: 'appraisal', entryId: `past:${doc._id}`, entryVersion: 0 },
            };
    const list = leaves.get(r.unitCode);
    if (list) list.push(leaf);
    else leaves.set(r.unitCode, [leaf]);
  }
  return leaves;
}

/**
 * Each unit's total and maximum in the past period, from its imported results; units without
 * any imported result, and units the kernel gives no index, are left out (their change is null).
 */
export function pastTotals(
  scope: PeriodScope,
  doc: Pick<PastResultsImportDocument, '_id' | 'results'>,
): Array<{ unitCode: string; total: number; max: number }> {
  const leaves = pastLeaves(scope, doc);
  const table = consolidate({
    indexCode: scope.period.indexCode,
    periodId: scope.period.id,
    criteriaSets: scope.criteriaSets,
    units: scope.units
      .filter((u) => leaves.has(u.code))
      .map((u) => ({
        unitCode: u.code,
        unitName: u.name,
        unitGroup: u.unitGroup,
        leaves: leaves.get(u.code)!,
      })),
    bands: defaultBandTable,
  });
  return table.groups
    .flatMap((g) => g.rows)
    .filter((row) => row.index !== null)
    .map((row) => ({ unitCode: row.unitCode, total: row.total, max: row.max }))
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : 1));
}
