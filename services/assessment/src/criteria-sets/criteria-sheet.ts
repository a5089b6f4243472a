/**
 * Reading a criteria file (CSV, XLSX or the portal's JSON) into cleaned rows, before any rule is
 * checked; pure apart from the parsers. The format is decided by the content, never the name alone.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  CRITERIA_IMPORT_MAX_BYTES,
  CRITERIA_IMPORT_MAX_ROWS,
  type CriteriaImportField,
  type CriteriaImportRow,
  type MessageKey,
} from '@par/contracts';

/** The columns, their headers as written (Vietnamese) and every header accepted. */
export const criteriaSheetColumns: ReadonlyArray<{
  field: CriteriaImportField;
  header: string;
  required: boolean;
  aliases: string[];
}> = [
  {
    field: 'code',
    header: 'Mã tiêu chí',
    required: true,
    aliases: ['mã tiêu chí', 'ma tieu chi', 'mã', 'code', 'criterion code'],
  },
  {
    field: 'parentCode',
    header: 'Mã tiêu chí cha',
    required: false,
    aliases: ['mã tiêu chí cha', 'ma tieu chi cha', 'mã cha', 'parent code', 'parent'],
  },
  {
    field: 'title',
    header: 'Tên tiêu chí',
    required: true,
    aliases: ['tên tiêu chí', 'ten tieu chi', 'nội dung', 'lĩnh vực, tiêu chí', 'title', 'name'],
  },
  {
    field: 'maxScore',
    header: 'Điểm tối đa',
    required: true,
    aliases: ['điểm tối đa', 'diem toi da', 'điểm chuẩn', 'max score', 'maximum', 'max'],
  },
  {
    field: 'capped',
    header: 'Giới hạn điểm',
    required: false,
    aliases: ['giới hạn điểm', 'gioi han diem', 'capped'],
  },
  {
    field: 'ruleType',
    header: 'Cách chấm',
    required: false,
    aliases: ['cách chấm', 'cach cham', 'cách chấm điểm', 'rule type', 'rule'],
  },
  {
    field: 'ruleDetails',
    header: 'Chi tiết cách chấm',
    required: false,
    aliases: ['chi tiết cách chấm', 'chi tiet cach cham', 'rule details', 'details'],
  },
  {
    field: 'evidenceMin',
    header: 'Số TLKC tối thiểu',
    required: false,
    aliases: ['số tlkc tối thiểu', 'so tlkc toi thieu', 'evidence min', 'min evidence'],
  },
  {
    field: 'evidenceMax',
    header: 'Số TLKC tối đa',
    required: false,
    aliases: ['số tlkc tối đa', 'so tlkc toi da', 'evidence max', 'max evidence'],
  },
  {
    field: 'explanationRequired',
    header: 'Bắt buộc giải trình',
    required: false,
    aliases: ['bắt buộc giải trình', 'bat buoc giai trinh', 'explanation required'],
  },
  {
    field: 'appraiserUnitCode',
    header: 'Đơn vị thẩm định',
    required: false,
    aliases: ['đơn vị thẩm định', 'don vi tham dinh', 'appraiser unit', 'appraiser unit code'],
  },
  {
    field: 'guidanceForUnits',
    header: 'Hướng dẫn cho đơn vị',
    required: false,
    aliases: ['hướng dẫn cho đơn vị', 'huong dan cho don vi', 'guidance for units'],
  },
  {
    field: 'guidanceForAppraisers',
    header: 'Hướng dẫn thẩm định',
    required: false,
    aliases: ['hướng dẫn thẩm định', 'huong dan tham dinh', 'guidance for appraisers'],
  },
];

export const criteriaColumnHeader = (field: string): string =>
  criteriaSheetColumns.find((c) => c.field === field)?.header ?? field;

/** A problem with the whole file, before any row is looked at. */
export class CriteriaFileError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export type SheetRow = Pick<CriteriaImportRow, 'row' | 'values' | 'cleaned'>;

export type ReadCriteriaFile =
  | {
      format: 'csv' | 'xlsx';
      rows: SheetRow[];
      /** A "Tổng cộng" row found at the bottom, with its maximum cell. */
      total: { row: number; value: string | null } | null;
    }
  | { format: 'json'; document: unknown };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function detectFormat(content: Buffer, fileName: string): 'csv' | 'xlsx' | 'json' {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  const isZip = ZIP_SIGNATURE.every((byte, i) => content[i] === byte);
  if (extension === 'xlsx' && isZip) return 'xlsx';
  if (!isZip && (extension === 'csv' || extension === 'json') && isPlainUtf8Text(content)) {
    return extension;
  }
  throw new CriteriaFileError('criteriaImport.file.unsupported');
}

function isPlainUtf8Text(content: Buffer): boolean {
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

export async function readCriteriaFile(
  content: Buffer,
  fileName: string,
): Promise<ReadCriteriaFile> {
  if (content.length > CRITERIA_IMPORT_MAX_BYTES) {
    throw new CriteriaFileError('criteriaImport.file.tooLarge', {
      size: `${(content.length / 1024 / 1024).toFixed(1)} MB`,
    });
  }
  const format = detectFormat(content, fileName);
  if (format === 'json') {
    try {
      return { format, document: JSON.parse(content.toString('utf8').replace(/^\uFEFF/, '')) };
    } catch (err) {
      throw new CriteriaFileError('criteriaImport.json.invalid', {
        reason: (err as Error).message,
      });
    }
  }
  const table = format === 'csv' ? readCsvTable(content) : await readXlsxTable(content);
  return { format, ...toRows(table) };
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
    throw new CriteriaFileError('criteriaImport.file.unsupported');
  }
}

