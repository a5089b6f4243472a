/**
 * The band table editor's rows ⇄ the table the server takes: each band's name and its lower
 * bound as the admin types it (percent, vi-VN decimal comma: `87,5` is 8 750 hundredths), and
 * the server's 422 field errors (`bands.<position>`) put back on their rows. The table's own
 * rules (order, bottom at 0 %, distinct names) are the server's (`validateBandTable` in
 * `@par/scoring`); here only what cannot be sent at all is caught.
 */
import type { Locale } from '@par/contracts';
import { hundredthsToInput, parseHundredths, unparsable } from '@par/scoring';

export interface BandRow {
  /** A stable key for the row while it is edited. */
  key: string;
  label: string;
  /** The lower bound as typed, in percent. */
  minText: string;
}

export interface Band {
  label: string;
  minIndex: number;
}

/** What cannot be sent for a row: no name, or a bound that is not a percentage (0–100, 2 decimals). */
export type RowProblem = 'labelRequired' | 'minInvalid';

export function bandsToRows(
  bands: readonly Band[],
  locale: Locale,
  keyOf = (i: number) => `b${i}`,
): BandRow[] {
  return bands.map((band, i) => ({
    key: keyOf(i),
    label: band.label,
    minText: hundredthsToInput(band.minIndex, locale),
  }));
}

/**
 * The bands to send, or each row's problems (by row key) when some row cannot be sent. The
 * bound is read with the portal's number rules (`parseHundredths`: comma or dot, no thousands).
 */
export function rowsToBands(
  rows: readonly BandRow[],
): { bands: Band[]; problems: null } | { bands: null; problems: Record<string, RowProblem[]> } {
  const problems: Record<string, RowProblem[]> = {};
  const bands: Band[] = [];
  for (const row of rows) {
    const mine: RowProblem[] = [];
    const label = row.label.trim();
    if (label === '') mine.push('labelRequired');
    const min = parseHundredths(row.minText.replace(/%/g, ''), { thousandsDots: false });
    if (min === null || min === unparsable || min > 10_000) mine.push('minInvalid');
    else bands.push({ label, minIndex: min });
    if (mine.length > 0) problems[row.key] = mine;
  }
  return Object.keys(problems).length > 0 ? { bands: null, problems } : { bands, problems: null };
}

/**
 * The server's field errors on their rows: `bands.2` → the third row's key; an error on the
 * table as a whole (`bands`) under `table`. Messages of one row are kept in order, once each.
 */
export function serverErrorsByRow(
  fields: ReadonlyArray<{ field: string; message: string }>,
  rows: readonly BandRow[],
): { rows: Record<string, string[]>; table: string[] } {
  const byRow: Record<string, string[]> = {};
  const table: string[] = [];
  const add = (list: string[], message: string) => {
    if (!list.includes(message)) list.push(message);
  };
  for (const { field, message } of fields) {
    const match = /^bands\.(\d+)(?:\.|$)/.exec(field);
    const row = match ? rows[Number(match[1])] : undefined;
    if (row) add((byRow[row.key] ??= []), message);
    else add(table, message);
  }
  return { rows: byRow, table };
}
