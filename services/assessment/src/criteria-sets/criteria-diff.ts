/**
 * What changed between two node lists of a set (matched by code): added, removed and changed
 * nodes with the fields that changed, maxima before and after, totals. Pure.
 */
import {
  changedCriterionFields,
  siblingPlaces,
  type CriteriaSetDiff,
  type CriterionNode,
  type DiffNode,
} from '@par/contracts';
import { treeMaxima } from '@par/scoring';

export function diffCriteriaNodes(
  before: readonly CriterionNode[],
  after: readonly CriterionNode[],
): Omit<CriteriaSetDiff, 'base' | 'target'> {
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
  const beforePos = siblingPlaces(before);
  const afterPos = siblingPlaces(after);

  const added: DiffNode[] = [];
  const changed: CriteriaSetDiff['changed'] = [];
  let unchangedCount = 0;
  for (const node of after) {
    const old = beforeByCode.get(node.code);
    if (!old) {
      added.push(toDiffNode(node, afterLeaf(node)));
      continue;
    }
    const fields = changedCriterionFields(old, node, {
      before: beforePos.get(old.code),
      after: afterPos.get(node.code),
    });
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
    totalMaxBefore: treeMaxima(before).totalMax,
    totalMaxAfter: treeMaxima(after).totalMax,
  };
}
