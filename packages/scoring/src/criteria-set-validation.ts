/**
 * The one validation of a criteria set's node list, run by the assessment service on every save
 * and by the admin editor as the admin types: every issue found, per node, with its message in
 * the caller's language, and the view that follows (depths, sums, effective maxima, the total).
 * Pure; all arithmetic in integer hundredths (see `tree-totals.ts`). The one check that needs
 * data, a linked rule's target, takes that data from the caller (`LinkTargets`).
 */
import {
  formatMessage,
  type CriteriaSetIssue,
  type CriteriaSetView,
  type CriterionNode,
  type CriterionNodeView,
  type Locale,
  type MessageKey,
} from '@par/contracts';
import { formatHundredths } from './hundredths';
import { buildCriteriaTree } from './tree-shape';
import { treeMaxima } from './tree-totals';

interface PendingIssue {
  nodeIndex: number | null;
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * What a linked rule may point at, read by the caller so validation stays pure: for each index
 * that the set's linked rules name, the criterion codes found in that index's sets of `year`
 * (an index with no set that year is absent from `codes`).
 */
export interface LinkTargets {
  year: number;
  codes: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Validates a node list and computes its view. `indexCode`, when given, is the set's own index,
 * which a linked rule may not name; `links`, when given, are the criteria linked rules may
 * point at (without it, as in an import preview, targets are not checked).
 */
export function validateCriteriaNodes(
  nodes: readonly CriterionNode[],
  locale: Locale = 'vi',
  indexCode?: string,
  links?: LinkTargets,
): CriteriaSetView {
  const tree = buildCriteriaTree(nodes);
  const pending: PendingIssue[] = [];
  const add = (
    nodeIndex: number | null,
    field: string,
    key: MessageKey,
    params?: Record<string, string | number>,
  ) => pending.push({ nodeIndex, field, key, params });
  const points = (h: number) => formatHundredths(h, locale);

  if (nodes.length === 0) add(null, '_', 'criteriaSet.empty');

  nodes.forEach((node, i) => {
    const first = tree.duplicateOf.get(i);
    if (first !== undefined)
      add(i, 'code', 'criterion.code.duplicate', { code: node.code, other: first + 1 });
    if (tree.missingParent.has(i)) {
      add(i, 'parentCode', 'criterion.parent.notFound', { parentCode: node.parentCode ?? '' });
    }
    const loop = tree.cycle.get(i);
    if (loop) add(i, 'parentCode', 'criterion.parent.cycle', { path: loop });
    checkEvidence(node, i, add);
  });

  const { effectiveMax, childrenSum, totalMax } = treeMaxima(nodes, tree);

  nodes.forEach((node, i) => {
    if (tree.duplicateOf.has(i) || tree.cycle.has(i)) return;
    const sum = childrenSum[i];
    if (sum === null || sum === undefined) {
      checkLeaf(node, i, add, points, indexCode, links);
      return;
    }
    if (node.rule !== null) add(i, 'rule', 'criterion.rule.notAllowed', { code: node.code });
    // A cap must bind: the mark says the maximum is deliberately below the children's sum, and
    // a maximum equal to it caps nothing, so the mark is a slip (README, "Tree totals and validation").
    if (node.capped) {
      if (node.maxScore >= sum) {
        add(i, 'capped', 'criterion.max.cappedNotBelow', {
          max: points(node.maxScore),
          sum: points(sum),
        });
      }
    } else if (node.maxScore !== sum) {
      add(i, 'maxScore', 'criterion.max.sumMismatch', {
        max: points(node.maxScore),
        sum: points(sum),
      });
    }
  });

  const issueOf = (p: PendingIssue): CriteriaSetIssue => ({
    nodeCode: p.nodeIndex === null ? null : nodes[p.nodeIndex]!.code,
    nodeIndex: p.nodeIndex,
    field: p.field,
    key: p.key,
    message: formatMessage(p.key, p.params, locale),
  });
  const setIssues = pending.filter((p) => p.nodeIndex === null).map(issueOf);
  const byNode: CriteriaSetIssue[][] = nodes.map(() => []);
  for (const p of pending) if (p.nodeIndex !== null) byNode[p.nodeIndex]!.push(issueOf(p));

  const views: CriterionNodeView[] = nodes.map((node, i) => ({
    code: node.code,
    parentCode: node.parentCode,
    depth: tree.depth[i]!,
    leaf: tree.children[i]!.length === 0,
    childrenSum: childrenSum[i] ?? null,
    effectiveMax: effectiveMax[i]!,
    capped: node.capped && childrenSum[i] !== null && node.maxScore < (childrenSum[i] ?? 0),
    issues: byNode[i]!,
  }));
  const issues = [...setIssues, ...byNode.flat()];
  return {
    totalMax,
    leafCount: views.filter((v, i) => v.leaf && !tree.duplicateOf.has(i) && !tree.cycle.has(i))
      .length,
    valid: issues.length === 0,
    nodes: views,
    issues,
  };
}

/** One node's own issues, without its place in the tree. */
export interface NodeIssue {
  /** The part of the node at fault, as in `CriteriaSetIssue.field` (`rule.options.1.score`). */
  field: string;
  key: MessageKey;
  message: string;
}

/**
 * The checks one node passes on its own, whatever the tree around it: its evidence range and,
 * for a leaf, no cap and a rule within its maximum. The editor's node form runs them on every
 * change; `validateCriteriaNodes` runs them on every node too.
 */
export function checkCriterionNode(
  node: CriterionNode,
  leaf: boolean,
  locale: Locale = 'vi',
  indexCode?: string,
): NodeIssue[] {
  const issues: NodeIssue[] = [];
  const add: AddIssue = (_i, field, key, params) =>
    issues.push({ field, key, message: formatMessage(key, params, locale) });
  checkEvidence(node, 0, add);
  if (leaf) checkLeaf(node, 0, add, (h) => formatHundredths(h, locale), indexCode, undefined);
  return issues;
}

type AddIssue = (
  i: number,
  field: string,
  key: MessageKey,
  params?: Record<string, string | number>,
) => void;

function checkEvidence(node: CriterionNode, i: number, add: AddIssue): void {
  if (node.evidence.min > node.evidence.max) {
    add(i, 'evidence', 'criterion.evidence.range', node.evidence);
  }
}

function checkLeaf(
  node: CriterionNode,
  i: number,
  add: AddIssue,
  points: (h: number) => string,
  indexCode: string | undefined,
  links: LinkTargets | undefined,
): void {
  if (node.capped) add(i, 'capped', 'criterion.capped.leaf');
  const rule = node.rule;
  if (rule === null) {
    add(i, 'rule', 'criterion.rule.required', { code: node.code });
    return;
  }
  const max = node.maxScore;
  const atMost = (field: string, score: number) => {
    if (score > max)
      add(i, field, 'criterion.rule.scoreAboveMax', { score: points(score), max: points(max) });
  };
  switch (rule.type) {
    case 'manual':
      atMost('rule.max', rule.max);
      if (rule.min >= rule.max) {
        add(i, 'rule.min', 'criterion.rule.manualRange', {
          min: points(rule.min),
          max: points(rule.max),
        });
      } else if (rule.step > rule.max - rule.min) {
        add(i, 'rule.step', 'criterion.rule.stepTooLarge', { step: points(rule.step) });
      }
      break;
    case 'options': {
      const seen = new Set<string>();
      rule.options.forEach((option, k) => {
        atMost(`rule.options.${k}.score`, option.score);
        if (seen.has(option.key))
          add(i, `rule.options.${k}.key`, 'criterion.rule.optionKeyDuplicate', { key: option.key });
        seen.add(option.key);
      });
      break;
    }
    case 'ratio':
      if (rule.scale.kind === 'bands') {
        const seen = new Set<number>();
        rule.scale.bands.forEach((band, k) => {
          atMost(`rule.scale.bands.${k}.score`, band.score);
          if (seen.has(band.minPercent)) {
            add(i, `rule.scale.bands.${k}.minPercent`, 'criterion.rule.bandDuplicate', {
              percent: points(band.minPercent),
            });
          }
          seen.add(band.minPercent);
        });
      } else if (rule.scale.fromPercent >= rule.scale.toPercent) {
        add(i, 'rule.scale', 'criterion.rule.linearRange', {
          from: points(rule.scale.fromPercent),
          to: points(rule.scale.toPercent),
        });
      }
      break;
    case 'boolean':
      atMost('rule.yesScore', rule.yesScore);
      atMost('rule.noScore', rule.noScore);
      break;
    case 'deduction':
      if (max !== 0) add(i, 'maxScore', 'criterion.deduction.maxNotZero');
      break;
    case 'linked':
      if (indexCode && rule.indexCode === indexCode.toUpperCase()) {
        add(i, 'rule.indexCode', 'criterion.rule.linkedSameIndex', { indexCode: rule.indexCode });
      } else if (links) {
        const codes = links.codes.get(rule.indexCode);
        if (!codes) {
          add(i, 'rule.indexCode', 'criterion.rule.linkedIndexMissing', {
            indexCode: rule.indexCode,
            year: String(links.year),
          });
        } else if (!codes.has(rule.criterionCode)) {
          add(i, 'rule.criterionCode', 'criterion.rule.linkedCriterionMissing', {
            indexCode: rule.indexCode,
            year: String(links.year),
            criterionCode: rule.criterionCode,
          });
        }
      }
      break;
    case 'survey':
      break;
  }
}
