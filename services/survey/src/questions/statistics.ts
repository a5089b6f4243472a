/**
 * Time-to-answer figures of questions per unit, pure: a question counts for the unit that holds
 * it now, and its time runs from when it reached that unit (asked, or routed there) to its first
 * answer, or, while open, until `now`.
 */
import type { QuestionStatus, QuestionUnitStatistics } from '@par/contracts';

export interface QuestionTimes {
  unitCode: string;
  status: QuestionStatus;
  unitSince: Date;
  answeredAt: Date | null;
}

const HOUR_MS = 3_600_000;
/** Hours to one decimal, from milliseconds (an integer count of tenths, then divided once). */
export const hoursOf = (ms: number): number => Math.round(ms / (HOUR_MS / 10)) / 10;

/** The median of integers in milliseconds: the mean of the two middle ones for an even count. */
export function medianMs(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One row per unit holding a question, by unit code. */
export function questionStatistics(
  questions: readonly QuestionTimes[],
  now: Date,
): QuestionUnitStatistics[] {
  const byUnit = new Map<string, QuestionTimes[]>();
  for (const q of questions) byUnit.set(q.unitCode, [...(byUnit.get(q.unitCode) ?? []), q]);
  return [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitCode, list]) => {
      const answered = list.filter((q) => q.status === 'answered' || q.status === 'published');
      const open = list.filter((q) => q.status === 'new' || q.status === 'routed');
      const toAnswer = answered.map((q) => q.answeredAt!.getTime() - q.unitSince.getTime());
      const waited = open.map((q) => now.getTime() - q.unitSince.getTime());
      const median = medianMs(toAnswer);
      return {
        unitCode,
        received: list.length,
        answered: answered.length,
        published: list.filter((q) => q.status === 'published').length,
        rejected: list.filter((q) => q.status === 'rejected').length,
        open: open.length,
        medianHoursToAnswer: median === null ? null : hoursOf(median),
        longestOpenHours: waited.length ? hoursOf(Math.max(...waited)) : null,
      };
    });
}