async function readXlsxTable(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new CriteriaFileError('criteriaImport.file.unsupported');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CriteriaFileError('criteriaImport.file.empty');
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c)));
    table.push(cells);
  }
  return table;
}

/**
 * A number cell (or a formula's cached result) as text. Excel keeps 14.5 as a binary double and a
 * SUM of such cells may come back as 14.499999999999998; a value within a millionth of a
 * hundredth is written as that hundredth, anything else as it is (and refused if not a score).
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  const number =
    typeof value === 'number'
      ? value
      : value && typeof value === 'object' && 'result' in value && typeof value.result === 'number'
        ? value.result
        : null;
  if (number === null) return cell.text ?? '';
  const hundredths = Math.round(number * 100);
  if (Math.abs(number * 100 - hundredths) > 1e-6) return String(number);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.trunc(abs / 100)}${fraction ? `.${fraction}` : ''}`;
}

/** Real sheets often carry a title line or two above the header; look for it in the first rows. */
const HEADER_SEARCH_ROWS = 10;

function toRows(
  table: string[][],
): Omit<Extract<ReadCriteriaFile, { format: 'csv' | 'xlsx' }>, 'format'> {
  let headerAt = -1;
  let indexOf = new Map<CriteriaImportField, number>();
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, table.length) && headerAt < 0; r++) {
    const found = new Map<CriteriaImportField, number>();
    table[r]!.forEach((cell, index) => {
      const name = normalizeHeader(cell);
      const column = criteriaSheetColumns.find((c) => c.aliases.includes(name));
      if (column && !found.has(column.field)) found.set(column.field, index);
    });
    if (criteriaSheetColumns.every((c) => !c.required || found.has(c.field))) {
      headerAt = r;
      indexOf = found;
    } else if (r === 0) {
      indexOf = found;
    }
  }
  if (table.length === 0) throw new CriteriaFileError('criteriaImport.file.empty');
  if (headerAt < 0) {
    const missing = criteriaSheetColumns.filter((c) => c.required && !indexOf.has(c.field));
    throw new CriteriaFileError('criteriaImport.header.missing', {
      columns: missing.map((c) => `«${c.header}»`).join(', '),
    });
  }
  const rows: SheetRow[] = [];
  table.slice(headerAt + 1).forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push(toRow(headerAt + i + 2, cells, indexOf));
  });
  let total: { row: number; value: string | null } | null = null;
  const last = rows.at(-1);
  if (last && isTotalRow(last)) {
    rows.pop();
    total = { row: last.row, value: last.values.maxScore ?? null };
  }
  if (rows.length === 0) throw new CriteriaFileError('criteriaImport.file.empty');
  if (rows.length > CRITERIA_IMPORT_MAX_ROWS) {
    throw new CriteriaFileError('criteriaImport.file.tooManyRows', { count: rows.length });
  }
  return { rows, total };
}

/** "Tổng cộng", "Tổng điểm", "Total" in the code or the title cell of a row without a real code. */
function isTotalRow(row: SheetRow): boolean {
  const code = row.values.code ?? '';
  const title = row.values.title ?? '';
  const looksTotal = (text: string) => /^(tổng|cộng|total)/i.test(text.normalize('NFC'));
  const hasCode = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/.test(code);
  return !hasCode && (looksTotal(code) || looksTotal(title));
}

/** Fields that keep their line breaks (paragraphs of guidance); others are one line. */
const multiline: ReadonlySet<CriteriaImportField> = new Set([
  'guidanceForUnits',
  'guidanceForAppraisers',
]);

function toRow(row: number, cells: string[], indexOf: Map<CriteriaImportField, number>): SheetRow {
  const values = {} as SheetRow['values'];
  const cleaned: SheetRow['cleaned'] = [];
  for (const { field } of criteriaSheetColumns) {
    const index = indexOf.get(field);
    const original = index === undefined ? '' : (cells[index] ?? '');
    const { value, changes } =
      field === 'ruleDetails'
        ? cleanDetails(original)
        : field === 'code' || field === 'parentCode'
          ? cleanCode(original)
          : cleanCell(original, multiline.has(field));
    values[field] = value === '' ? null : value;
    if (changes.length > 0) cleaned.push({ field, original, changes });
  }
  return { row, values, cleaned };
}

export type CellChange = SheetRow['cleaned'][number]['changes'][number];

/**
 * Spreadsheet programs run a CSV cell that starts with one of these as a formula. The export
 * writes such a cell with a leading apostrophe, which Excel shows as text, and the import drops it.
 */
const formulaStart = /^[=+\-@]/;

export function guardFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function unguardFormula(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

/** Line breaks become one space (unless `keepLines`), runs of spaces one space, ends trimmed. */
export function cleanCell(
  original: string,
  keepLines = false,
): { value: string; changes: CellChange[] } {
  const changes: CellChange[] = [];
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

/** Codes are often typed as `1.` or `2.3.`; the trailing dot carries nothing and is dropped. */
function cleanCode(original: string): { value: string; changes: CellChange[] } {
  const { value, changes } = cleanCell(original);
  if (!/^[0-9A-Za-z.]+\.$/.test(value)) return { value, changes };
  return {
    value: value.replace(/\.+$/, ''),
    changes: changes.includes('trimmed') ? changes : [...changes, 'trimmed'],
  };
}

/** Rule details: a line break is an item separator, so it becomes ` | ` rather than a space. */
function cleanDetails(original: string): { value: string; changes: CellChange[] } {
  if (!/[\r\n]/.test(original)) return cleanCell(original);
  const joined = original
    .split(/\r\n|\r|\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' | ');
  const { value, changes } = cleanCell(joined);
  return { value, changes: ['lineBreaks', ...changes] };
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
