/**
 * Reading a criteria file (CSV, XLSX or the portal's JSON) into cleaned rows, before any rule is
 * checked: the columns, the criteria cells and the total row are ours, the generic reading is
 * @par/sheets'. The format is decided by the content, never the name alone.
 */
import type ExcelJS from 'exceljs';
import {
  assertSheetRowCount,
  assertSheetSize,
  columnsOf,
  criteriaSheetRoleDefinitions,
  detectSheetFormat,
  findHeaderRow,
  guessSheetRoles,
  mapCriteriaSheet,
  readCsvTable,
  readXlsxTable,
  SheetFileError,
  sheetText,
  type MappedCriteriaSheet,
  type SheetFailure,
} from '@par/sheets';
import {
  CRITERIA_IMPORT_MAX_BYTES,
  CRITERIA_IMPORT_MAX_ROWS,
  type CriteriaImportField,
  type CriteriaImportPreview,
  type CriteriaImportRow,
  type CriteriaSheetMapping,
  type Locale,
  type MessageKey,
} from '@par/contracts';
import { hundredthsToInput } from '@par/scoring';

/**
 * The portal's own columns and their headers as written (Vietnamese). Which header of a
 * province's sheet means which column is guessed in @par/sheets/mapping.
 */
export const criteriaSheetColumns: ReadonlyArray<{
  field: CriteriaImportField;
  header: string;
  required: boolean;
}> = [
  {
    field: 'code',
    header: 'Mã tiêu chí',
    required: true,
  },
  {
    field: 'parentCode',
    header: 'Mã tiêu chí cha',
    required: false,
  },
  {
    field: 'title',
    header: 'Tên tiêu chí',
    required: true,
  },
  {
    field: 'maxScore',
    header: 'Điểm tối đa',
    required: true,
  },
  {
    field: 'capped',
    header: 'Giới hạn điểm',
    required: false,
  },
  {
    field: 'ruleType',
    header: 'Cách chấm',
    required: false,
  },
  {
    field: 'ruleDetails',
    header: 'Chi tiết cách chấm',
    required: false,
  },
  {
    field: 'evidenceMin',
    header: 'Số TLKC tối thiểu',
    required: false,
  },
  {
    field: 'evidenceMax',
    header: 'Số TLKC tối đa',
    required: false,
  },
  {
    field: 'explanationRequired',
    header: 'Bắt buộc giải trình',
    required: false,
  },
  {
    field: 'appraiserUnitCode',
    header: 'Đơn vị thẩm định',
    required: false,
  },
  {
    field: 'guidanceForUnits',
    header: 'Hướng dẫn cho đơn vị',
    required: false,
  },
  {
    field: 'guidanceForAppraisers',
    header: 'Hướng dẫn thẩm định',
    required: false,
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

export type SheetRow = Pick<CriteriaImportRow, 'row' | 'values' | 'cleaned' | 'created'> & {
  /** Errors found while building the tree (codes that collide, areas that disagree). */
  errors: CriteriaImportRow['errors'];
};

export type ReadCriteriaFile =
  | {
      format: 'csv' | 'xlsx';
      rows: SheetRow[];
      /** A "Tổng cộng" row found at the bottom, with its maximum cell. */
      total: { row: number; value: string | null } | null;
      /** How the columns were read, as the preview shows it. */
      sheet: NonNullable<CriteriaImportPreview['sheet']>;
      /** The sheet's own header of each mapped column, for messages that name a column. */
      columnNames: MappedCriteriaSheet['columnNames'];
    }
  | { format: 'json'; document: unknown };

export async function readCriteriaFile(
  content: Buffer,
  fileName: string,
  mapping?: CriteriaSheetMapping,
  locale: Locale = 'vi',
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
  return { format, ...toRows(table, mapping, locale) };
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

/**
 * The header (the first row that reads as one), the data rows under it, the roles guessed for
 * its columns, and the rows read under the mapping sent (or the guess when none was sent).
 */
function toRows(
  table: string[][],
  mapping: CriteriaSheetMapping | undefined,
  locale: Locale,
): Omit<Extract<ReadCriteriaFile, { format: 'csv' | 'xlsx' }>, 'format'> {
  try {
    if (table.length === 0) throw new SheetFileError('empty');
    const headerAt = findHeaderRow(criteriaSheetRoleDefinitions, table, HEADER_SEARCH_ROWS);
    const header = table[headerAt]!.map((cell) => cell.replace(/^\uFEFF/, '').trim());
    const data = table
      .slice(headerAt + 1)
      .map((cells, i) => ({ row: headerAt + i + 2, cells }))
      .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
    assertSheetRowCount(data, CRITERIA_IMPORT_MAX_ROWS);
    const width = Math.max(header.length, ...data.map((d) => d.cells.length));
    while (header.length < width) header.push('');
    const guessed = guessSheetRoles(
      criteriaSheetRoleDefinitions,
      header,
      columnsOf(
        data.map((d) => d.cells),
        width,
      ),
    );
    const applied = {
      roles: header.map((_, i) => (mapping ? (mapping.roles[i] ?? null) : guessed[i]!)),
      defaultRule: mapping?.defaultRule ?? 'manual',
      areaCodes: mapping?.areaCodes ?? {},
    };
    const mapped = mapCriteriaSheet(header, data, applied, locale);
    return {
      rows: mapped.rows,
      total: mapped.total,
      columnNames: mapped.columnNames,
      sheet: {
        headerRow: headerAt + 1,
        header,
        rows: data.map(({ row, cells }) => ({
          row,
          cells: header.map((_, i) => cells[i] ?? ''),
        })),
        guessed,
        mapping: applied,
        problems: mapped.problems,
        areas: mapped.areas,
        keptAside: mapped.keptAside,
      },
    };
  } catch (err) {
    throw withCriteriaKey(err);
  }
}

export type CellChange = SheetRow['cleaned'][number]['changes'][number];
