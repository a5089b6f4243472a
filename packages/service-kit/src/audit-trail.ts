/**
 * What every service's audit trail shares: an entry's common fields, the model of a service's
 * `auditEntries` collection and the outbox item that appends an entry with its change, and an
 * entry as the admin reads it.
 */
import { Schema, type Connection, type Model, type SchemaDefinition } from 'mongoose';
import type { AppraisalAuditEntry, AuthUser } from '@par/contracts';
import { outboxAudit, type OutboxItem } from './outbox';

/** Who changed what, when, before and after; each service adds what its entries are about. */
export interface AuditEntryBase {
  at: Date;
  actor: string;
  actorName?: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** A service's trail: its entries' model and the outbox item that appends one with its change. */
export interface AuditTrail<E extends AuditEntryBase> {
  auditEntryModel(db: Connection): Model<E>;
  /** An entry for a change by `actor`, now, as an outbox item written with the change. */
  auditItem(
    actor: Pick<AuthUser, 'id' | 'username'>,
    record: Omit<E, 'at' | 'actor' | 'actorName'>,
  ): OutboxItem;
}

/**
 * A service's append-only trail in its own database's `auditEntries` collection: the common
 * fields, then the service's own (`own`: what an entry is about, indexed for its trail).
 */
export function defineAuditTrail<E extends AuditEntryBase>(
  own: Record<string, unknown>,
): AuditTrail<E> {
  const schema: Schema = new Schema(
    {
      at: { type: Date, required: true },
      actor: { type: String, required: true },
      actorName: { type: String, default: undefined },
      action: { type: String, required: true },
      target: { type: String, required: true },
      ...own,
      before: { type: Schema.Types.Mixed, default: null },
      after: { type: Schema.Types.Mixed, default: null },
    } as SchemaDefinition,
    { collection: 'auditEntries', versionKey: false },
  );
  const model = (db: Connection): Model<E> =>
    (db.models.AuditEntry ?? db.model('AuditEntry', schema)) as unknown as Model<E>;
  const item = (
    actor: Pick<AuthUser, 'id' | 'username'>,
    record: Omit<E, 'at' | 'actor' | 'actorName'>,
  ): OutboxItem =>
    outboxAudit({ at: new Date(), actor: actor.id, actorName: actor.username, ...record });
  return { auditEntryModel: model, auditItem: item };
}

/** A stored entry as the admin's trail shows it (the appraisal and ranking services' lists). */
export function auditEntryView(
  doc: Omit<AuditEntryBase, 'actorName'> & { _id: unknown; actorName?: string | null },
): AppraisalAuditEntry {
  return {
    id: String(doc._id),
    at: doc.at.toISOString(),
    actor: { id: doc.actor, username: doc.actorName ?? null },
    action: doc.action,
    target: doc.target,
    before: (doc.before as Record<string, unknown> | null) ?? null,
    after: (doc.after as Record<string, unknown> | null) ?? null,
  };
}
