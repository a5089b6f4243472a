/**
 * A unit's deadline for a phase, extensions included, and the refusal once it has passed: the one
 * copy the assessment service's checks, the progress board and the admin pages all run.
 *
 * Which extension counts: the one made last (latest made wins), not the one ending last. The
 * admin corrects an extension by making another, so a later-made extension that ends earlier
 * replaces the earlier one; all of them stay in the audit trail. An extension only ever gives
 * more time: where the phase's common end is (or was moved) later, the common end holds.
 */
import {
  extendablePhases,
  type ExtendablePhase,
  type PeriodPhase,
} from './assessment.periods.actions';
import type { ErrorData, MessageKey } from './errors';
import { formatVietnamDate, formatVietnamTime } from './vietnam-time';

/** A moment as the database (Date) or the API (ISO string) holds it. */
type Moment = string | Date;

/** What the rule needs of a period: a stored document or the API's `Period` alike. */
export interface DeadlineSource {
  phases: readonly { phase: PeriodPhase; endsAt: Moment | null }[];
  /** Every extension in the order it was made (or the latest per unit and phase). */
  extensions: readonly DeadlineExtensionLike[];
}

export interface DeadlineExtensionLike {
  unitCode: string;
  phase: PeriodPhase;
  endsAt: Moment;
  reason: string;
  by: string;
  at: Moment;
}

/** One unit's deadline for one phase; times in UTC ISO. */
export interface UnitDeadline {
  unitCode: string;
  phase: PeriodPhase;
  /** The moment from which the unit can no longer act in the phase. */
  endsAt: string;
  /** The phase's end for every unit. */
  commonEndsAt: string;
  /** The extension in force (who granted it, why, when), or null when the common end holds. */
  extension: { endsAt: string; reason: string; by: string; at: string } | null;
}

const iso = (moment: Moment) => new Date(moment).toISOString();

/** The latest-made extension per unit and phase, given the extensions in the order made. */
export function latestExtensions<E extends { unitCode: string; phase: PeriodPhase }>(
  extensions: readonly E[],
): E[] {
  return [...new Map(extensions.map((e) => [`${e.unitCode}/${e.phase}`, e])).values()];
}

/** The unit's deadline for the phase; null when the period lacks the phase or it has no end. */
export function deadlineFor(
  period: DeadlineSource,
  unitCode: string,
  phase: PeriodPhase,
): UnitDeadline | null {
  const common = period.phases.find((p) => p.phase === phase)?.endsAt;
  if (common === undefined || common === null) return null;
  const commonEndsAt = iso(common);
  const latest = period.extensions.findLast((e) => e.unitCode === unitCode && e.phase === phase);
  const inForce =
    latest && Date.parse(iso(latest.endsAt)) > Date.parse(commonEndsAt) ? latest : null;
  return {
    unitCode,
    phase,
    endsAt: inForce ? iso(inForce.endsAt) : commonEndsAt,
    commonEndsAt,
    extension: inForce
      ? { endsAt: iso(inForce.endsAt), reason: inForce.reason, by: inForce.by, at: iso(inForce.at) }
      : null,
  };
}

/** A UTC moment as Vietnam reads it, as `{ date: 'dd/mm/yyyy', time: 'HH:mm' }`. */
function inVietnam(moment: string): { date: string; time: string } {
  return { date: formatVietnamDate(moment), time: formatVietnamTime(moment) };
}

const passedKeys: Record<ExtendablePhase, { common: MessageKey; extended: MessageKey }> = {
  selfAssessment: {
    common: 'deadline.passed.selfAssessment',
    extended: 'deadline.passed.selfAssessment.extended',
  },
  clarification: {
    common: 'deadline.passed.clarification',
    extended: 'deadline.passed.clarification.extended',
  },
};

const isExtendable = (phase: PeriodPhase): phase is ExtendablePhase =>
  (extendablePhases as readonly string[]).includes(phase);

/**
 * Null while `now` is before the deadline; from the deadline's minute on, the error data of
 * `E_DEADLINE_PASSED` naming which deadline passed and when, in Vietnam time.
 */
export function deadlinePassed(deadline: UnitDeadline, now: Date): ErrorData | null {
  if (now.getTime() < Date.parse(deadline.endsAt)) return null;
  const { date, time } = inVietnam(deadline.endsAt);
  const common = inVietnam(deadline.commonEndsAt);
  const keys = isExtendable(deadline.phase) ? passedKeys[deadline.phase] : null;
  const key = keys ? (deadline.extension ? keys.extended : keys.common) : 'deadline.passed';
  return {
    key,
    params: { date, time, commonDate: common.date, commonTime: common.time },
  };
}
