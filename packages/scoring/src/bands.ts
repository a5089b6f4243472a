/**
 * Classification bands (xếp loại) on an index: a configurable table such as A ≥ 90 %,
 * B 80–90 %, C 70–80 %, D below, its validation, and the band an index falls in.
 */

/**
 * One band: it holds every index from `minIndex` (inclusive, hundredths of a percent) up to the
 * next band's `minIndex` (exclusive), or up to 100 % for the top band.
 */
export interface ClassificationBand {
  label: string;
  minIndex: number;
}

/**
 * A band table, top band first. Writing only each band's lower bound makes overlaps impossible;
 * the order and a bottom band starting at 0 % (no index without a band) are what
 * {@link validateBandTable} checks.
 */
export type BandTable = readonly ClassificationBand[];

/** The table used when a period configures none: A ≥ 90 %, B 80–90 %, C 70–80 %, D below 70 %. */
export const defaultBandTable: BandTable = [
  { label: 'A', minIndex: 9000 },
  { label: 'B', minIndex: 8000 },
  { label: 'C', minIndex: 7000 },
  { label: 'D', minIndex: 0 },
];

/**
 * What is wrong with a band table, as stable codes with the band's position:
 * `empty`; `labelMissing`, `labelDuplicate`; `minOutOfRange` (not an integer in 0…10,000);
 * `notDescending` (a band's lower bound not strictly below the one above: out of order, or two
 * bands overlapping); `bottomNotZero` (a gap: indices below the last band would have none).
 */
export interface BandTableIssue {
  code:
    | 'empty'
    | 'labelMissing'
    | 'labelDuplicate'
    | 'minOutOfRange'
    | 'notDescending'
    | 'bottomNotZero';
  /** Position of the band at fault in the table, or null for the table as a whole. */
  position: number | null;
}

/** Every issue of a band table; an empty list means it can be used. */
export function validateBandTable(table: BandTable): BandTableIssue[] {
  if (table.length === 0) return [{ code: 'empty', position: null }];
  const issues: BandTableIssue[] = [];
  const labels = new Set<string>();
  table.forEach((band, position) => {
    const label = band.label.trim();
    if (label === '') issues.push({ code: 'labelMissing', position });
    else if (labels.has(label)) issues.push({ code: 'labelDuplicate', position });
    labels.add(label);
    if (!Number.isSafeInteger(band.minIndex) || band.minIndex < 0 || band.minIndex > 10_000) {
      issues.push({ code: 'minOutOfRange', position });
    }
    const above = table[position - 1];
    if (above && band.minIndex >= above.minIndex) issues.push({ code: 'notDescending', position });
  });
  if (table[table.length - 1]!.minIndex !== 0) {
    issues.push({ code: 'bottomNotZero', position: table.length - 1 });
  }
  return issues;
}

/**
 * The band an index (hundredths of a percent) falls in: the first band, from the top, whose lower
 * bound it reaches. The table must be valid ({@link validateBandTable}); an invalid one throws.
 */
export function classify(index: number, table: BandTable = defaultBandTable): ClassificationBand {
  if (!Number.isSafeInteger(index) || index < 0 || index > 10_000) {
    throw new RangeError(`classify expects an index in hundredths of a percent, got ${index}`);
  }
  if (validateBandTable(table).length > 0) throw new RangeError('classify: invalid band table');
  return table.find((band) => index >= band.minIndex)!;
}
