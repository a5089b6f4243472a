/** The append-only audit trail of the appraisal service: who changed what, when, before and after. */
import { defineAuditTrail, type AuditEntryBase } from '@par/service-kit';

export interface AuditEntry extends AuditEntryBase {
  /** The period the entry is about, for the period's trail. */
  periodId: string;
}

export const { auditEntryModel, auditItem } = defineAuditTrail<AuditEntry>({
  periodId: { type: String, required: true, index: true },
});
