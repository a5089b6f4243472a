/** The append-only audit trail of the assessment service: who changed what, when, before and after. */
import { Schema, type Connection, type Model } from 'mongoose';
import type { AuthUser } from '@par/contracts';
import { outboxAudit, type OutboxItem } from '@par/service-kit';

export interface AuditEntry {
  at: Date;
  /**
   * A user id from the verified token: a person's, or a service principal's (the scheduler's
   * moves); `scheduler` in entries written before service principals.
   */
  actor: string;
  /** The actor's username when known, so the trail reads without asking Keycloak. */
  actorName?: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  /** Unit codes the entry is about, for filters. */
  units?: string[];
}

const auditEntrySchema = new Schema<AuditEntry>(
  {
    at: { type: Date, required: true, index: true },
    actor: { type: String, required: true },
    actorName: { type: String, default: undefined },
    action: { type: String, required: true },
    target: { type: String, required: true, index: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    units: { type: [String], default: undefined, index: true },
  },
  { collection: 'auditEntries', versionKey: false },
);

export function auditEntryModel(db: Connection): Model<AuditEntry> {
  return (db.models.AuditEntry as Model<AuditEntry>) ?? db.model('AuditEntry', auditEntrySchema);
}

/** What a change says about itself; who made it and when are filled in by `recordAudit`. */
export type AuditRecord = Omit<AuditEntry, 'at' | 'actor' | 'actorName'>;

/** Who made a change: the verified user (a person or a service principal), or their id. */
export type AuditActor = string | Pick<AuthUser, 'id' | 'username'>;

const whoIs = (actor: AuditActor) =>
  typeof actor === 'string' ? { actor } : { actor: actor.id, actorName: actor.username };
export const actorId = (actor: AuditActor): string =>
  typeof actor === 'string' ? actor : actor.id;

/**
 * Entries for changes made by `actor`, now, as outbox items: written with the change in its own
 * document and appended by the relay. The way periods and criteria sets write their entries.
 */
export function auditItems(actor: AuditActor, ...records: AuditRecord[]): OutboxItem[] {
  const at = new Date();
  return records.map((record) => outboxAudit({ at, ...whoIs(actor), ...record }));
}

/**
 * Appends entries straight away, for a change that leaves no document to carry them (a deleted
 * draft set).
 */
export async function recordAudit(
  db: Connection,
  actor: AuditActor,
  ...records: AuditRecord[]
): Promise<void> {
  const at = new Date();
  await auditEntryModel(db).insertMany(
    records.map((record) => ({ at, ...whoIs(actor), ...record })),
  );
}
