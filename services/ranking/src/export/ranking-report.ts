/**
 * What the ranking's reports show, put together from a draft's rows (pure): each group's table
 * in rank order, each unit's areas with their names, and each leaf with its self score (the
 * unit's own entry) beside its final score and where that came from.
 */
import type { ConsolidationRow, CriterionNode } from '@par/contracts';
import type { LeafProvenance } from '@par/scoring';
import type {
  ConsolidationDocument,
  ConsolidationRowDocument,
} from '../models/consolidation.model';

/** Which table a report is of: a draft version or a published one. */
export type ReportEdition =
  | { kind: 'draft'; version: number; at: Date }
  | { kind: 'publication'; number: number; version: number; at: Date; reason: string };

export interface ReportArea {
  code: string;
  title: string;
  score: number;
  max: number;
  subIndex: number | null;
}

export interface ReportCriterion {
  code: string;
  title: string;
  /** Hundredths; null when the unit left it unscored (or it is not the unit's to score). */
  selfScore: number | null;
  /** Hundredths; null when the table has no score for it. */
  finalScore: number | null;
  source: string;
}

export type ReportRow = Omit<ConsolidationRow, 'leaves' | 'areas'> & {
  areas: ReportArea[];
  criteria: ReportCriterion[];
};

export interface RankingReport {
  title: string;
  indexCode: string;
  year: number;
  periodName: string;
  edition: ReportEdition;
  groups: Array<{ unitGroup: string; totalMax: number; rows: ReportRow[] }>;
  excludedUnits: Array<{ unitCode: string; unitName: string; reason: string }>;
}

export type ReportNode = Pick<CriterionNode, 'code' | 'parentCode' | 'title'>;

/** Where a final score came from, as the report says it. */
export function sourceLabel(from: LeafProvenance | undefined): string {
  if (!from) return 'Chưa có điểm';
  if (from.source === 'appraisal') return 'Thẩm định';
  if (from.source === 'survey') return 'Điều tra xã hội học';
  return `Liên kết ${from.indexCode} ${from.criterionCode}`;
}

/**
 * The report of one draft: rows as the draft ordered them (by group, then rank), areas named
 * from the group's set, every leaf of the set in the set's order.
 */
export function rankingReport(
  header: ConsolidationDocument,
  rows: readonly ConsolidationRowDocument[],
  input: {
    periodName: string;
    edition: ReportEdition;
    /** Each group's set nodes, in the set's order. */
    nodesOf: ReadonlyMap<string, readonly ReportNode[]>;
    /** `<unitCode> <criterionCode>` → the unit's self score. */
    selfScores: ReadonlyMap<string, number | null>;
  },
): RankingReport {
  const groups = header.groups.map((group) => {
    const nodes = input.nodesOf.get(group.unitGroup) ?? [];
    const titleOf = new Map(nodes.map((n) => [n.code, n.title]));
    const parents = new Set(nodes.map((n) => n.parentCode));
    const leaves = nodes.filter((n) => !parents.has(n.code));
    const reportRows = rows
      .filter(({ row }) => row.unitGroup === group.unitGroup)
      .map(({ row }): ReportRow => {
        const { leaves: scored, areas, ...summary } = row;
        const finalOf = new Map(scored.map((l) => [l.code, l]));
        return {
          ...summary,
          areas: areas.map((a) => ({ ...a, title: titleOf.get(a.code) ?? a.code })),
          criteria: leaves.map((leaf) => {
            const final = finalOf.get(leaf.code);
            return {
              code: leaf.code,
              title: leaf.title,
              selfScore: input.selfScores.get(`${row.unitCode} ${leaf.code}`) ?? null,
              finalScore: final?.score ?? null,
              source: sourceLabel(final?.from),
            };
          }),
        };
      });
    return { unitGroup: group.unitGroup, totalMax: group.totalMax, rows: reportRows };
  });
  return {
    title: 'BÁO CÁO KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH',
    indexCode: header.indexCode,
    year: header.year,
    periodName: input.periodName,
    edition: input.edition,
    groups,
    excludedUnits: header.excludedUnits ?? [],
  };
}
