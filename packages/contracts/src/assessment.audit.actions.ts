/**
 * Reading the assessment service's audit trail: every change of a period or a criteria set, who
 * made it, when, and what it was before and after. Admin-only, like the changes it records.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { CriteriaSetId } from './assessment.criteria-sets.actions';

export const AssessmentAuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  /** `username` is null for entries of the service itself or written before names were kept. */
  actor: z.object({ id: z.string(), username: z.string().nullable() }),
  /**
   * `period.created`, `period.phaseChanged`, `period.deadlineExtended`, `index.created`,
   * `criteriaSet.created`, `criteriaSet.saved`, `criteriaSet.deleted`, `criteriaSet.markedInUse`, …
   */
  action: z.string(),
  /** `period:<id>`, `criteriaSet:<id>` or `index:<code>`. */
  target: z.string(),
  /**
   * The object's fields before and after, as each action records them. A save keeps only the
   * nodes it added, removed or changed (`after.changes` names them), never the whole tree.
   */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AssessmentAuditEntry = z.infer<typeof AssessmentAuditEntry>;

export const ListAssessmentAuditParams = z.object({
  /** The period's entries, and those of the sets it froze when it started. */
  periodId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{24}$/, { error: 'audit.periodId.format' })
    .optional(),
  criteriaSetId: CriteriaSetId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListAssessmentAuditParams = z.input<typeof ListAssessmentAuditParams>;

export const AssessmentAuditList = z.object({
  /** Newest first. */
  items: z.array(AssessmentAuditEntry),
  total: z.number().int(),
});
export type AssessmentAuditList = z.infer<typeof AssessmentAuditList>;

export const assessmentAuditActions = {
  listAssessmentAudit: defineAction({
    name: 'assessment.listAssessmentAudit',
    summary:
      'The audit trail of periods and criteria sets, newest first, filtered by period or set',
    params: ListAssessmentAuditParams,
    result: AssessmentAuditList,
    roles: ['admin'],
    rest: { method: 'GET', path: '/assessment-audit' },
  }),
};
