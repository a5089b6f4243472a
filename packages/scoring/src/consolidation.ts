/**
 * Consolidation: a period's table of results from every unit's final leaf scores — area sums and
 * total through the tree kernel, index and sub-indices, band, rank within the unit group, change
 * against the previous year — exact, deterministic, and recording where every figure came from.
 */
import { classify, validateBandTable, type BandTable } from './bands';
import { scoreIndex } from './indices';
import { rankWithinGroups } from './ranks';
import { mulDivRoundHalfUp } from './round-half-up';
import { buildCriteriaTree } from './tree-shape';
import { treeMaxima, treeScores, type TotalsNode } from './tree-totals';

/**
 * Where a leaf's final score came from, and so what a table was made of:
 * - `appraisal`: the settled appraisal entry, at the version read (a deduction's score is the
 *   penalty as a negative number, as `leafScore` gives it);
 * - `survey`: a survey result, from the import (or survey module delivery) `importId`;
 * - `linked`: the result of a criterion of another index for the same unit (`ref` names the
 *   table or entry it was read from); consolidation scales it to this leaf's maximum.
 */
export type LeafProvenance =
  | { source: 'appraisal'; entryId: string; entryVersion: number }
  | { source: 'survey'; importId: string }
  | {
      source: 'linked';
      indexCode: string;
      criterionCode: string;
      /** The linked criterion's score and maximum, in hundredths. */
      sourceScore: number;
      sourceMax: number;
      ref: string;
    };

/** One leaf's final score as consolidation receives it (linked leaves carry theirs in the source). */
export type ConsolidationLeaf =
  | { code: string; score: number; from: Extract<LeafProvenance, { source: 'appraisal' }> }
  | { code: string; score: number; from: Extract<LeafProvenance, { source: 'survey' }> }
  | { code: string; from: Extract<LeafProvenance, { source: 'linked' }> };

export interface ConsolidationUnit {
  unitCode: string;
  unitName: string;
  unitGroup: string;
  leaves: readonly ConsolidationLeaf[];
}

/** The criteria set a unit group is scored against, at the version read. */
export interface ConsolidationCriteriaSet {
  unitGroup: string;
  id: string;
  version: number;
  nodes: readonly TotalsNode[];
}

/**
 * The admin's tie-break: equal indices are ordered by these areas' sub-indices, higher first,
 * the first listed area deciding first; what they leave equal stays tied.
 */
export interface ConsolidationTieBreak {
  areaCodes: readonly string[];
}

/** The previous year's period of the same index: each unit's total and maximum there. */
export interface PreviousResults {
  periodId: string;
  units: ReadonlyArray<{ unitCode: string; total: number; max: number }>;
}

export interface ConsolidationInput {
  indexCode: string;
  periodId: string;
  criteriaSets: readonly ConsolidationCriteriaSet[];
  units: readonly ConsolidationUnit[];
  /** This index's band table (validated: an invalid one is a caller's bug and throws). */
  bands: BandTable;
  tieBreak?: ConsolidationTieBreak | null;
  previous?: PreviousResults | null;
  /**
   * Merges and renames: for a unit of this period, the codes it had in the previous period (a
   * renamed unit one, a merged unit each unit it absorbed). A unit not listed kept its code.
   */
  lineage?: Readonly<Record<string, readonly string[]>>;
}

/**
 * What keeps a unit's row from being final, by leaf: no score for a leaf (`missingLeaf`, counted
 * 0), a score for a code that is not a leaf of its set (`unknownCriterion`, ignored), the same
 * leaf twice (`duplicateLeaf`, the first counts), a score from the wrong kind of source for the
 * leaf's rule (`sourceMismatch`: a survey leaf scored by an appraisal, …; ignored), a score
 * outside the leaf's range (`outOfRange`, ignored).
 */
export interface ConsolidationIssue {
  code: 'missingLeaf' | 'unknownCriterion' | 'duplicateLeaf' | 'sourceMismatch' | 'outOfRange';
  criterionCode: string;
}

export interface ConsolidatedLeaf {
  code: string;
  /** Hundredths; a deduction's penalty as a negative number. */
  score: number;
  from: LeafProvenance;
}

export interface ConsolidatedArea {
  code: string;
  score: number;
  /** The area's effective maximum. */
  max: number;
  /** Hundredths of a percent; null for an area worth 0 points. */
  subIndex: number | null;
}

