/** The append-only audit trail of the accounts service: who changed what, when, before and after. */
import { Schema, type Connection, type Model } from 'mongoose';

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

const auditEntrySchema = new Schema<AuditEntry>(
  {
    at: { type: Date, required: true, index: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    target: { type: String, required: true, index: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'auditEntries', versionKey: false },
);

export function auditEntryModel(db: Connection): Model<AuditEntry> {
  return (db.models.AuditEntry as Model<AuditEntry>) ?? db.model('AuditEntry', auditEntrySchema);
}
