/**
 * The admin's appraisal progress board in the shapes its tables show: one appraiser's round as
 * appraised / assigned with a percentage and whether it is sent, the filters over appraisers
 * and units, and the totals line. Pure.
 */
import { isPhaseReached, roundPhases } from '@par/contracts';
import type {
  AppraisalProgress,
  AppraiserProgress,
  PeriodPhase,
  UnitAppraisalProgress,
} from '@par/contracts';

export type Round = 1 | 2;
export const rounds: readonly Round[] = [1, 2];

export interface RoundProgress {
  round: Round;
  appraised: number;
  assigned: number;
  /** Whole percent for the bar, rounded down so that 100 means every entry is appraised. */
  percent: number;
  sentAt: string | null;
}

/**
 * Whether a round has begun in a period at `phase`. Before round 2 begins, its counts only
 * repeat round 1 (unquestioned entries carry their round-1 score), so the board shows none.
 */
export function roundBegun(round: Round, phase: PeriodPhase): boolean {
  return isPhaseReached(phase, roundPhases[round]);
}

/** A count as people in Vietnam write it (`1.234`), whatever the page's language. */
export function formatCount(n: number): string {
  return n.toLocaleString('vi-VN');
}

export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((done * 100) / total));
}

export function roundOf(appraiser: AppraiserProgress, round: Round): RoundProgress {
  const appraised = round === 1 ? appraiser.round1Appraised : appraiser.round2Appraised;
  return {
    round,
    appraised,
    assigned: appraiser.assigned,
    percent: percentOf(appraised, appraiser.assigned),
    sentAt: round === 1 ? appraiser.round1SentAt : appraiser.round2SentAt,
  };
}

/** The appraisers filter by sending: who sent (or has not sent) round 1 or round 2. */
export const sendFilters = ['round1Sent', 'round1NotSent', 'round2Sent', 'round2NotSent'] as const;
export type SendFilter = (typeof sendFilters)[number];

export interface AppraiserFilter {
  /** Part of the username, case and accents ignored. */
  q?: string;
  sent?: SendFilter;
}

/** Lower case without diacritics (đ too), so `tham dinh` finds `Thẩm định`. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

export function filterAppraisers(
  items: readonly AppraiserProgress[],
  { q, sent }: AppraiserFilter,
): AppraiserProgress[] {
  const needle = foldText(q ?? '');
  return items.filter((a) => {
    if (needle && !foldText(a.username).includes(needle)) return false;
    if (!sent) return true;
    const round: Round = sent.startsWith('round1') ? 1 : 2;
    return (roundOf(a, round).sentAt !== null) === !sent.endsWith('NotSent');
  });
}

export interface UnitFilter {
  /** Part of the unit's code or name, case and accents ignored. */
  q?: string;
  unitGroup?: string;
  state?: UnitAppraisalProgress['state'];
}

export function filterUnits(
  items: readonly UnitAppraisalProgress[],
  { q, unitGroup, state }: UnitFilter,
): UnitAppraisalProgress[] {
  const needle = foldText(q ?? '');
  return items.filter(
    (u) =>
      (!needle || foldText(`${u.unitCode} ${u.unitName}`).includes(needle)) &&
      (!unitGroup || u.unitGroup === unitGroup) &&
      (!state || u.state === state),
  );
}

/** Orders for the tables' sorters: by share appraised, then by count, so 0/0 sorts first. */
export function compareProgress(
  a: { done: number; total: number },
  b: { done: number; total: number },
): number {
  return percentOf(a.done, a.total) - percentOf(b.done, b.total) || a.done - b.done;
}

export interface ProgressTotals {
  appraisers: number;
  /** Appraisers who sent round 1, and round 2. */
  sent1: number;
  sent2: number;
  units: number;
  /** Units done with round 1 (or 2), and with round 2. */
  round1Done: number;
  round2Done: number;
}

export function progressTotals(
  progress: Pick<AppraisalProgress, 'appraisers' | 'units'>,
): ProgressTotals {
  const { appraisers, units } = progress;
  return {
    appraisers: appraisers.length,
    sent1: appraisers.filter((a) => a.round1SentAt).length,
    sent2: appraisers.filter((a) => a.round2SentAt).length,
    units: units.length,
    round1Done: units.filter((u) => u.state === 'round1Done' || u.state === 'round2Done').length,
    round2Done: units.filter((u) => u.state === 'round2Done').length,
  };
}
