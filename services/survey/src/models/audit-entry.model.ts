/** The append-only audit trail of the survey service: who changed what, when, before and after. */
import { defineAuditTrail, type AuditEntryBase } from '@par/service-kit';

export interface AuditEntry extends AuditEntryBase {
  /** The campaign or questionnaire the entry is about. */
  subject: string;
}

export const { auditEntryModel, auditItem } = defineAuditTrail<AuditEntry>({
  subject: { type: String, required: true, index: true },
});
