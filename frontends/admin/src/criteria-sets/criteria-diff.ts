/**
 * What changed between two versions of a set, criterion by criterion (matched by code): added,
 * removed, and changed with the fields that differ (the contract's `criterionDiffFields`, which
 * the server's diff uses too), so the admin sees it before a new version is used.
 */
import { changedCriterionFields, siblingPlaces } from '@par/contracts';
import type { CriterionDiffField, CriterionNode } from '@par/contracts';
import { treeMaxima } from '@par/scoring';

export type DiffField = CriterionDiffField;

export interface CriteriaDiff {
  added: CriterionNode[];
  removed: CriterionNode[];
  changed: Array<{
    code: string;
    before: CriterionNode;
    after: CriterionNode;
    fields: DiffField[];
  }>;
  /** The total maxima as the scoring kernel computes them (areas' effective maxima). */
  totalBefore: number;
  totalAfter: number;
}

export function diffCriteria(
  before: readonly CriterionNode[],
  after: readonly CriterionNode[],
): CriteriaDiff {
  const old = new Map(before.map((node) => [node.code, node]));
  const now = new Map(after.map((node) => [node.code, node]));
  const placeBefore = siblingPlaces(before);
  const placeAfter = siblingPlaces(after);
  const changed: CriteriaDiff['changed'] = [];
  for (const node of after) {
    const previous = old.get(node.code);
    if (!previous) continue;
    const fields = changedCriterionFields(previous, node, {
      before: placeBefore.get(node.code),
      after: placeAfter.get(node.code),
    });
    if (fields.length > 0) changed.push({ code: node.code, before: previous, after: node, fields });
  }
  return {
    added: after.filter((node) => !old.has(node.code)),
    removed: before.filter((node) => !now.has(node.code)),
    changed,
    totalBefore: treeMaxima(before).totalMax,
    totalAfter: treeMaxima(after).totalMax,
  };
}
