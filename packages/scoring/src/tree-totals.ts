/**
 * A criteria set's tree in numbers: what each node can give at most (its effective maximum), the
 * set's total maximum, and, from the leaves' scores, every node's score and the total. All in
 * integer hundredths; sums of integers, so nothing drifts.
 *
 * The rules (DESIGN.md, "Scoring rules of a leaf criterion"):
 * - a parent's score is the sum of its children's, capped at its maximum;
 * - a deduction leaf gives a penalty, not points: it adds nothing to its parent's maximum; its
 *   score is the penalty as a negative number (as `leafScore` gives it), added to its parent's
 *   capped sum, which floors at 0 there (penalties at the top level come off the total, which
 *   floors at 0 too);
 * - a parent's effective maximum is the smaller of its maximum and its children's effective
 *   maxima summed; the set's total maximum is the sum of its areas' effective maxima.
 */
import type { CriterionNode } from '@par/contracts';
import { buildCriteriaTree, type CriteriaTree } from './tree-shape';

/** What the totals need of a node. */
export type TotalsNode = Pick<CriterionNode, 'code' | 'parentCode' | 'maxScore' | 'rule'>;

/** Each node's most, by position in the list. */
export interface TreeMaxima {
  tree: CriteriaTree;
  /** Sum of the children's effective maxima (deductions add 0); null for a leaf. */
  childrenSum: Array<number | null>;
  /**
   * The most the node can give its parent: a leaf's maximum (0 for a deduction), a parent's
   * maximum or its children's sum, whichever is smaller.
   */
  effectiveMax: number[];
  /** Sum of the areas' effective maxima. */
  totalMax: number;
}

/** Each node's score, by position in the list, and the set's total. */
export interface TreeScores {
  /** Points of every node; a deduction leaf's penalty, as a negative number. */
  scores: number[];
  total: number;
}

const isDeduction = (node: TotalsNode, tree: CriteriaTree, i: number) =>
  node.rule?.type === 'deduction' && tree.children[i]!.length === 0;

/** Positions that head a tree: the areas, and nodes whose parent is missing. */
const tops = (tree: CriteriaTree) => [
  ...tree.roots,
  ...[...tree.missingParent].filter((i) => !tree.cycle.has(i) && !tree.duplicateOf.has(i)),
];

/**
 * Effective maxima bottom-up. Nodes left out of the tree (a duplicate code, a loop) keep their
 * own maximum and count nowhere.
 */
export function treeMaxima(
  nodes: readonly TotalsNode[],
  tree: CriteriaTree = buildCriteriaTree(nodes),
): TreeMaxima {
  const effectiveMax = nodes.map((node, i) => (isDeduction(node, tree, i) ? 0 : node.maxScore));
  const childrenSum: Array<number | null> = nodes.map(() => null);
  const settle = (i: number) => {
    const kids = tree.children[i]!;
    if (kids.length === 0) return;
    let sum = 0;
    for (const child of kids) {
      settle(child);
      sum += effectiveMax[child]!;
    }
    childrenSum[i] = sum;
    effectiveMax[i] = Math.min(nodes[i]!.maxScore, sum);
  };
  for (const top of tops(tree)) settle(top);
  const totalMax = tree.roots.reduce((sum, i) => sum + effectiveMax[i]!, 0);
  return { tree, childrenSum, effectiveMax, totalMax };
}

/** Points minus penalties, never below 0. */
const floored = (points: number, penalty: number) => Math.max(0, points - penalty);

/**
 * Scores bottom-up from the leaves' scores by criterion code, in hundredths, as `leafScore`
 * gives them: points, or for a deduction the penalty as a negative number. A leaf without a
 * score counts 0; a leaf's points count at most its maximum; scores given for a parent are
 * ignored, since a parent's score is computed. Throws a RangeError on a score that is not an
 * integer, on negative points, and on a positive deduction.
 */
export function treeScores(
  nodes: readonly TotalsNode[],
  leafScores: ReadonlyMap<string, number>,
  tree: CriteriaTree = buildCriteriaTree(nodes),
): TreeScores {
  const scores = nodes.map(() => 0);
  const sumOf = (kids: readonly number[]) => {
    let points = 0;
    let penalty = 0;
    for (const child of kids) {
      if (isDeduction(nodes[child]!, tree, child)) penalty -= scores[child]!;
      else points += scores[child]!;
    }
    return { points, penalty };
  };
  const settle = (i: number) => {
    const node = nodes[i]!;
    const kids = tree.children[i]!;
    if (kids.length === 0) {
      const given = leafScores.get(node.code) ?? 0;
      const deduction = isDeduction(node, tree, i);
      if (!Number.isSafeInteger(given) || (deduction ? given > 0 : given < 0)) {
        throw new RangeError(
          `Score of ${node.code} must be ${deduction ? 'a penalty ≤ 0' : 'points ≥ 0'} in hundredths: ${given}`,
        );
      }
      scores[i] = deduction ? given : Math.min(given, node.maxScore);
      return;
    }
    for (const child of kids) settle(child);
    const { points, penalty } = sumOf(kids);
    scores[i] = floored(Math.min(points, node.maxScore), penalty);
  };
  for (const top of tops(tree)) settle(top);
  const { points, penalty } = sumOf(tree.roots);
  return { scores, total: floored(points, penalty) };
}
