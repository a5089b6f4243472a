/**
 * Reading an import sheet of the ranking service (survey results, past results) up to its rows:
 * the file's format and size checked, the header row found, each column's role guessed (or the
 * admin's mapping), the mapping's problems described, and the rows' cells cleaned — all
 * @par/sheets', the criteria import's approach. What a row means is the caller's.
 */
import { formatMessage, type Locale, type MessageKey } from '@par/contracts';
import { PortalError } from '@par/service-kit';
import {
  assertSheetRowCount,
  assertSheetSize,
  checkSheetRoles,
  cleanCell,
  columnsOf,
  describeSheetProblems,
  detectSheetFormat,
  findHeaderRow,
  guessSheetRoles,
  readCsvTable,
  readXlsxTable,
  SheetFileError,
  sheetRows,
  type SheetFailure,
  type SheetRoleDefinition,
  type SheetRoles,
} from '@par/sheets';

const HEADER_SEARCH_ROWS = 10;

export interface MappedSheetOptions<F extends string> {
  definitions: ReadonlyArray<SheetRoleDefinition<F>>;
  maxBytes: number;
  maxRows: number;
  /** The 422's message for each way a file cannot be read. */
  failureKeys: Record<SheetFailure, MessageKey>;
  /** The admin's roles by column; guessed from the header when absent. */
  mapping: { roles: ReadonlyArray<F | null | undefined> } | undefined;
  /** A role's name as the sheet's user reads it. */
  roleLabel: (role: F) => string;
  locale: Locale;
}

export interface MappedSheet<F extends string> {
  format: 'csv' | 'xlsx';
  /** How the sheet was read: its header, the roles guessed and used, and what is wrong with them. */
  sheet: {
    headerRow: number;
    header: string[];
    guessed: SheetRoles<F>;
    mapping: { roles: SheetRoles<F> };
    problems: Array<{ message: string; columns: number[] }>;
  };
  /** Each non-blank row under the header (none while the mapping has problems). */
  rows: Array<{ row: number; values: Record<F, string | null> }>;
  /** The first rows under the header as read, whatever the mapping: the mapping step's examples. */
  samples: Array<{ row: number; cells: string[] }>;
}

const SAMPLE_ROWS = 5;

/** A file that cannot be read is refused (422) with its own message; nothing else throws. */
export async function readMappedSheet<F extends string>(
  fileName: string,
  contentBase64: string,
  options: MappedSheetOptions<F>,
): Promise<MappedSheet<F>> {
  const { definitions, locale } = options;
  const refuse = (err: unknown): never => {
    if (err instanceof SheetFileError)
      throw new PortalError('E_VALIDATION', {
        key: options.failureKeys[err.reason],
        params: err.params,
      });
    throw err;
  };
  const content = Buffer.from(contentBase64, 'base64');
  let format: 'csv' | 'xlsx' = 'csv';
  let table: string[][] = [];
  try {
    assertSheetSize(content, options.maxBytes);
    format = detectSheetFormat(content, fileName, ['csv']);
    const limits = { maxRows: options.maxRows + HEADER_SEARCH_ROWS };
    table =
      format === 'csv'
        ? readCsvTable(content, limits)
        : await readXlsxTable(content, undefined, limits);
    if (table.length === 0) throw new SheetFileError('empty');
  } catch (err) {
    refuse(err);
  }
  const headerAt = findHeaderRow(definitions, table, HEADER_SEARCH_ROWS);
  const below = table.slice(headerAt + 1).filter((cells) => cells.some((c) => c.trim() !== ''));
  const width = Math.max(table[headerAt]!.length, ...below.map((cells) => cells.length));
  const header = Array.from({ length: width }, (_, i) =>
    (table[headerAt]![i] ?? '').replace(/^\uFEFF/, '').trim(),
  );
  const guessed = guessSheetRoles(definitions, header, columnsOf(below, width));
  const roles: SheetRoles<F> = options.mapping
    ? header.map((_, i) => options.mapping!.roles[i] ?? null)
    : guessed;
  const problems = describeSheetProblems(
    checkSheetRoles(definitions, roles),
    header,
    options.roleLabel,
    locale,
  );
  const indexOf = new Map<F, number>();
  roles.forEach((role, i) => {
    if (role && !indexOf.has(role)) indexOf.set(role, i);
  });
  const columns = definitions.map((d) => ({ field: d.role }));
  const rows =
    problems.length > 0
      ? []
      : sheetRows(table, { headerAt, indexOf }, columns, (_field, original) => cleanCell(original));
  try {
    if (problems.length === 0) assertSheetRowCount(rows, options.maxRows);
  } catch (err) {
    refuse(err);
  }
  return {
    format,
    sheet: { headerRow: headerAt + 1, header, guessed, mapping: { roles }, problems },
    rows: rows.map(({ row, values }) => ({ row, values })),
    samples: table
      .slice(headerAt + 1)
      .map((cells, i) => ({ row: headerAt + i + 2, cells }))
      .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
      .slice(0, SAMPLE_ROWS),
  };
}

/** `formatMessage` in the caller's locale. */
export const messagesIn =
  (locale: Locale) =>
  (key: MessageKey, params: Record<string, string | number> = {}) =>
    formatMessage(key, params, locale);
