/**
 * Reading a criteria file (CSV, XLSX or the portal's JSON) into cleaned rows, before any rule is
 * checked: the columns, the criteria cells and the total row are ours, the generic reading is
 * @par/sheets'. The format is decided by the content, never the name alone.
 */
import type ExcelJS from 'exceljs';
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
  sheetText,
  type SheetFailure,
} from '@par/sheets';
import {
  CRITERIA_IMPORT_MAX_BYTES,
  CRITERIA_IMPORT_MAX_ROWS,
  type CriteriaImportField,
  type CriteriaImportRow,
  type MessageKey,
} from '@par/contracts';
import { hundredthsToInput } from '@par/scoring';

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

const failureKeys: Record<SheetFailure, MessageKey> = {
  unsupported: 'criteriaImport.file.unsupported',
  empty: 'criteriaImport.file.empty',
  tooLarge: 'criteriaImport.file.tooLarge',
  unpackedTooLarge: 'criteriaImport.file.unpackedTooLarge',
  tooManyRows: 'criteriaImport.file.tooManyRows',
  headerMissing: 'criteriaImport.header.missing',
};

/** A sheet problem from @par/sheets with this import's message; anything else as it was. */
function withCriteriaKey(err: unknown): unknown {
  return err instanceof SheetFileError
    ? new CriteriaFileError(failureKeys[err.reason], err.params)
    : err;
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

export async function readCriteriaFile(
  content: Buffer,
  fileName: string,
): Promise<ReadCriteriaFile> {
  let format: 'csv' | 'xlsx' | 'json';
  let table: string[][];
  try {
    assertSheetSize(content, CRITERIA_IMPORT_MAX_BYTES);
    format = detectSheetFormat(content, fileName, ['csv', 'json']);
    if (format === 'json') return readJson(content);
    // Title lines above the header, the header and a total row are read too.
    const limits = { maxRows: CRITERIA_IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS + 1 };
    table =
      format === 'csv'
        ? readCsvTable(content, limits)
        : await readXlsxTable(content, cellText, limits);
  } catch (err) {
    throw withCriteriaKey(err);
  }
  return { format, ...toRows(table) };
}

function readJson(content: Buffer): ReadCriteriaFile {
  try {
    return { format: 'json', document: JSON.parse(sheetText(content)) };
  } catch (err) {
    // Where the syntax breaks, as line:column; the parser's own text is not shown to the user.
    throw new CriteriaFileError('criteriaImport.json.invalid', {
      reason: jsonErrorPlace(sheetText(content), (err as Error).message),
    });
  }
}

function jsonErrorPlace(text: string, parserMessage: string): string {
  const position = /position (\d+)/.exec(parserMessage)?.[1];
  if (position === undefined) return 'JSON';
  const before = text.slice(0, Number(position)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
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
  if (!Number.isSafeInteger(hundredths) || Math.abs(number * 100 - hundredths) > 1e-6) {
    return String(number);
  }
  return hundredthsToInput(hundredths, 'en');
}

/** Real sheets often carry a title line or two above the header; look for it in the first rows. */
const HEADER_SEARCH_ROWS = 10;

function toRows(
  table: string[][],
): Omit<Extract<ReadCriteriaFile, { format: 'csv' | 'xlsx' }>, 'format'> {
  try {
    const header = findSheetHeader(table, criteriaSheetColumns, HEADER_SEARCH_ROWS);
    const rows: SheetRow[] = sheetRows(table, header, criteriaSheetColumns, cleanCriteriaCell);
    let total: { row: number; value: string | null } | null = null;
    const last = rows.at(-1);
    if (last && isTotalRow(last)) {
      rows.pop();
      total = { row: last.row, value: last.values.maxScore ?? null };
    }
    assertSheetRowCount(rows, CRITERIA_IMPORT_MAX_ROWS);
    return { rows, total };
  } catch (err) {
    throw withCriteriaKey(err);
  }
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

function cleanCriteriaCell(
  field: CriteriaImportField,
  original: string,
): { value: string; changes: CellChange[] } {
  if (field === 'ruleDetails') return cleanDetails(original);
  if (field === 'code' || field === 'parentCode') return cleanCode(original);
  return cleanCell(original, multiline.has(field));
}

export type CellChange = SheetRow['cleaned'][number]['changes'][number];

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

export { cleanCell };
