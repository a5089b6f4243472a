/**
 * What the audit trail keeps of each criteria-set change: summary fields always, and of a save
 * only the nodes the diff finds added, removed or changed, so a 150-node tree is never copied.
 */
import type { CriterionNode, Index } from '@par/contracts';
import type { AuditRecord } from '../models/audit-entry.model';
import type { CriteriaSetDocument } from '../models/criteria-set.model';
import { diffCriteriaNodes } from './criteria-diff';

/** How a set came to be: built in the editor, from a shipped template, a file, a copy. */
export type CriteriaSetOrigin =
  | { kind: 'empty' }
  | { kind: 'template'; templateKey: string }
  | { kind: 'import'; fileName: string }
  | { kind: 'clone'; basedOnId: string }
  | { kind: 'newVersion'; basedOnId: string };

/** How a draft's nodes were replaced: the editor's save or an import over the draft. */
export type CriteriaSetSaveOrigin = { kind: 'editor' } | { kind: 'import'; fileName: string };

type SetFields = Pick<
  CriteriaSetDocument,
  | '_id'
  | 'indexCode'
  | 'year'
  | 'unitGroup'
  | 'edition'
  | 'name'
  | 'description'
  | 'status'
  | 'version'
  | 'valid'
  | 'totalMax'
  | 'leafCount'
>;

const target = (doc: Pick<CriteriaSetDocument, '_id'>) => `criteriaSet:${doc._id.toHexString()}`;

/** The fields a reader of the trail needs to recognise a set and its state, never its nodes. */
export function auditedSetFields(doc: SetFields) {
  return {
    indexCode: doc.indexCode,
    year: doc.year,
    unitGroup: doc.unitGroup,
    edition: doc.edition,
    name: doc.name,
    description: doc.description ?? null,
    status: doc.status,
    version: doc.version,
    valid: doc.valid,
    totalMax: doc.totalMax,
    leafCount: doc.leafCount,
  };
}

export function indexCreatedRecord(index: Index): AuditRecord {
  return { action: 'index.created', target: `index:${index.code}`, before: null, after: index };
}

export function criteriaSetCreatedRecord(doc: SetFields, origin: CriteriaSetOrigin): AuditRecord {
  return {
    action: 'criteriaSet.created',
    target: target(doc),
    before: null,
    after: { ...auditedSetFields(doc), origin },
  };
}

/**
 * A save as the diff sees it: `before.nodes` holds the removed and changed nodes as they were,
 * `after.nodes` the added and changed nodes as they are, and `after.changes` names them. Nodes
 * that only moved among their siblings are named in `changes.moved` without their bodies: the
 * diff counts every later sibling of a removed node as moved, which would copy the tree.
 */
export function criteriaSetSavedRecord(
  before: SetFields & { nodes: CriterionNode[] },
  after: SetFields & { nodes: CriterionNode[] },
  origin: CriteriaSetSaveOrigin,
): AuditRecord {
  const diff = diffCriteriaNodes(before.nodes, after.nodes);
  const removed = new Set(diff.removed.map((n) => n.code));
  const added = new Set(diff.added.map((n) => n.code));
  const moved = diff.changed.filter((c) => c.fields.length === 1 && c.fields[0] === 'position');
  const changed = diff.changed.filter((c) => !moved.includes(c));
  return {
    action: 'criteriaSet.saved',
    target: target(after),
    before: {
      ...auditedSetFields(before),
      nodes: [...before.nodes.filter((n) => removed.has(n.code)), ...changed.map((c) => c.before)],
    },
    after: {
      ...auditedSetFields(after),
      origin,
      changes: {
        added: [...added],
        removed: [...removed],
        changed: changed.map((c) => ({ code: c.code, fields: c.fields })),
        moved: moved.map((c) => c.code),
      },
      nodes: [...after.nodes.filter((n) => added.has(n.code)), ...changed.map((c) => c.after)],
    },
  };
}

export function criteriaSetDeletedRecord(doc: SetFields): AuditRecord {
  return {
    action: 'criteriaSet.deleted',
    target: target(doc),
    before: auditedSetFields(doc),
    after: null,
  };
}

/** A draft frozen because a period using it started. */
export function criteriaSetInUseRecord(
  before: SetFields,
  after: SetFields,
  periodId: string | null,
): AuditRecord {
  return {
    action: 'criteriaSet.markedInUse',
    target: target(after),
    before: { status: before.status, version: before.version },
    after: { status: after.status, version: after.version, periodId },
  };
}
