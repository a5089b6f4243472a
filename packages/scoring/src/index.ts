/** The scoring kernel: every rule about a score, in one place, with no I/O. */
export * from './bands';
export * from './hundredths';
export * from './indices';
export * from './leaf-score';
export * from './ranks';
export * from './round-half-up';
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
  validateCriteriaNodes,
  type LinkTargets,
  type NodeIssue,
} from './criteria-set-validation';
export * from './completeness';
export * from './consolidation';
export * from './final-score';
