/**
 * What the rest of the assessment service (periods) may ask of the criteria sets; the criteria-set
 * module owns the collection, periods go through these functions only.
 */
import { isValidObjectId, type Connection } from 'mongoose';
import { CriterionNode, type CriteriaSetSummary } from '@par/contracts';
import { criteriaSetModel, type CriteriaSetDocument } from '../models/criteria-set.model';
import { auditItems, type AuditActor } from '../models/audit-entry.model';
import { criteriaSetInUseRecord } from './criteria-set-audit';
import { toSummary, versionedSets } from './criteria-sets';

/** The summaries of the given sets, in no particular order; unknown ids are left out. */
export async function getCriteriaSetSummaries(
  db: Connection,
  ids: readonly string[],
): Promise<CriteriaSetSummary[]> {
  const valid = ids.filter((id) => isValidObjectId(id));
  if (valid.length === 0) return [];
  const docs = await criteriaSetModel(db)
    .find({ _id: { $in: valid } }, { nodes: 0 })
    .lean<CriteriaSetDocument[]>();
  return docs.map(toSummary);
}

/** The nodes of the given sets by set id, in display order; unknown ids are left out. */
export async function getCriteriaSetNodes(
  db: Connection,
  ids: readonly string[],
): Promise<Map<string, CriterionNode[]>> {
  const valid = ids.filter((id) => isValidObjectId(id));
  if (valid.length === 0) return new Map();
  const docs = await criteriaSetModel(db)
    .find({ _id: { $in: valid } }, { nodes: 1 })
    .lean<Pick<CriteriaSetDocument, '_id' | 'nodes'>[]>();
  return new Map(
    docs.map((doc) => [doc._id.toHexString(), doc.nodes.map((node) => CriterionNode.parse(node))]),
  );
}

/**
 * Marks that a period now chooses these sets, once that period is stored: returns the ids whose
 * set no longer exists (deleted meanwhile), for the period write to be undone. With
 * `deleteCriteriaSet` checking for periods before a delete conditional on the claims it read,
 * either the delete sees the period, or the period sees the set gone, or the delete fails: no
 * period is ever left choosing a deleted set, without a transaction.
 */
export async function claimCriteriaSets(db: Connection, ids: readonly string[]): Promise<string[]> {
  const gone: string[] = [];
  for (const id of new Set(ids)) {
    const res = isValidObjectId(id)
      ? await criteriaSetModel(db).updateOne({ _id: id }, { $inc: { periodClaims: 1 } })
      : { matchedCount: 0 };
    if (res.matchedCount === 0) gone.push(id);
  }
  return gone;
}

/**
 * Freezes the given sets when a period using them starts (idempotent), auditing each set that
 * moves as changed by `actor` (who moved the period) for `periodId`.
 */
export async function markCriteriaSetsInUse(
  db: Connection,
  ids: readonly string[],
  actor: AuditActor = 'system',
  periodId: string | null = null,
): Promise<void> {
  const valid = ids.filter((id) => isValidObjectId(id));
  const sets = versionedSets(db, 'vi');
  for (const id of valid) {
    // Only a draft moves: a set already in use stays as it is, so calling twice changes nothing
    // and writes no second entry. The entry is written with the move, in the set's outbox.
    for (;;) {
      const before = await criteriaSetModel(db).findById(id).lean<CriteriaSetDocument>();
      if (!before || before.status !== 'draft') break;
      const after = { ...before, status: 'inUse' as const, version: before.version + 1 };
      const moved = await sets.tryWrite(
        db,
        before._id,
        before.version,
        { $set: { status: 'inUse' } },
        {
          where: { status: 'draft' },
          outbox: auditItems(actor, criteriaSetInUseRecord(before, after, periodId)),
        },
      );
      if (moved) break; // else saved meanwhile: read it again
    }
  }
}

/** A set as a unit's self-assessment reads it: name, total and nodes. */
export interface SetForUnits {
  id: string;
  name: string;
  totalMax: number;
  nodes: CriterionNode[];
}

/** Sets in use never change again (`criteriaSet.inUse`), so each node keeps the ones it read. */
const setsInUse = new WeakMap<Connection, Map<string, SetForUnits>>();

/** The set a unit fills, or null when the id names none; sets in use are read once per node. */
export async function getCriteriaSetForUnits(
  db: Connection,
  id: string,
): Promise<SetForUnits | null> {
  const cache = setsInUse.get(db) ?? new Map<string, SetForUnits>();
  setsInUse.set(db, cache);
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isValidObjectId(id)) return null;
  const doc = await criteriaSetModel(db)
    .findById(id, { name: 1, totalMax: 1, nodes: 1, status: 1 })
    .lean<Pick<CriteriaSetDocument, '_id' | 'name' | 'totalMax' | 'nodes' | 'status'>>();
  if (!doc) return null;
  const set = {
    id,
    name: doc.name,
    totalMax: doc.totalMax,
    nodes: doc.nodes.map((node) => CriterionNode.parse(node)),
  };
  if (doc.status === 'inUse') cache.set(id, set);
  return set;
}
