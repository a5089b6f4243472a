/** The append-only audit trail of the accounts service: who changed what, when, before and after. */
import { Schema, type Connection, type Model } from 'mongoose';
import type { AuthUser } from '@par/contracts';
import { outboxAudit, type OutboxItem } from '@par/service-kit';

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  /** Unit codes and account ids the entry is about, for the filters (absent on old entries). */
  units?: string[];
  accounts?: string[];
}

const auditEntrySchema = new Schema<AuditEntry>(
  {
    at: { type: Date, required: true, index: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, required: true, index: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
    units: { type: [String], default: undefined, index: true },
    accounts: { type: [String], default: undefined, index: true },
  },
  { collection: 'auditEntries', versionKey: false },
);

export function auditEntryModel(db: Connection): Model<AuditEntry> {
  return (db.models.AuditEntry as Model<AuditEntry>) ?? db.model('AuditEntry', auditEntrySchema);
}

/** What a change says about itself; who made it and when are filled in by `recordAudit`. */
export type AuditRecord = Omit<AuditEntry, 'at' | 'actor'>;

/**
 * Entries for changes made by `by`, now, as outbox items: written with the change in its own
 * document, appended by the relay. The way entries of a change to a stored document are written.
 */
export function auditItems(by: AuthUser, ...records: AuditRecord[]): OutboxItem[] {
  const at = new Date();
  return records.map((record) => outboxAudit({ at, actor: by.id, ...record }));
}

/**
 * Appends entries for changes made by `by`, now, straight away: for changes that live outside
 * this service's documents (accounts in Keycloak), where there is no document to carry an outbox.
 */
export async function recordAudit(
  db: Connection,
  by: Pick<AuthUser, 'id'>,
  ...records: AuditRecord[]
): Promise<void> {
  const at = new Date();
  await auditEntryModel(db).insertMany(records.map((record) => ({ at, actor: by.id, ...record })));
}
