/** Cleaning one cell as read (spaces, line breaks, formula guards) and recording what changed. */

export type SheetCellChange = 'trimmed' | 'lineBreaks' | 'spaces';

/**
 * Spreadsheet programs run a CSV cell that starts with one of these as a formula (a name such
 * as `=HYPERLINK(…)` would become a link in the official's Excel). The export writes such a
 * cell with a leading apostrophe, which Excel shows as text, and the import drops it.
 */
const formulaStart = /^[=+\-@]/;

export function guardFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

/** Line breaks become one space (unless `keepLines`), runs of spaces one space, ends trimmed. */
export function cleanCell(
  original: string,
  keepLines = false,
): { value: string; changes: SheetCellChange[] } {
  const changes: SheetCellChange[] = [];
  let value = original.normalize('NFC');
  if (keepLines) {
    value = value.replace(/\r\n?/g, '\n');
  } else if (/[\r\n]/.test(value)) {
    value = value.replace(/[ \t]*(\r\n|\r|\n)+[ \t]*/g, ' ');
    changes.push('lineBreaks');
  }
  const trimmed = value.trim();
  if (trimmed !== value) changes.push('trimmed');
  value = trimmed;
  if (!keepLines) {
    const collapsed = value.replace(/[ \t\u00A0]{2,}|[\t\u00A0]/g, ' ');
    if (collapsed !== value) changes.push('spaces');
    value = collapsed;
  }
  return { value: unguardFormula(value), changes };
}
