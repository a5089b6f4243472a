/** The refusal every write of a unit makes once its deadline has passed (`E_DEADLINE_PASSED`). */
import {
  deadlineFor,
  deadlinePassed,
  type DeadlineSource,
  type PeriodPhase,
  type UnitDeadline,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';

/**
 * Throws `E_DEADLINE_PASSED`, naming the deadline and when it passed in Vietnam time, from the
 * unit's deadline for the phase on (extensions included); returns that deadline otherwise, or
 * null when the phase has no end. The self-assessment and clarification writes call it.
 */
export function assertBeforeDeadline(
  period: DeadlineSource,
  unitCode: string,
  phase: PeriodPhase,
  now: Date = new Date(),
): UnitDeadline | null {
  const deadline = deadlineFor(period, unitCode, phase);
  if (!deadline) return null;
  const passed = deadlinePassed(deadline, now);
  if (passed) throw new PortalError('E_DEADLINE_PASSED', passed);
  return deadline;
}
