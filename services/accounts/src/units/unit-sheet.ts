/**
 * The units sheet: its columns and what a whole-file problem is called. The reading and
 * cleaning itself is @par/sheets'; the format is decided by the content, never the name alone.
 */
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
  unitSheetRoleDefinitions,
  type SheetCellChange,
  type SheetFailure,
} from '@par/sheets';
import {
  formatMessage,
  UNIT_IMPORT_MAX_BYTES,
  UNIT_IMPORT_MAX_ROWS,
  type Locale,
  type MessageKey,
  type UnitImportField,
  type UnitImportPreview,
  type UnitImportRow,
  type UnitSheetMapping,
} from '@par/contracts';

/**
 * The columns and their headers as we write them (Vietnamese). Which header of an admin's own
 * sheet means which column is guessed in @par/sheets (`unitSheetRoleDefinitions`).
 */
export const unitSheetColumns: ReadonlyArray<{
  field: UnitImportField;
  header: string;
  required: boolean;
}> = [
  {
    field: 'code',
    header: 'Mã đơn vị',
    required: true,
  },
  {
    field: 'name',
    header: 'Tên đơn vị',
    required: true,
  },
  { field: 'kind', header: 'Loại', required: true },
  {
    field: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    required: false,
  },
  {
    field: 'unitGroup',
    header: 'Nhóm đơn vị',
    required: false,
  },
  {
    field: 'shortName',
    header: 'Tên viết tắt',
    required: false,
  },
];

export type SheetFormat = 'csv' | 'xlsx';

/** A problem with the whole file, before any row is looked at. */
export class SheetError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

const failureKeys: Record<SheetFailure, MessageKey> = {
  unsupported: 'unitImport.file.unsupported',
  empty: 'unitImport.file.empty',
  tooLarge: 'unitImport.file.tooLarge',
  unpackedTooLarge: 'unitImport.file.unpackedTooLarge',
  tooManyRows: 'unitImport.file.tooManyRows',
  headerMissing: 'unitImport.header.missing',
};

/** A sheet problem from @par/sheets with this import's message; anything else as it was. */
function withUnitKey(err: unknown): unknown {
  return err instanceof SheetFileError ? new SheetError(failureKeys[err.reason], err.params) : err;
}

export type SheetRow = Pick<UnitImportRow, 'row' | 'values' | 'cleaned'>;

export interface ReadSheet {
  format: SheetFormat;
  rows: SheetRow[];
  /** How the columns were read, as the preview shows it. */
  sheet: NonNullable<UnitImportPreview['sheet']>;
}

/** Title lines may sit above the header of an admin's own sheet. */
const HEADER_SEARCH_ROWS = 10;
/** Rows sent back with the mapping, as examples of each column. */
const SAMPLE_ROWS = 20;

export function detectFormat(content: Buffer, fileName: string): SheetFormat {
  try {
    return detectSheetFormat(content, fileName, ['csv']);
  } catch (err) {
    throw withUnitKey(err);
  }
}

/**
 * The sheet's rows under a mapping: the one sent, or the roles guessed from the header. A
 * mapping without a code, name or kind column (or with one role twice) reads no row and says so.
 */
export async function readUnitSheet(
  content: Buffer,
  fileName: string,
  mapping?: UnitSheetMapping,
  locale: Locale = 'vi',
): Promise<ReadSheet> {
  try {
    assertSheetSize(content, UNIT_IMPORT_MAX_BYTES);
    const format = detectSheetFormat(content, fileName, ['csv']);
    // The header row and title lines above it are read too.
    const limits = { maxRows: UNIT_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS };
    const table =
      format === 'csv'
        ? readCsvTable(content, limits)
        : await readXlsxTable(content, undefined, limits);
    if (table.length === 0) throw new SheetFileError('empty');
    const headerAt = findHeaderRow(unitSheetRoleDefinitions, table, HEADER_SEARCH_ROWS);
    const below = table.slice(headerAt + 1).filter((cells) => cells.some((c) => c.trim() !== ''));
    const width = Math.max(table[headerAt]!.length, ...below.map((cells) => cells.length));
    const header = Array.from({ length: width }, (_, i) =>
      (table[headerAt]![i] ?? '').replace(/^\uFEFF/, '').trim(),
    );
    const guessed = guessSheetRoles(unitSheetRoleDefinitions, header, columnsOf(below, width));
    const roles = mapping ? header.map((_, i) => mapping.roles[i] ?? null) : guessed;
    const problems = describeSheetProblems(
      checkSheetRoles(unitSheetRoleDefinitions, roles),
      header,
      (role) => formatMessage(`unitSheetRole.${role}`, {}, locale),
      locale,
    );
    const indexOf = new Map<UnitImportField, number>();
    roles.forEach((role, i) => {
      if (role && !indexOf.has(role)) indexOf.set(role, i);
    });
    const rows =
      problems.length > 0
        ? []
        : sheetRows(table, { headerAt, indexOf }, unitSheetColumns, (_field, original) =>
            cleanCell(original),
          );
    if (problems.length === 0) assertSheetRowCount(rows, UNIT_IMPORT_MAX_ROWS);
    const samples = table
      .slice(headerAt + 1)
      .map((cells, i) => ({ row: headerAt + i + 2, cells: header.map((_, c) => cells[c] ?? '') }))
      .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
      .slice(0, SAMPLE_ROWS);
    return {
      format,
      rows,
      sheet: {
        headerRow: headerAt + 1,
        header,
        rows: samples,
        guessed,
        mapping: { roles },
        problems,
      },
    };
  } catch (err) {
    throw withUnitKey(err);
  }
}

export type CellChange = SheetCellChange;

export { cleanCell };
