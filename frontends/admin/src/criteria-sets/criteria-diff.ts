/**
 * What changed between two versions of a set, criterion by criterion (matched by code): added,
 * removed, and changed with the fields that differ, maxima first, so the admin sees it before a
 * new version is used.
 */
import type { CriterionNode } from '@par/contracts';

export type DiffField =
  | 'maxScore'
  | 'title'
  | 'parentCode'
  | 'capped'
  | 'rule'
  | 'evidence'
  | 'explanationRequired'
  | 'appraiserUnitCode'
  | 'guidanceForUnits'
  | 'guidanceForAppraisers';

const compared: DiffField[] = [
  'maxScore',
  'title',
  'parentCode',
  'capped',
  'rule',
  'evidence',
  'explanationRequired',
  'appraiserUnitCode',
  'guidanceForUnits',
  'guidanceForAppraisers',
];

export interface CriteriaDiff {
  added: CriterionNode[];
  removed: CriterionNode[];
  changed: Array<{
    code: string;
    before: CriterionNode;
    after: CriterionNode;
    fields: DiffField[];
  }>;
  totalBefore: number;
  totalAfter: number;
}

/** Compares values of plain JSON shapes, ignoring key order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

const total = (nodes: readonly CriterionNode[]) =>
  nodes.filter((node) => node.parentCode === null).reduce((sum, node) => sum + node.maxScore, 0);

export function diffCriteria(
  before: readonly CriterionNode[],
  after: readonly CriterionNode[],
): CriteriaDiff {
  const old = new Map(before.map((node) => [node.code, node]));
  const now = new Map(after.map((node) => [node.code, node]));
  const changed: CriteriaDiff['changed'] = [];
  for (const node of after) {
    const previous = old.get(node.code);
    if (!previous) continue;
    const fields = compared.filter((field) => !same(previous[field], node[field]));
    if (fields.length > 0) changed.push({ code: node.code, before: previous, after: node, fields });
  }
  return {
    added: after.filter((node) => !old.has(node.code)),
    removed: before.filter((node) => !now.has(node.code)),
    changed,
    totalBefore: total(before),
    totalAfter: total(after),
  };
}
