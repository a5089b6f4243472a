/**
 * Which (unit, leaf criterion) entries an assignment covers, and the coverage of a period: every
 * entry of every participating unit must have exactly one responsible assignment. Pure: the
 * period's units and criteria sets come in as data (the assessment service's scope).
 */
import type { AssignmentUnits } from '@par/contracts';

export interface ScopeUnit {
  code: string;
  name: string;
  unitGroup: string;
  /** Parents' codes in the period's year, nearest first. */
  ancestorCodes: readonly string[];
}

export interface ScopeNode {
  code: string;
  parentCode: string | null;
  leaf: boolean;
  /** A leaf appraisers score (survey and linked leaves are filled elsewhere). */
  appraised: boolean;
}

export interface CoverageScope {
  units: readonly ScopeUnit[];
  criteriaSets: ReadonlyArray<{ unitGroup: string; nodes: readonly ScopeNode[] }>;
}

export interface AssignmentShape {
  id: string;
  criterionCodes: readonly string[];
  units: AssignmentUnits;
}

/** The participating units an assignment's unit choice names, in the period's order. */
export function unitsOf(choice: AssignmentUnits, units: readonly ScopeUnit[]): ScopeUnit[] {
  switch (choice.kind) {
    case 'units': {
      const wanted = new Set(choice.unitCodes);
      return units.filter((u) => wanted.has(u.code));
    }
    case 'group':
      return units.filter((u) => u.unitGroup === choice.unitGroup);
    case 'subtree':
      return units.filter(
        (u) =>
          u.ancestorCodes.includes(choice.rootCode) ||
          (choice.includeRoot && u.code === choice.rootCode),
      );
  }
}

/** Per unit group: node code → the appraised leaves at or below it, in the set's order. */
export type LeafIndex = Map<string, Map<string, string[]>>;

export function leafIndex(scope: CoverageScope): LeafIndex {
  const index: LeafIndex = new Map();
  for (const set of scope.criteriaSets) {
    const below = new Map<string, string[]>();
    for (const node of set.nodes) below.set(node.code, []);
    const parentOf = new Map(set.nodes.map((n) => [n.code, n.parentCode]));
    for (const node of set.nodes) {
      if (!node.leaf || !node.appraised) continue;
      // A leaf counts for itself and every ancestor; a loop in bad data stops at a repeat.
      const seen = new Set<string>();
      for (let code: string | null = node.code; code && !seen.has(code);) {
        seen.add(code);
        below.get(code)?.push(node.code);
        code = parentOf.get(code) ?? null;
      }
    }
    index.set(set.unitGroup, below);
  }
  return index;
}

/** The leaves a unit group's set has under the given codes, without repeats, in set order. */
export function leavesUnder(
  index: LeafIndex,
  unitGroup: string,
  codes: readonly string[],
): string[] {
  const below = index.get(unitGroup);
  if (!below) return [];
  const found = new Set<string>();
  for (const code of codes) for (const leaf of below.get(code) ?? []) found.add(leaf);
  return [...found];
}

/** Unit code → the leaves the assignment makes its responsibility there. */
export function entriesOf(
  assignment: Pick<AssignmentShape, 'criterionCodes' | 'units'>,
  scope: CoverageScope,
  index: LeafIndex = leafIndex(scope),
): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  for (const unit of unitsOf(assignment.units, scope.units)) {
    const leaves = leavesUnder(index, unit.unitGroup, assignment.criterionCodes);
    if (leaves.length > 0) entries.set(unit.code, leaves);
  }
  return entries;
}

export interface CoverageIssue {
  unitCode: string;
  criterionCode: string;
  assignmentIds: string[];
}

export interface CoverageResult {
  totals: { units: number; entries: number; covered: number; gaps: number; overlaps: number };
  gaps: CoverageIssue[];
  overlaps: CoverageIssue[];
  units: Array<{
    unitCode: string;
    unitName: string;
    entries: number;
    gaps: number;
    overlaps: number;
  }>;
}

/**
 * Every appraised leaf of every participating unit with the assignments responsible for it:
 * none is a gap, two or more an overlap. Units in the period's order, leaves in set order.
 */
export function computeCoverage(
  scope: CoverageScope,
  assignments: readonly AssignmentShape[],
): CoverageResult {
  const index = leafIndex(scope);
  // unit → leaf → assignment ids
  const responsible = new Map<string, Map<string, string[]>>();
  for (const assignment of assignments) {
    for (const [unitCode, leaves] of entriesOf(assignment, scope, index)) {
      const byLeaf = responsible.get(unitCode) ?? new Map<string, string[]>();
      responsible.set(unitCode, byLeaf);
      for (const leaf of leaves) byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), assignment.id]);
    }
  }
  const result: CoverageResult = {
    totals: { units: scope.units.length, entries: 0, covered: 0, gaps: 0, overlaps: 0 },
    gaps: [],
    overlaps: [],
    units: [],
  };
  for (const unit of scope.units) {
    // A node is an appraised leaf when its own list holds itself.
    const below = index.get(unit.unitGroup) ?? new Map<string, string[]>();
    const leaves = [...below].filter(([code, list]) => list.includes(code)).map(([code]) => code);
    let gaps = 0;
    let overlaps = 0;
    for (const leaf of leaves) {
      const ids = responsible.get(unit.code)?.get(leaf) ?? [];
      result.totals.entries++;
      if (ids.length === 0) {
        gaps++;
        result.gaps.push({ unitCode: unit.code, criterionCode: leaf, assignmentIds: [] });
      } else if (ids.length > 1) {
        overlaps++;
        result.overlaps.push({ unitCode: unit.code, criterionCode: leaf, assignmentIds: ids });
      } else {
        result.totals.covered++;
      }
    }
    result.totals.gaps += gaps;
    result.totals.overlaps += overlaps;
    if (gaps || overlaps)
      result.units.push({
        unitCode: unit.code,
        unitName: unit.name,
        entries: leaves.length,
        gaps,
        overlaps,
      });
  }
  return result;
}
