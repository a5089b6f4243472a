/**
 * Writing rows of text as a sheet in an import format: CSV (BOM, CRLF, formula guards) or XLSX
 * (text cells, bold header), so that an export reads back unchanged. Pure.
 */
import ExcelJS from 'exceljs';
import { guardFormula } from './sheet-cells';

/** What a writer needs of a column: the field its value comes from and the header it shows. */
export interface SheetWriteColumn<F extends string> {
  field: F;
  header: string;
}

/** CSV, UTF-8 with a BOM (so Excel reads the diacritics), comma-separated, CRLF. */
export function writeSheetCsv<F extends string>(
  columns: ReadonlyArray<SheetWriteColumn<F>>,
  rows: Iterable<Record<F, string>>,
): Buffer {
  const lines = [columns.map((c) => quote(c.header)).join(',')];
  for (const values of rows) {
    lines.push(columns.map((c) => quote(guardFormula(values[c.field]))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export interface SheetXlsxOptions<F extends string> {
  sheetName: string;
  width: (column: SheetWriteColumn<F>) => number;
  /** Set as the workbook's created and modified dates so that two exports are identical. */
  fixedDate?: Date;
}

export async function writeSheetXlsx<F extends string>(
  columns: ReadonlyArray<SheetWriteColumn<F>>,
  rows: Iterable<Record<F, string>>,
  { sheetName, width, fixedDate }: SheetXlsxOptions<F>,
): Promise<Buffer> {
  return writeWorkbookXlsx([{ columns, rows, sheetName, width }], { fixedDate });
}

/**
 * A cell of a workbook: text, or a number written as a number cell (a report's points and
 * percentages, which the reader sorts and sums), in Excel's general format.
 */
export type WorkbookCell = string | number;

/** One worksheet of a workbook: its columns, rows, name and column widths. */
export interface WorkbookSheet<F extends string> {
  columns: ReadonlyArray<SheetWriteColumn<F>>;
  rows: Iterable<Record<F, WorkbookCell>>;
  sheetName: string;
  // A method, so that sheets with different fields share one array.
  width(column: SheetWriteColumn<F>): number;
}

/**
 * Several worksheets in one workbook, each written as `writeSheetXlsx` writes its one (the
 * sheet readers read the first, so the sheet an import reads back goes first).
 */
export async function writeWorkbookXlsx(
  sheets: ReadonlyArray<WorkbookSheet<string>>,
  { fixedDate }: { fixedDate?: Date } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { columns, rows, sheetName, width } of sheets) {
    const sheet = workbook.addWorksheet(sheetName);
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: width(c) }));
    // Text cells, so codes such as 001 or 1.10 keep the form they were written in.
    for (const values of rows) {
      const row = sheet.addRow(values);
      row.numFmt = '@';
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') cell.numFmt = 'General';
      });
    }
    sheet.getRow(1).font = { bold: true };
  }
  if (fixedDate) {
    workbook.created = fixedDate;
    workbook.modified = fixedDate;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function quote(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
