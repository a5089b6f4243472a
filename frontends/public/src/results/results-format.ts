/**
 * How the public pages write a published result: vi-VN numbers from hundredths (the kernel's
 * `formatHundredths`), and which period and group a choice of index, year and group means.
 */
import type { PublishedPeriod } from '@par/contracts';
import { formatChange, formatHundredths } from '@par/scoring';

/** An index or a sub-index (hundredths of a percent) without its sign: `8,33`; a dash when none. */
export const indexText = (index: number | null): string =>
  index === null ? '—' : formatHundredths(index);

/** The change against last year, signed: `+4,16`, `-4,16`, `0`; null when there is none. */
export const changeText = (change: number | null): string | null =>
  change === null ? null : formatChange(change);

/** A bar's length in percent of the full width: an index of 100 % fills it. */
export const barWidth = (index: number | null): number =>
  index === null ? 0 : Math.min(100, Math.max(0, index / 100));

/** The indices published, in the order the list gives (newest year first). */
export function indicesOf(periods: readonly PublishedPeriod[]): string[] {
  return [...new Set(periods.map((p) => p.indexCode))];
}

/** The periods the choice of `periodId` and `unitGroup` in the query means, or the newest ones. */
export function chosen(
  periods: readonly PublishedPeriod[],
  choice: { periodId?: string; unitGroup?: string },
): { period: PublishedPeriod; unitGroup: string | undefined } | undefined {
  const period = periods.find((p) => p.periodId === choice.periodId) ?? periods[0];
  if (!period) return undefined;
  const unitGroup =
    period.groups.find((g) => g.unitGroup === choice.unitGroup)?.unitGroup ??
    period.groups[0]?.unitGroup;
  return { period, unitGroup };
}
