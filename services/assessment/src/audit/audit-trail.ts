/** Reading the assessment service's audit trail for the admin, by period or criteria set. */
import type { Connection, Types } from 'mongoose';
import type { z } from 'zod';
import type {
  AssessmentAuditEntry,
  AssessmentAuditList,
  ListAssessmentAuditParams,
} from '@par/contracts';
import { auditEntryModel, type AuditEntry } from '../models/audit-entry.model';

type StoredEntry = AuditEntry & { _id: Types.ObjectId };

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

function toEntry(doc: StoredEntry): AssessmentAuditEntry {
  return {
    id: doc._id.toHexString(),
    at: doc.at.toISOString(),
    actor: { id: doc.actor, username: doc.actorName ?? null },
    action: doc.action,
    target: doc.target,
    before: asRecord(doc.before),
    after: asRecord(doc.after),
  };
}

export async function listAssessmentAudit(
  db: Connection,
  params: z.output<typeof ListAssessmentAuditParams>,
): Promise<AssessmentAuditList> {
  const filters: Record<string, unknown>[] = [];
  if (params.periodId) {
    // A period's story includes the sets it froze when it started.
    filters.push({
      $or: [{ target: `period:${params.periodId}` }, { 'after.periodId': params.periodId }],
    });
  }
  if (params.criteriaSetId) filters.push({ target: `criteriaSet:${params.criteriaSetId}` });
  const filter = filters.length === 0 ? {} : filters.length === 1 ? filters[0]! : { $and: filters };
  const Entries = auditEntryModel(db);
  const [docs, total] = await Promise.all([
    Entries.find(filter)
      // Entries of one change share `at`; the id keeps their written order.
      .sort({ at: -1, _id: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<StoredEntry[]>(),
    Entries.countDocuments(filter),
  ]);
  return { items: docs.map(toEntry), total };
}
