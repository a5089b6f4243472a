/**
 * The units sheet: its columns and what a whole-file problem is called. The reading and
 * cleaning itself is @par/sheets'; the format is decided by the content, never the name alone.
 */
import {
  assertSheetRowCount,
  assertSheetSize,
  cleanCell,
  detectSheetFormat,
  findSheetHeader,
  readCsvTable,
  readXlsxTable,
  SheetFileError,
  sheetRows,
  type SheetCellChange,
  type SheetFailure,
} from '@par/sheets';
import {
  UNIT_IMPORT_MAX_BYTES,
  UNIT_IMPORT_MAX_ROWS,
  type MessageKey,
  type UnitImportField,
  type UnitImportRow,
} from '@par/contracts';

/** The columns, their headers as we write them (Vietnamese) and every header we accept. */
export const unitSheetColumns: ReadonlyArray<{
  field: UnitImportField;
  header: string;
  required: boolean;
  aliases: string[];
}> = [
  {
    field: 'code',
    header: 'Mã đơn vị',
    required: true,
    aliases: ['mã đơn vị', 'ma don vi', 'code', 'unit code'],
  },
  {
    field: 'name',
    header: 'Tên đơn vị',
    required: true,
    aliases: ['tên đơn vị', 'ten don vi', 'name', 'unit name'],
  },
  { field: 'kind', header: 'Loại', required: true, aliases: ['loại', 'loai', 'kind', 'type'] },
  {
    field: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    required: false,
    aliases: ['mã đơn vị cấp trên', 'ma don vi cap tren', 'parent code', 'parent_code', 'parent'],
  },
  {
    field: 'unitGroup',
    header: 'Nhóm đơn vị',
    required: false,
    aliases: ['nhóm đơn vị', 'nhom don vi', 'group', 'unit group'],
  },
  {
    field: 'shortName',
    header: 'Tên viết tắt',
    required: false,
    aliases: ['tên viết tắt', 'ten viet tat', 'short name', 'short_name'],
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
}

export function detectFormat(content: Buffer, fileName: string): SheetFormat {
  try {
    return detectSheetFormat(content, fileName, ['csv']);
  } catch (err) {
    throw withUnitKey(err);
  }
}

export async function readUnitSheet(content: Buffer, fileName: string): Promise<ReadSheet> {
  try {
    assertSheetSize(content, UNIT_IMPORT_MAX_BYTES);
    const format = detectSheetFormat(content, fileName, ['csv']);
    // The header row is read too; a total row is not part of this sheet.
    const limits = { maxRows: UNIT_IMPORT_MAX_ROWS + 1 };
    const table =
      format === 'csv'
        ? readCsvTable(content, limits)
        : await readXlsxTable(content, undefined, limits);
    const header = findSheetHeader(table, unitSheetColumns);
    const rows = sheetRows(table, header, unitSheetColumns, (_field, original) =>
      cleanCell(original),
    );
    assertSheetRowCount(rows, UNIT_IMPORT_MAX_ROWS);
    return { format, rows };
  } catch (err) {
    throw withUnitKey(err);
  }
}

export type CellChange = SheetCellChange;

export { cleanCell };
