/**
 * Whether a unit may change its evidence now. The rule is the assessment service's
 * (`assessment.getWriteWindow`, the one its entries' saves run): the evidence service only asks,
 * and turns a closed window into the refusal the user reads, and refuses criterion codes that
 * are not leaves the unit fills.
 */
import {
  deadlinePassed,
  type ErrorCode,
  type UnitDeadlineView,
  type UnitQuestionList,
  type WriteWindow,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';

/** Asks the assessment service for the unit's window in the period (as the evidence principal). */
export type AskWriteWindow = (periodId: string, unitCode: string) => Promise<WriteWindow>;

/**
 * The unit's clarification questions and whether it may answer now, asked of the appraisal
 * service's `appraisal.listUnitQuestions` with the officer's own token: the one rule its answers
 * run (the clarification phase, the unit's clarification deadline with any extension).
 */
export type AskClarification = (periodId: string) => Promise<UnitQuestionList | null>;

/** E_DEADLINE_PASSED naming the deadline (and extension) the assessment or appraisal service gave. */
function deadlineRefusal(deadline: UnitDeadlineView | null, unitCode: string, now: Date) {
  if (!deadline) return new PortalError('E_DEADLINE_PASSED');
  // A phase moved on by hand before the deadline ends the window now; name the deadline.
  const at = new Date(Math.max(now.getTime(), Date.parse(deadline.endsAt)));
  return new PortalError('E_DEADLINE_PASSED', deadlinePassed({ ...deadline, unitCode }, at)!);
}

/**
 * Whether a write closed to the self-assessment is open in clarification: `closed` when the unit
 * is not in its clarification phase (the self-assessment's refusal stands), a refusal (its
 * clarification deadline passed, a criterion without a question, a file of the submitted
 * self-assessment), or null: the write may go on, as evidence added in clarification.
 */
export function clarificationRefusal(
  questions: UnitQuestionList,
  unitCode: string,
  criterionCodes: readonly string[],
  file: { name: string; addedInClarification?: boolean } | null,
  now: Date = new Date(),
): PortalError | 'closed' | null {
  if (questions.readOnly === 'deadlinePassed')
    return deadlineRefusal(questions.deadline, unitCode, now);
  if (questions.readOnly !== null) return 'closed';
  if (file && !file.addedInClarification)
    return new PortalError('E_CONFLICT', {
      key: 'evidence.clarification.submittedFile',
      params: { name: file.name },
    });
  const questioned = questions.items.map((q) => q.criterionCode);
  const outside = criterionCodes.filter((code) => !questioned.includes(code));
  if (outside.length)
    return new PortalError('E_FORBIDDEN', {
      key: 'evidence.clarification.notQuestioned',
      params: { codes: outside.join(', ') },
      fields: [{ field: 'criterionCodes', key: 'evidence.clarification.notQuestioned' }],
    });
  return null;
}

/** The refusal of a write the window does not allow, or null when the unit may write. */
export function windowRefusal(
  window: WriteWindow,
  unitCode: string,
  now: Date = new Date(),
): PortalError | null {
  switch (window.readOnly) {
    case null:
      return null;
    case 'deadlinePassed':
      return deadlineRefusal(window.deadline, unitCode, now);
    case 'submitted':
      return new PortalError('E_CONFLICT', { key: 'evidence.set.frozen' });
    case 'notOpen':
      return new PortalError('E_FORBIDDEN', { key: 'evidence.period.notOpen' });
    case 'phaseClosed':
      return new PortalError('E_FORBIDDEN', { key: 'evidence.period.closed' });
  }
}

/** The codes among `codes` that are not leaves the unit fills, in the order given. */
export function criteriaOutside(codes: readonly string[], leafCodes: readonly string[]): string[] {
  const leaves = new Set(leafCodes);
  return codes.filter((code) => !leaves.has(code));
}

/** Codes whose errors the domain raises on purpose; anything else on the bus means "not reached". */
const domainCodes: ReadonlySet<string> = new Set<ErrorCode>([
  'E_VALIDATION',
  'E_FORBIDDEN',
  'E_NOT_FOUND',
  'E_CONFLICT',
  'E_DEADLINE_PASSED',
]);

/** A domain refusal from the assessment service passes as it is (404 for a period the unit is not in). */
export function isDomainRefusal(err: unknown): boolean {
  return domainCodes.has(String((err as { type?: unknown }).type));
}
