/**
 * When a unit's self-assessment is complete, as the unit meets it: the one rule the progress
 * board and the submission check share.
 *
 * A leaf is done when it is scored, explained where its set requires an explanation, and has its
 * minimum number of evidence files — or an explanation of why a file is missing. Survey and
 * linked leaves are filled by the survey module and by another index, not by the unit, so they
 * are neither listed nor counted.
 */
import type { ScoringRuleType } from '@par/contracts';

/** What the rule needs of a node of the criteria set (a `CriterionNode` fits). */
export interface CompletenessNode {
  code: string;
  parentCode: string | null;
  rule: { type: ScoringRuleType } | null;
  evidence: { min: number };
  explanationRequired: boolean;
}

/** What the rule needs of the unit's entry for one leaf. */
export interface CompletenessEntry {
  criterionCode: string;
  /** Integer hundredths; null until the unit scores the leaf (0 is a score). */
  score: number | null;
  explanation: string;
  /** Evidence files attached to the entry. */
  evidenceCount: number;
  /** Why fewer files than the set asks for are attached; stands in for the missing ones. */
  missingEvidenceExplanation?: string | null;
}

/** What a leaf still lacks, in the order the unit usually fills it. */
export const leafGaps = ['score', 'explanation', 'evidence'] as const;
export type LeafGap = (typeof leafGaps)[number];

export interface LeafCompleteness {
  code: string;
  /** The top-level node (area) the leaf belongs to; a leaf that is an area names itself. */
  areaCode: string;
  done: boolean;
  missing: LeafGap[];
}

export interface CompletenessCounts {
  /** Leaves the unit fills. */
  leaves: number;
  /** Leaves with nothing missing. */
  done: number;
  scored: number;
  /** Leaves explained, or not needing an explanation. */
  explained: number;
  /** Leaves with their minimum of files, or a missing file explained. */
  withEvidence: number;
}

export interface Completeness {
  /** The unit's leaves in the set's display order. */
  leaves: LeafCompleteness[];
  /** Per area (top-level node), in display order; an area with no leaf of the unit has zeros. */
  areas: Array<CompletenessCounts & { areaCode: string }>;
  total: CompletenessCounts;
}

/** Rule types whose score reaches the leaf from elsewhere, never from the unit. */
const filledElsewhere: ReadonlySet<ScoringRuleType> = new Set(['survey', 'linked']);

const filled = (text: string | null | undefined) => (text ?? '').trim() !== '';

/** What one leaf lacks, given the unit's entry for it (none yet: everything). */
export function leafGapsOf(
  node: CompletenessNode,
  entry: CompletenessEntry | undefined,
): LeafGap[] {
  const missing: LeafGap[] = [];
  if (entry?.score === null || entry?.score === undefined) missing.push('score');
  if (node.explanationRequired && !filled(entry?.explanation)) missing.push('explanation');
  const files = entry?.evidenceCount ?? 0;
  if (files < node.evidence.min && !filled(entry?.missingEvidenceExplanation)) {
    missing.push('evidence');
  }
  return missing;
}

const zero = (): CompletenessCounts => ({
  leaves: 0,
  done: 0,
  scored: 0,
  explained: 0,
  withEvidence: 0,
});

function add(counts: CompletenessCounts, missing: readonly LeafGap[]): void {
  counts.leaves++;
  if (missing.length === 0) counts.done++;
  if (!missing.includes('score')) counts.scored++;
  if (!missing.includes('explanation')) counts.explained++;
  if (!missing.includes('evidence')) counts.withEvidence++;
}

/** Per leaf, per area and for the whole set: how complete the unit's entries are. */
export function completeness(
  nodes: readonly CompletenessNode[],
  entries: readonly CompletenessEntry[],
): Completeness {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const parents = new Set(nodes.flatMap((n) => (n.parentCode === null ? [] : [n.parentCode])));
  const entryOf = new Map(entries.map((e) => [e.criterionCode, e]));
  const areaOf = (node: CompletenessNode): string => {
    let current = node;
    // A set is validated before use, so the walk ends; the guard keeps a broken one from hanging.
    for (let depth = 0; current.parentCode !== null && depth < nodes.length; depth++) {
      const parent = byCode.get(current.parentCode);
      if (!parent) break;
      current = parent;
    }
    return current.code;
  };

  const areas = new Map(
    nodes.filter((n) => n.parentCode === null).map((n) => [n.code, zero()] as const),
  );
  const total = zero();
  const leaves: LeafCompleteness[] = [];
  for (const node of nodes) {
    if (parents.has(node.code)) continue;
    if (node.rule && filledElsewhere.has(node.rule.type)) continue;
    const missing = leafGapsOf(node, entryOf.get(node.code));
    const areaCode = areaOf(node);
    leaves.push({ code: node.code, areaCode, done: missing.length === 0, missing });
    add(total, missing);
    let area = areas.get(areaCode);
    if (!area) areas.set(areaCode, (area = zero()));
    add(area, missing);
  }
  return {
    leaves,
    areas: [...areas.entries()].map(([areaCode, counts]) => ({ areaCode, ...counts })),
    total,
  };
}
