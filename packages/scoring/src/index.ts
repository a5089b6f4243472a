/** The scoring kernel: every rule about a score, in one place, with no I/O. */
export { buildCriteriaTree, type CriteriaTree, type TreeNode } from './tree-shape';
export {
  treeMaxima,
  treeScores,
  type TotalsNode,
  type TreeMaxima,
  type TreeScores,
} from './tree-totals';
export {
  checkCriterionNode,
  formatPoints,
  validateCriteriaNodes,
  type LinkTargets,
  type NodeIssue,
} from './criteria-set-validation';
