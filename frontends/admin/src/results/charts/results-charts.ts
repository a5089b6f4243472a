/**
 * What the results charts draw, worked out from a draft's rows (pure): one unit's profile by
 * area against its group's average, the distribution of indices, the change against last year.
 * Indices and sub-indices are hundredths of a percent, changes hundredths of a percentage point.
 */
import type { ConsolidationRow } from '@par/contracts';
import { mulDivRoundHalfUp } from '@par/scoring';

/** The mean of non-negative integers, rounded half up to an integer; null for none. */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return mulDivRoundHalfUp(
    values.reduce((sum, v) => sum + v, 0),
    1,
    values.length,
  );
}

export interface AreaProfileBar {
  code: string;
  /** The unit's sub-index of the area; null for an area worth 0 points. */
  unit: number | null;
  /** The mean sub-index of the group's ranked units (those with an index); null without any. */
  groupAverage: number | null;
}

/** A unit's sub-index of each of its areas, in its set's order, with its group's average. */
export function areaProfile(
  rows: readonly ConsolidationRow[],
  unitCode: string,
): { unitGroup: string; bars: AreaProfileBar[] } | null {
  const unit = rows.find((row) => row.unitCode === unitCode);
  if (!unit) return null;
  const group = rows.filter((row) => row.unitGroup === unit.unitGroup && row.index !== null);
  return {
    unitGroup: unit.unitGroup,
    bars: unit.areas.map((area) => ({
      code: area.code,
      unit: area.subIndex,
      groupAverage: meanOf(
        group
          .map((row) => row.areas.find((a) => a.code === area.code)?.subIndex ?? null)
          .filter((v): v is number => v !== null),
      ),
    })),
  };
}

export interface HistogramBin {
  /** Lower bound, included; hundredths of a percent. */
  from: number;
  /** Upper bound, excluded but for the last bin, which holds 100 % too. */
  to: number;
  count: number;
}

/**
 * How many units' indices fall in each band of `width` (10 % by default) from 0 to 100 %; units
 * without an index are left out; `unitGroup` keeps one group's.
 */
export function indexHistogram(
  rows: readonly ConsolidationRow[],
  options: { width?: number; unitGroup?: string | null } = {},
): HistogramBin[] {
  const width = options.width ?? 1000;
  const count = Math.ceil(10_000 / width);
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    from: i * width,
    to: Math.min(10_000, (i + 1) * width),
    count: 0,
  }));
  for (const row of rows) {
    if (row.index === null) continue;
    if (options.unitGroup && row.unitGroup !== options.unitGroup) continue;
    const at = Math.min(count - 1, Math.max(0, Math.floor(row.index / width)));
    bins[at]!.count++;
  }
  return bins;
}

export interface ChangeBar {
  unitCode: string;
  unitName: string;
  change: number;
  direction: 'up' | 'down' | 'same';
  /** The bar's length in percent of the largest change (up or down) shown. */
  width: number;
}

/** Each unit with a change against last year, biggest rise first; `unitGroup` keeps one group's. */
export function changeBars(
  rows: readonly ConsolidationRow[],
  unitGroup?: string | null,
): ChangeBar[] {
  const changed = rows.filter(
    (row) => row.change !== null && (!unitGroup || row.unitGroup === unitGroup),
  );
  const largest = Math.max(0, ...changed.map((row) => Math.abs(row.change!)));
  return changed
    .map((row) => {
      const change = row.change!;
      return {
        unitCode: row.unitCode,
        unitName: row.unitName,
        change,
        direction:
          change > 0 ? ('up' as const) : change < 0 ? ('down' as const) : ('same' as const),
        width: largest === 0 ? 0 : mulDivRoundHalfUp(Math.abs(change), 100, largest),
      };
    })
    .sort((a, b) => b.change - a.change || (a.unitCode < b.unitCode ? -1 : 1));
}