export interface ConsolidatedRow {
  unitCode: string;
  unitName: string;
  /** Competition rank within the group (1, 2, 2, 4); null for a unit without an index. */
  rank: number | null;
  /** Another unit of the group has the same rank. */
  tied: boolean;
  /** Another unit of the group has the same index but the tie-break gave them different ranks. */
  decidedByTieBreak: boolean;
  total: number;
  max: number;
  index: number | null;
  band: string | null;
  areas: ConsolidatedArea[];
  /** The previous period's result of this unit (summed over the units it was formed from). */
  previous: { unitCodes: string[]; index: number } | null;
  /** index − previous index, in hundredths of a percentage point; null without both. */
  change: number | null;
  /** In the set's order. */
  leaves: ConsolidatedLeaf[];
  issues: ConsolidationIssue[];
}

export interface ConsolidatedGroup {
  unitGroup: string;
  criteriaSet: { id: string; version: number };
  totalMax: number;
  areas: Array<{ code: string; max: number }>;
  /** By rank, equal ranks by unit code; units without an index last. */
  rows: ConsolidatedRow[];
}

/**
 * What a table was made of, in summary; each row's leaves name their own source (the appraisal
 * entry and its version, the import, the linked reference).
 */
export interface ConsolidationProvenance {
  criteriaSets: Array<{ unitGroup: string; id: string; version: number }>;
  /** How many appraisal entries the rows hold. */
  appraisalEntries: number;
  /** Survey imports whose results were used, sorted. */
  surveyImports: string[];
  /** Linked sources read, sorted. */
  linkedRefs: string[];
  previousPeriodId: string | null;
}

