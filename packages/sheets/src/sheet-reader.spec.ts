import ExcelJS from 'exceljs';
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
  type SheetColumn,
} from './index';

const text = (s: string) => Buffer.from(s, 'utf8');
const columns: ReadonlyArray<SheetColumn<'code' | 'name' | 'note'>> = [
  { field: 'code', header: 'Mã', required: true, aliases: ['mã', 'code'] },
  { field: 'name', header: 'Tên', required: true, aliases: ['tên', 'name'] },
  { field: 'note', header: 'Ghi chú', required: false, aliases: ['ghi chú', 'note'] },
];

function failure(run: () => unknown): SheetFileError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(SheetFileError);
    return err as SheetFileError;
  }
  throw new Error('expected a SheetFileError');
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('S');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading a sheet', () => {
  it('decides the format by content, not by the name alone', async () => {
    const zip = await xlsx([['a']]);
    expect(detectSheetFormat(zip, 'A.XLSX', ['csv'])).toBe('xlsx');
    expect(detectSheetFormat(text('a,b'), 'a.csv', ['csv'])).toBe('csv');
    expect(detectSheetFormat(text('{}'), 'a.json', ['csv', 'json'])).toBe('json');
    expect(failure(() => detectSheetFormat(text('{}'), 'a.json', ['csv'])).reason).toBe(
      'unsupported',
    );
    expect(failure(() => detectSheetFormat(zip, 'a.csv', ['csv'])).reason).toBe('unsupported');
    expect(failure(() => detectSheetFormat(text('a,b'), 'a.xlsx', ['csv'])).reason).toBe(
      'unsupported',
    );
    expect(
      failure(() => detectSheetFormat(Buffer.from([0x41, 0x00, 0x42]), 'a.csv', ['csv'])).reason,
    ).toBe('unsupported');
  });

  it('reads semicolons under a title line that holds a comma', () => {
    expect(
      readCsvTable(text('DANH SÁCH CƠ QUAN, ĐƠN VỊ\nMã;Tên;Loại\nA;Sở A;department\n')),
    ).toEqual([['DANH SÁCH CƠ QUAN, ĐƠN VỊ'], ['Mã', 'Tên', 'Loại'], ['A', 'Sở A', 'department']]);
  });

  it('reads CSV without its BOM, with semicolons when the header has more of them', () => {
    expect(readCsvTable(text('\uFEFFMã;Tên\r\n1;"a; b"\r\n'))).toEqual([
      ['Mã', 'Tên'],
      ['1', 'a; b'],
    ]);
    expect(readCsvTable(text('Mã,Tên\n1,"a,b"'))).toEqual([
      ['Mã', 'Tên'],
      ['1', 'a,b'],
    ]);
    expect(failure(() => readCsvTable(text('a,"b\n'))).reason).toBe('unsupported');
  });

  it('reads the first worksheet of an XLSX as text, or as the given cell text', async () => {
    const file = await xlsx([
      ['Mã', 'Tên'],
      ['001', 14.5],
    ]);
    expect(await readXlsxTable(file)).toEqual([
      ['Mã', 'Tên'],
      ['001', '14.5'],
    ]);
    expect(await readXlsxTable(file, (cell) => `<${cell.text}>`)).toEqual([
      ['<Mã>', '<Tên>'],
      ['<001>', '<14.5>'],
    ]);
    await expect(readXlsxTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]))).rejects.toMatchObject({
      reason: 'unsupported',
    });
  });

  it('reads a merged range as its value down its column and as empty across', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tiêu chí');
    sheet.addRows([
      ['Lĩnh vực', 'Nội dung', 'Điểm'],
      ['Chỉ đạo', 'Kế hoạch', 2],
      ['', 'Báo cáo', 1],
      ['Thể chế', 'Phần B: văn bản', ''],
    ]);
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B4:C4');
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readXlsxTable(file)).toEqual([
      ['Lĩnh vực', 'Nội dung', 'Điểm'],
      ['Chỉ đạo', 'Kế hoạch', '2'],
      ['Chỉ đạo', 'Báo cáo', '1'],
      ['Thể chế', 'Phần B: văn bản', ''],
    ]);
  });

  it('finds the header by Vietnamese or English names, below title lines when asked to', () => {
    const table = [['Bảng kê'], [' TÊN ', 'code', 'Ghi  chú'], ['a', '1', '']];
    expect(failure(() => findSheetHeader(table, columns)).params).toEqual({
      columns: '«Mã», «Tên»',
    });
    const header = findSheetHeader(table, columns, 10);
    expect(header.headerAt).toBe(1);
    expect([...header.indexOf]).toEqual([
      ['name', 0],
      ['code', 1],
      ['note', 2],
    ]);
    expect(failure(() => findSheetHeader([], columns)).reason).toBe('empty');
  });

  it('names only the missing required columns, as the first row has them', () => {
    const err = failure(() => findSheetHeader([['Mã', 'Ghi chú']], columns, 10));
    expect(err.reason).toBe('headerMissing');
    expect(err.params).toEqual({ columns: '«Tên»' });
  });

  it('cleans each cell, skips blank rows and numbers rows as the spreadsheet does', () => {
    const table = [
      ['Mã', 'Tên'],
      ['  A1 ', 'Sở\nNội   vụ'],
      [' ', ''],
      ['B', ''],
    ];
    const rows = sheetRows(table, findSheetHeader(table, columns), columns, (_f, original) =>
      cleanCell(original),
    );
    expect(rows).toEqual([
      {
        row: 2,
        values: { code: 'A1', name: 'Sở Nội vụ', note: null },
        cleaned: [
          { field: 'code', original: '  A1 ', changes: ['trimmed'] },
          { field: 'name', original: 'Sở\nNội   vụ', changes: ['lineBreaks', 'spaces'] },
        ],
      },
      { row: 4, values: { code: 'B', name: null, note: null }, cleaned: [] },
    ]);
  });

  it('refuses a file too large, without rows or with too many rows', () => {
    expect(failure(() => assertSheetSize(Buffer.alloc(1_572_864), 1_000_000)).params).toEqual({
      size: '1.5 MB',
    });
    expect(() => assertSheetSize(Buffer.alloc(10), 10)).not.toThrow();
    expect(failure(() => assertSheetRowCount([], 5)).reason).toBe('empty');
    const err = failure(() => assertSheetRowCount([1, 2, 3], 2));
    expect([err.reason, err.params]).toEqual(['tooManyRows', { count: 3 }]);
    expect(() => assertSheetRowCount([1, 2], 2)).not.toThrow();
  });
});
