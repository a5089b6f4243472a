/**
 * Reading a units sheet (CSV or XLSX) into cleaned rows; pure apart from the parsers, no database.
 * The format is decided by the content (ZIP signature, valid UTF-8 text), never by the name alone.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
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

export type SheetRow = Pick<UnitImportRow, 'row' | 'values' | 'cleaned'>;

export interface ReadSheet {
  format: SheetFormat;
  rows: SheetRow[];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function detectFormat(content: Buffer, fileName: string): SheetFormat {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  const isZip = ZIP_SIGNATURE.every((byte, i) => content[i] === byte);
  if (extension === 'xlsx' && isZip) return 'xlsx';
  if (extension === 'csv' && !isZip && isPlainUtf8Text(content)) return 'csv';
  throw new SheetError('unitImport.file.unsupported');
}

function isPlainUtf8Text(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // Control characters other than tab and line breaks mean a binary file renamed to .csv.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      return false;
    }
  }
  return true;
}

export async function readUnitSheet(content: Buffer, fileName: string): Promise<ReadSheet> {
  if (content.length > UNIT_IMPORT_MAX_BYTES) {
    throw new SheetError('unitImport.file.tooLarge', {
      size: `${(content.length / 1024 / 1024).toFixed(1)} MB`,
    });
  }
  const format = detectFormat(content, fileName);
  const table = format === 'csv' ? readCsvTable(content) : await readXlsxTable(content);
  return { format, rows: toRows(table) };
}

function readCsvTable(content: Buffer): string[][] {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  try {
    return parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw new SheetError('unitImport.file.unsupported');
  }
}

async function readXlsxTable(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('unitImport.file.unsupported');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('unitImport.file.empty');
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(row.getCell(c).text ?? '');
    table.push(cells);
  }
  return table;
}

function toRows(table: string[][]): SheetRow[] {
  const header = table[0];
  if (!header) throw new SheetError('unitImport.file.empty');
  const indexOf = new Map<UnitImportField, number>();
  header.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    const column = unitSheetColumns.find((c) => c.aliases.includes(name));
    if (column && !indexOf.has(column.field)) indexOf.set(column.field, index);
  });
  const missing = unitSheetColumns.filter((c) => c.required && !indexOf.has(c.field));
  if (missing.length > 0) {
    throw new SheetError('unitImport.header.missing', {
      columns: missing.map((c) => `«${c.header}»`).join(', '),
    });
  }
  const rows: SheetRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push(toRow(i + 2, cells, indexOf));
  });
  if (rows.length === 0) throw new SheetError('unitImport.file.empty');
  if (rows.length > UNIT_IMPORT_MAX_ROWS) {
    throw new SheetError('unitImport.file.tooManyRows', { count: rows.length });
  }
  return rows;
}

function toRow(row: number, cells: string[], indexOf: Map<UnitImportField, number>): SheetRow {
  const values = {} as SheetRow['values'];
  const cleaned: SheetRow['cleaned'] = [];
  for (const { field } of unitSheetColumns) {
    const index = indexOf.get(field);
    const original = index === undefined ? '' : (cells[index] ?? '');
    const { value, changes } = cleanCell(original);
    values[field] = value === '' ? null : value;
    if (changes.length > 0) cleaned.push({ field, original, changes });
  }
  return { row, values, cleaned };
}

export type CellChange = 'trimmed' | 'lineBreaks' | 'spaces';

/**
 * Spreadsheet programs run a CSV cell that starts with one of these as a formula (a name
 * such as `=HYPERLINK(…)` would become a link in the official's Excel). The export writes
 * such a cell with a leading apostrophe, which Excel shows as text, and the import drops it.
 */
const formulaStart = /^[=+\-@]/;

export function guardFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function unguardFormula(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

/** Line breaks inside a cell become one space, runs of spaces one space, ends are trimmed. */
export function cleanCell(original: string): { value: string; changes: CellChange[] } {
  const changes: CellChange[] = [];
  let value = original.normalize('NFC');
  if (/[\r\n]/.test(value)) {
    value = value.replace(/[ \t]*(\r\n|\r|\n)+[ \t]*/g, ' ');
    changes.push('lineBreaks');
  }
  const trimmed = value.trim();
  if (trimmed !== value) changes.push('trimmed');
  value = trimmed;
  const collapsed = value.replace(/[ \t\u00A0]{2,}|[\t\u00A0]/g, ' ');
  if (collapsed !== value) changes.push('spaces');
  return { value: unguardFormula(collapsed), changes };
}

function normalizeHeader(cell: string): string {
  return cell
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