export interface ConsolidationTable {
  indexCode: string;
  periodId: string;
  bands: BandTable;
  tieBreak: ConsolidationTieBreak | null;
  /** By unit group name. */
  groups: ConsolidatedGroup[];
  /** Units whose group has no criteria set: no row can be made. */
  unplaced: Array<{ unitCode: string; unitGroup: string }>;
  provenance: ConsolidationProvenance;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A linked criterion's score on this leaf's scale: unchanged when the maxima agree, else
 * `sourceScore × leafMax ÷ sourceMax` by the kernel's one rounding rule (half up, exact).
 * Null when the source's figures cannot be a score (above its maximum, a zero maximum).
 */
export function linkedLeafScore(
  sourceScore: number,
  sourceMax: number,
  leafMax: number,
): number | null {
  if (!Number.isSafeInteger(sourceScore) || !Number.isSafeInteger(sourceMax)) return null;
  if (sourceScore < 0 || sourceMax <= 0 || sourceScore > sourceMax) return null;
  return sourceMax === leafMax ? sourceScore : mulDivRoundHalfUp(sourceScore, leafMax, sourceMax);
}

/** A group's set prepared once: its tree, maxima and leaves by code. */
function prepareSet(set: ConsolidationCriteriaSet) {
  const tree = buildCriteriaTree(set.nodes);
  const maxima = treeMaxima(set.nodes, tree);
  const leafAt = new Map<string, number>();
  set.nodes.forEach((node, i) => {
    if (tree.children[i]!.length > 0 || tree.duplicateOf.has(i) || tree.cycle.has(i)) return;
    leafAt.set(node.code, i);
  });
  return { set, tree, maxima, leafAt, leafPositions: [...leafAt.values()] };
}
type PreparedSet = ReturnType<typeof prepareSet>;

/** The leaf's score, or the issue that keeps it out. */
function acceptLeaf(
  leaf: ConsolidationLeaf,
  node: TotalsNode,
): { score: number } | { issue: ConsolidationIssue['code'] } {
  const kind = node.rule?.type;
  const expected = kind === 'survey' ? 'survey' : kind === 'linked' ? 'linked' : 'appraisal';
  if (leaf.from.source !== expected) return { issue: 'sourceMismatch' };
  if (!('score' in leaf)) {
    const { sourceScore, sourceMax } = leaf.from as Extract<LeafProvenance, { source: 'linked' }>;
    const score = linkedLeafScore(sourceScore, sourceMax, node.maxScore);
    return score === null ? { issue: 'outOfRange' } : { score };
  }
  const { score } = leaf;
  if (!Number.isSafeInteger(score)) return { issue: 'outOfRange' };
  if (kind === 'deduction') {
    const most = node.rule?.type === 'deduction' ? node.rule.maxDeduction : 0;
    return score <= 0 && -score <= most ? { score } : { issue: 'outOfRange' };
  }
  return score >= 0 && score <= node.maxScore ? { score } : { issue: 'outOfRange' };
}

/** One unit's row before ranking. */
function scoreUnit(unit: ConsolidationUnit, prepared: PreparedSet): ConsolidatedRow {
  const { set, tree, maxima, leafAt, leafPositions } = prepared;
  const issues: ConsolidationIssue[] = [];
  const scores = new Map<string, number>();
  // By the leaf's position in the set: a national period has 750,000 leaves, so no map per unit.
  const accepted: Array<ConsolidatedLeaf | undefined> = new Array(set.nodes.length);
  for (const leaf of unit.leaves) {
    const at = leafAt.get(leaf.code);
    if (at === undefined) {
      issues.push({ code: 'unknownCriterion', criterionCode: leaf.code });
      continue;
    }
    if (accepted[at] !== undefined) {
      issues.push({ code: 'duplicateLeaf', criterionCode: leaf.code });
      continue;
    }
    const result = acceptLeaf(leaf, set.nodes[at]!);
    if ('issue' in result) {
      issues.push({ code: result.issue, criterionCode: leaf.code });
      continue;
    }
    scores.set(leaf.code, result.score);
    // An appraised or surveyed leaf is already what the table holds: kept, not copied.
    accepted[at] = 'score' in leaf ? leaf : { ...leaf, score: result.score };
  }
  let given: Set<string> | null = null;
  const leaves: ConsolidatedLeaf[] = [];
  for (const at of leafPositions) {
    const leaf = accepted[at];
    if (leaf) {
      leaves.push(leaf);
      continue;
    }
    const { code } = set.nodes[at]!;
    given ??= new Set(unit.leaves.map((l) => l.code));
    if (!given.has(code)) issues.push({ code: 'missingLeaf', criterionCode: code });
  }
  const totals = treeScores(set.nodes, scores, tree);
  const areas = tree.roots.map((i) => {
    const area = { total: totals.scores[i]!, max: maxima.effectiveMax[i]! };
    const sub = scoreIndex(area);
    return {
      code: set.nodes[i]!.code,
      score: area.total,
      max: area.max,
      subIndex: sub.ok ? sub.index : null,
    };
  });
  const index = scoreIndex({ total: totals.total, max: maxima.totalMax });
  issues.sort((a, b) => byText(a.criterionCode, b.criterionCode) || byText(a.code, b.code));
  return {
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    rank: null,
    tied: false,
    decidedByTieBreak: false,
    total: totals.total,
    max: maxima.totalMax,
    index: index.ok ? index.index : null,
    band: null,
    areas,
    previous: null,
    change: null,
    leaves,
    issues,
  };
}

/** The previous period's index of a unit, over the units it was formed from (Σ totals ÷ Σ maxima). */
function previousOf(
  unitCode: string,
  previous: Map<string, { total: number; max: number }>,
  lineage: Readonly<Record<string, readonly string[]>>,
): ConsolidatedRow['previous'] {
  const codes = [...(lineage[unitCode] ?? [unitCode])].sort(byText);
  let total = 0;
  let max = 0;
  for (const code of codes) {
    const result = previous.get(code);
    if (!result) return null;
    total += result.total;
    max += result.max;
  }
  const index = codes.length > 0 ? scoreIndex({ total, max }) : null;
  return index?.ok ? { unitCodes: codes, index: index.index } : null;
}

/** Compares two rows by the tie-break's areas' sub-indices, higher first; 0 when they agree. */
function tieBreakOrder(areaCodes: readonly string[]) {
  return (a: ConsolidatedRow, b: ConsolidatedRow): number => {
    for (const code of areaCodes) {
      const of = (row: ConsolidatedRow) => row.areas.find((x) => x.code === code)?.subIndex ?? -1;
      const difference = of(b) - of(a);
      if (difference !== 0) return difference;
    }
    return 0;
  };
}

/**
 * The period's table. Pure and deterministic: units, groups, leaves and issues come out in a
 * fixed order whatever the input's order, so the same inputs give the same table.
 */
export function consolidate(input: ConsolidationInput): ConsolidationTable {
  if (validateBandTable(input.bands).length > 0) {
    throw new RangeError('consolidate: invalid band table');
  }
  const sets = new Map<string, PreparedSet>();
  for (const set of input.criteriaSets) {
    if (sets.has(set.unitGroup)) {
      throw new RangeError(`consolidate: two criteria sets for group ${set.unitGroup}`);
    }
    sets.set(set.unitGroup, prepareSet(set));
  }
  const previous = new Map((input.previous?.units ?? []).map((u) => [u.unitCode, u] as const));
  const lineage = input.lineage ?? {};
  const tieBreak = input.tieBreak && input.tieBreak.areaCodes.length > 0 ? input.tieBreak : null;

  const unplaced: ConsolidationTable['unplaced'] = [];
  const rows: Array<{ group: string; row: ConsolidatedRow }> = [];
  const seen = new Set<string>();
  for (const unit of input.units) {
    if (seen.has(unit.unitCode)) throw new RangeError(`consolidate: unit ${unit.unitCode} twice`);
    seen.add(unit.unitCode);
    const prepared = sets.get(unit.unitGroup);
    if (!prepared) {
      unplaced.push({ unitCode: unit.unitCode, unitGroup: unit.unitGroup });
      continue;
    }
    const row = scoreUnit(unit, prepared);
    if (row.index !== null) {
      row.band = classify(row.index, input.bands).label;
      if (input.previous) {
        row.previous = previousOf(unit.unitCode, previous, lineage);
        row.change = row.previous ? row.index - row.previous.index : null;
      }
    }
    rows.push({ group: unit.unitGroup, row });
  }

  const indexed = rows.filter(({ row }) => row.index !== null);
  const ranked = rankWithinGroups(indexed, ({ group }) => group, {
    key: ({ row }) => row.unitCode,
    score: ({ row }) => row.index!,
    tieBreak: tieBreak ? (a, b) => tieBreakOrder(tieBreak.areaCodes)(a.row, b.row) : undefined,
  });

  const groups: ConsolidatedGroup[] = [...sets.keys()].sort(byText).map((unitGroup) => {
    const { set, tree, maxima } = sets.get(unitGroup)!;
    const members = ranked.get(unitGroup) ?? [];
    const ranksOfIndex = new Map<number, Set<number>>();
    for (const { item, rank } of members) {
      const ranks = ranksOfIndex.get(item.row.index!) ?? new Set<number>();
      ranksOfIndex.set(item.row.index!, ranks.add(rank));
    }
    for (const { item, rank, tied } of members) {
      item.row.rank = rank;
      item.row.tied = tied;
      item.row.decidedByTieBreak = ranksOfIndex.get(item.row.index!)!.size > 1;
    }
    const unindexed = rows
      .filter(({ group, row }) => group === unitGroup && row.index === null)
      .map(({ row }) => row)
      .sort((a, b) => byText(a.unitCode, b.unitCode));
    return {
      unitGroup,
      criteriaSet: { id: set.id, version: set.version },
      totalMax: maxima.totalMax,
      areas: tree.roots.map((i) => ({ code: set.nodes[i]!.code, max: maxima.effectiveMax[i]! })),
      rows: [...members.map(({ item }) => item.row), ...unindexed],
    };
  });

  let entries = 0;
  const surveyImports = new Set<string>();
  const linkedRefs = new Set<string>();
  for (const { row } of rows) {
    for (const { from } of row.leaves) {
      if (from.source === 'appraisal') entries++;
      else if (from.source === 'survey') surveyImports.add(from.importId);
      else linkedRefs.add(from.ref);
    }
  }
  return {
    indexCode: input.indexCode,
    periodId: input.periodId,
    bands: input.bands,
    tieBreak,
    groups,
    unplaced: unplaced.sort((a, b) => byText(a.unitCode, b.unitCode)),
    provenance: {
      criteriaSets: groups.map((g) => ({ unitGroup: g.unitGroup, ...g.criteriaSet })),
      appraisalEntries: entries,
      surveyImports: [...surveyImports].sort(byText),
      linkedRefs: [...linkedRefs].sort(byText),
      previousPeriodId: input.previous?.periodId ?? null,
    },
  };
}
