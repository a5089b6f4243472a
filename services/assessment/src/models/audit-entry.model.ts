/** The append-only audit trail of the assessment service: who changed what, when, before and after. */
import { Schema, type Connection, type Model } from 'mongoose';
import type { AuthUser } from '@par/contracts';

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

export const actorId = (actor: AuditActor): string =>
  typeof actor === 'string' ? actor : actor.id;

/**
 * Appends entries for changes made by `actor`, now. The one way entries are written, by periods
 * and criteria sets alike.
 */
export async function recordAudit(
  db: Connection,
  actor: AuditActor,
  ...records: AuditRecord[]
): Promise<void> {
  const at = new Date();
  const who =
    typeof actor === 'string' ? { actor } : { actor: actor.id, actorName: actor.username };
  await auditEntryModel(db).insertMany(records.map((record) => ({ at, ...who, ...record })));
}
