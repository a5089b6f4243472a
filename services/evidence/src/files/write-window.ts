/**
 * Whether a unit may change its evidence now. The rule is the assessment service's
 * (`assessment.getWriteWindow`, the one its entries' saves run): the evidence service only asks,
 * and turns a closed window into the refusal the user reads, and refuses criterion codes that
 * are not leaves the unit fills.
 */
import { deadlinePassed, type ErrorCode, type WriteWindow } from '@par/contracts';
import { PortalError } from '@par/service-kit';

/** Asks the assessment service for the unit's window in the period (as the evidence principal). */
export type AskWriteWindow = (periodId: string, unitCode: string) => Promise<WriteWindow>;

/** The refusal of a write the window does not allow, or null when the unit may write. */
export function windowRefusal(
  window: WriteWindow,
  unitCode: string,
  now: Date = new Date(),
): PortalError | null {
  switch (window.readOnly) {
    case null:
      return null;
    case 'deadlinePassed': {
      const deadline = window.deadline;
      if (!deadline) return new PortalError('E_DEADLINE_PASSED');
      // Appraisal started by hand before the deadline ends the window now; name the deadline.
      const at = new Date(Math.max(now.getTime(), Date.parse(deadline.endsAt)));
      return new PortalError('E_DEADLINE_PASSED', deadlinePassed({ ...deadline, unitCode }, at)!);
    }
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
