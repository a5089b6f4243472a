/**
 * What changed between two node lists of a set (matched by code): added, removed and changed
 * nodes with the fields that changed, maxima before and after, totals. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  criterionDiffFields,
  type CriteriaSetDiff,
  type CriterionNode,
  type DiffNode,
} from '@par/contracts';
import { validateCriteriaNodes } from '@par/scoring';

type DiffField = (typeof criterionDiffFields)[number];

export function diffCriteriaNodes(
  before: readonly CriterionNode[],
  after: readonly CriterionNode[],
): Omit<CriteriaSetDiff, 'base' | 'target'> {
  const beforeView = validateCriteriaNodes(before);
  const afterView = validateCriteriaNodes(after);
  const leafOf = (nodes: readonly CriterionNode[]) => {
    const parents = new Set(nodes.map((n) => n.parentCode));
    return (node: CriterionNode) => !parents.has(node.code);
  };
  const beforeLeaf = leafOf(before);
  const afterLeaf = leafOf(after);
  const toDiffNode = (node: CriterionNode, leaf: boolean): DiffNode => ({
    code: node.code,
    parentCode: node.parentCode,
    title: node.title,
    maxScore: node.maxScore,
    leaf,
  });

  const beforeByCode = new Map(before.map((n) => [n.code, n]));
  const afterCodes = new Set(after.map((n) => n.code));
  // Position among siblings, so that a reorder shows without flagging every later sibling.
  const siblingIndex = (nodes: readonly CriterionNode[]) => {
    const seen = new Map<string | null, number>();
    const index = new Map<string, number>();
    for (const node of nodes) {
      const i = seen.get(node.parentCode) ?? 0;
      index.set(node.code, i);
      seen.set(node.parentCode, i + 1);
    }
    return index;
  };
  const beforePos = siblingIndex(before);
  const afterPos = siblingIndex(after);

  const added: DiffNode[] = [];
  const changed: CriteriaSetDiff['changed'] = [];
  let unchangedCount = 0;
  for (const node of after) {
    const old = beforeByCode.get(node.code);
    if (!old) {
      added.push(toDiffNode(node, afterLeaf(node)));
      continue;
    }
    const fields = criterionDiffFields.filter((field: DiffField) =>
      field === 'position'
        ? old.parentCode === node.parentCode && beforePos.get(old.code) !== afterPos.get(node.code)
        : !isDeepStrictEqual(old[field], node[field]),
    );
    if (fields.length === 0) unchangedCount++;
    else {
      changed.push({
        code: node.code,
        title: node.title,
        fields,
        maxBefore: old.maxScore,
        maxAfter: node.maxScore,
        before: old,
        after: node,
      });
    }
  }
  const removed = before
    .filter((n) => !afterCodes.has(n.code))
    .map((n) => toDiffNode(n, beforeLeaf(n)));

  return {
    added,
    removed,
    changed,
    unchangedCount,
    totalMaxBefore: beforeView.totalMax,
    totalMaxAfter: afterView.totalMax,
  };
}
