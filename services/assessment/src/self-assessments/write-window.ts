/**
 * When a unit may change its self-assessment: the one rule `saveEntry`, submission, withdrawal,
 * the page's read-only flag and the evidence service (`getWriteWindow`) all run. Pure.
 */
import {
  deadlineFor,
  deadlinePassed,
  formatVietnamDate,
  formatVietnamTime,
  type DeadlineSource,
  type Locale,
  type PeriodPhase,
  type ReadOnlyReason,
  type SelfAssessmentStatus,
  type UnitDeadline,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import { phaseLabel } from '../periods/period-rules';

export interface WindowPeriod extends DeadlineSource {
  currentPhase: PeriodPhase;
  phases: readonly { phase: PeriodPhase; startsAt: string | Date; endsAt: string | Date | null }[];
}

export interface WriteWindowState {
  /** Null when the unit may write now; else why not. */
  readOnly: ReadOnlyReason | null;
  /** The deadline the write (or the refusal) belongs to, when the phase has one. */
  deadline: UnitDeadline | null;
}

/**
 * Writes are the unit's in `trial` and `selfAssessment`, before its deadline (extension
 * included) and while not submitted. A self-assessment extension that reaches past the phase's
 * common end keeps the unit writing into appraisal round 1 until it ends. Clarification writes
 * (questioned entries only) come with the appraisal issue: `phaseClosed` until then.
 */
export function writeWindow(
  period: WindowPeriod,
  unitCode: string,
  status: SelfAssessmentStatus,
  now: Date = new Date(),
): WriteWindowState {
  const phase = period.currentPhase;
  if (phase === 'setup') {
    return { readOnly: 'notOpen', deadline: deadlineFor(period, unitCode, 'selfAssessment') };
  }
  const writingPhase =
    phase === 'trial'
      ? 'trial'
      : phase === 'selfAssessment' || phase === 'appraisalRound1'
        ? 'selfAssessment'
        : null;
  if (writingPhase === null) return { readOnly: 'phaseClosed', deadline: null };
  const deadline = deadlineFor(period, unitCode, writingPhase);
  if (deadline && deadlinePassed(deadline, now)) return { readOnly: 'deadlinePassed', deadline };
  if (phase === 'appraisalRound1' && !deadline?.extension) {
    // No extension reaches into appraisal: the common end has passed, or the admin started
    // appraisal by hand before it.
    return { readOnly: deadline ? 'deadlinePassed' : 'phaseClosed', deadline };
  }
  if (status === 'submitted') return { readOnly: 'submitted', deadline };
  return { readOnly: null, deadline };
}

/** The first moment the unit may write: the trial's start, or the self-assessment's. */
function opensAt(period: WindowPeriod): string | Date | null {
  const phase =
    period.phases.find((p) => p.phase === 'trial') ??
    period.phases.find((p) => p.phase === 'selfAssessment');
  return phase?.startsAt ?? null;
}

/**
 * The refusal of a write the window does not allow, as each reason's error: 403 with a message
 * that says what to do, `E_DEADLINE_PASSED` naming the deadline (and the extension). `ignore`
 * lets withdrawal pass the `submitted` state it undoes.
 */
export function assertWritable(
  period: WindowPeriod,
  unitCode: string,
  status: SelfAssessmentStatus,
  locale: Locale,
  now: Date = new Date(),
  ignore: readonly ReadOnlyReason[] = [],
): WriteWindowState {
  const state = writeWindow(period, unitCode, status, now);
  const reason = state.readOnly;
  if (reason === null || ignore.includes(reason)) return state;
  switch (reason) {
    case 'notOpen': {
      const at = opensAt(period) ?? now;
      throw new PortalError('E_FORBIDDEN', {
        key: 'selfAssessment.notOpen',
        params: { time: formatVietnamTime(at), date: formatVietnamDate(at) },
      });
    }
    case 'deadlinePassed': {
      // `deadlinePassed` names the deadline; appraisal started early by hand ends it now.
      const deadline = state.deadline!;
      const at = new Date(Math.max(now.getTime(), Date.parse(deadline.endsAt)));
      throw new PortalError('E_DEADLINE_PASSED', deadlinePassed(deadline, at)!);
    }
    case 'submitted':
      throw new PortalError('E_FORBIDDEN', { key: 'selfAssessment.submitted' });
    case 'phaseClosed':
      throw new PortalError('E_FORBIDDEN', {
        key: 'selfAssessment.phaseClosed',
        params: { phase: phaseLabel(period.currentPhase, locale) },
      });
  }
}
