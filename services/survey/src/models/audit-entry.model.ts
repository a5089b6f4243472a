/** The append-only audit trail of the survey service: who changed what, when, before and after. */
import { Schema, type Connection, type Model } from 'mongoose';
import type { AuthUser } from '@par/contracts';
import { outboxAudit, type OutboxItem } from '@par/service-kit';

export interface AuditEntry {
  at: Date;
  actor: string;
  actorName?: string;
  action: string;
  target: string;
  /** The campaign or questionnaire the entry is about. */
  subject: string;
  before: unknown;
  after: unknown;
}

const auditEntrySchema = new Schema<AuditEntry>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    actorName: { type: String, default: undefined },
    action: { type: String, required: true },
    target: { type: String, required: true },
    subject: { type: String, required: true, index: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'auditEntries', versionKey: false },
);

export function auditEntryModel(db: Connection): Model<AuditEntry> {
  return (db.models.AuditEntry as Model<AuditEntry>) ?? db.model('AuditEntry', auditEntrySchema);
}

/** An entry for a change by `actor`, now, as an outbox item written with the change. */
export function auditItem(
  actor: Pick<AuthUser, 'id' | 'username'>,
  record: Omit<AuditEntry, 'at' | 'actor' | 'actorName'>,
): OutboxItem {
  return outboxAudit({ at: new Date(), actor: actor.id, actorName: actor.username, ...record });
}
