/**
 * Reading an uploaded CSV or XLSX sheet into cleaned rows of text: size guard, format by content
 * (ZIP signature, valid UTF-8 text), BOM, comma or semicolon, header matching by alias, row-count
 * guard while reading, the XLSX archive guard before inflating. Pure apart from the parsers; which columns exist and what a cell means is the caller's.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SheetFileError } from './sheet-error';
import { checkXlsxArchive, xlsxArchiveLimits, type XlsxArchiveLimits } from './xlsx-archive';

/**
 * Limits applied while a sheet is read, before any row object is built for the caller.
 * `maxRows` counts the non-blank rows of the file, header and title lines included; a file with
 * more is refused as `tooManyRows`, its count being those rows less one for the header.
 */
export interface SheetReadLimits {
  maxRows?: number;
  archive?: XlsxArchiveLimits;
}

/** Columns past this one are not read: no template has a tenth of them, and each costs memory. */
export const SHEET_MAX_COLUMNS = 256;

/** A column as written (its header) and every header accepted for it, already normalised. */
export interface SheetColumn<F extends string> {
  field: F;
  header: string;
  required: boolean;
  aliases: string[];
}

/** A data row: its number as a spreadsheet shows it (header is row 1 when on top). */
export interface SheetRow<F extends string, C extends string> {
  row: number;
  values: Record<F, string | null>;
  cleaned: Array<{ field: F; original: string; changes: C[] }>;
}

/** Where the header is and which cell holds each column it names. */
export interface SheetHeader<F extends string> {
  headerAt: number;
  indexOf: Map<F, number>;
}

export function assertSheetSize(content: Buffer, maxBytes: number): void {
  if (content.length > maxBytes) {
    throw new SheetFileError('tooLarge', {
      size: `${(content.length / 1024 / 1024).toFixed(1)} MB`,
    });
  }
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * `xlsx` for a ZIP named .xlsx, else one of `textExtensions` for plain UTF-8 text under that
 * name; anything else (a renamed binary, a ZIP named .csv) is unsupported.
 */
export function detectSheetFormat<T extends string>(
  content: Buffer,
  fileName: string,
  textExtensions: readonly T[],
): 'xlsx' | T {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  const isZip = ZIP_SIGNATURE.every((byte, i) => content[i] === byte);
  if (extension === 'xlsx' && isZip) return 'xlsx';
  const text = textExtensions.find((e) => e === extension);
  if (text !== undefined && !isZip && isPlainUtf8Text(content)) return text;
  throw new SheetFileError('unsupported');
}

export function isPlainUtf8Text(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // Control characters other than tab and line breaks mean a binary file under a text name.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      return false;
    }
  }
  return true;
}

/** UTF-8 text without its BOM, which Excel writes and JSON.parse refuses. */
export function sheetText(content: Buffer): string {
  return content.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * CSV in UTF-8; semicolons when the first lines have more of them than commas (Excel in vi-VN).
 * Several lines, not the first alone: a title line above the header ("DANH SÁCH CƠ QUAN, ĐƠN
 * VỊ") may hold a comma in a sheet whose every other line is split by semicolons.
 */
export function readCsvTable(content: Buffer, limits: SheetReadLimits = {}): string[][] {
  const text = sheetText(content);
  const firstLines = text.split(/\r?\n/, 10).join('\n');
  const delimiter = count(firstLines, ';') > count(firstLines, ',') ? ';' : ',';
  const maxRows = limits.maxRows ?? Infinity;
  let nonBlank = 0;
  let table: string[][];
  try {
    table = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // Past the limit, records are only counted (for the message), never kept.
      on_record: (record: string[]) => {
        if (!isBlank(record)) nonBlank++;
        return nonBlank > maxRows ? null : record.slice(0, SHEET_MAX_COLUMNS);
      },
    }) as string[][];
  } catch {
    throw new SheetFileError('unsupported');
  }
  if (nonBlank > maxRows) throw new SheetFileError('tooManyRows', { count: nonBlank - 1 });
  return table;
}

export type XlsxCellText = (cell: ExcelJS.Cell) => string;

/**
 * The first worksheet, every cell as `cellText` gives it (the text Excel shows by default).
 * The archive is checked before it is inflated (`checkXlsxArchive`), and the row count before a
 * row is turned into text; rows and cells that hold nothing are never created.
 * A merged range reads as its value down the column it starts in (an area name merged over its
 * rows belongs to each of them) and as empty across (a title merged over the maximum column is
 * not a maximum).
 */
export async function readXlsxTable(
  content: Buffer,
  cellText: XlsxCellText = (cell) => cell.text ?? '',
  limits: SheetReadLimits = {},
  /** Which worksheet, from 0: an import reads the first, a report's reader any of them. */
  worksheet = 0,
): Promise<string[][]> {
  await checkXlsxArchive(content, limits.archive ?? xlsxArchiveLimits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new SheetFileError('unsupported');
  }
  const sheet = workbook.worksheets[worksheet];
  if (!sheet) throw new SheetFileError('empty');
  const maxRows = limits.maxRows ?? Infinity;
  const rows: Array<{ number: number; cells: string[] }> = [];
  let nonBlank = 0;
  sheet.eachRow((row, number) => {
    const cells: string[] = [];
    row.eachCell((cell, column) => {
      if (column > SHEET_MAX_COLUMNS) return;
      while (cells.length < column - 1) cells.push('');
      const master = cell.isMerged ? cell.master : cell;
      cells.push(master === cell || master.col === cell.col ? cellText(master) : '');
    });
    if (isBlank(cells)) return;
    // Past the limit, rows are only counted (for the message), never kept.
    if (++nonBlank <= maxRows) rows.push({ number, cells });
  });
  if (nonBlank > maxRows) throw new SheetFileError('tooManyRows', { count: nonBlank - 1 });
  // Blank rows keep their place, so that row numbers stay those the spreadsheet shows.
  const table: string[][] = [];
  for (const { number, cells } of rows) {
    while (table.length < number - 1) table.push(noCells as string[]);
    table.push(cells);
  }
  return table;
}

/** One shared empty row for the gaps: a lone cell on row 1,048,576 costs pointers, not rows. */
const noCells: readonly string[] = Object.freeze([]) as readonly string[];

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The first of the top `searchRows` rows that names every required column; with more than one
 * row searched, title lines above the header are skipped. A missing column is reported as the
 * first row lacks it, since that is where the user looks.
 */
export function findSheetHeader<F extends string>(
  table: string[][],
  columns: ReadonlyArray<SheetColumn<F>>,
  searchRows = 1,
): SheetHeader<F> {
  let headerAt = -1;
  let indexOf = new Map<F, number>();
  for (let r = 0; r < Math.min(searchRows, table.length) && headerAt < 0; r++) {
    const found = new Map<F, number>();
    table[r]!.forEach((cell, index) => {
      const name = normalizeHeader(cell);
      const column = columns.find((c) => c.aliases.includes(name));
      if (column && !found.has(column.field)) found.set(column.field, index);
    });
    if (columns.every((c) => !c.required || found.has(c.field))) {
      headerAt = r;
      indexOf = found;
    } else if (r === 0) {
      indexOf = found;
    }
  }
  if (table.length === 0) throw new SheetFileError('empty');
  if (headerAt < 0) {
    const missing = columns.filter((c) => c.required && !indexOf.has(c.field));
    throw new SheetFileError('headerMissing', {
      columns: missing.map((c) => `«${c.header}»`).join(', '),
    });
  }
  return { headerAt, indexOf };
}

/** How a column's cell is cleaned; `cleanCell` for most. */
export type SheetCellCleaner<F extends string, C extends string> = (
  field: F,
  original: string,
) => { value: string; changes: C[] };

/** The non-blank rows below the header, each cell cleaned, empty cells as null. */
export function sheetRows<F extends string, C extends string>(
  table: string[][],
  { headerAt, indexOf }: SheetHeader<F>,
  columns: ReadonlyArray<Pick<SheetColumn<F>, 'field'>>,
  clean: SheetCellCleaner<F, C>,
): SheetRow<F, C>[] {
  const rows: SheetRow<F, C>[] = [];
  table.slice(headerAt + 1).forEach((cells, i) => {
    if (isBlank(cells)) return;
    const values = {} as Record<F, string | null>;
    const cleaned: SheetRow<F, C>['cleaned'] = [];
    for (const { field } of columns) {
      const index = indexOf.get(field);
      const original = index === undefined ? '' : (cells[index] ?? '');
      const { value, changes } = clean(field, original);
      values[field] = value === '' ? null : value;
      if (changes.length > 0) cleaned.push({ field, original, changes });
    }
    rows.push({ row: headerAt + i + 2, values, cleaned });
  });
  return rows;
}

/** A sheet without data rows is empty; one with too many is refused before any check runs. */
export function assertSheetRowCount(rows: readonly unknown[], maxRows: number): void {
  if (rows.length === 0) throw new SheetFileError('empty');
  if (rows.length > maxRows) throw new SheetFileError('tooManyRows', { count: rows.length });
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
