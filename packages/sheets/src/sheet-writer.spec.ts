import ExcelJS from 'exceljs';
import { readCsvTable, readXlsxTable } from './sheet-reader';
import { writeSheetCsv, writeSheetXlsx, writeWorkbookXlsx } from './sheet-writer';

const columns = [
  { field: 'code', header: 'Mã' },
  { field: 'name', header: 'Tên, đầy đủ' },
] as const;
const rows = [
  { code: '001', name: 'Sở "Nội vụ"; tỉnh' },
  { code: '=1+1', name: 'a\nb' },
];

describe('writing a sheet', () => {
  it('writes CSV with a BOM, CRLF, quotes where needed and formula guards', () => {
    expect(writeSheetCsv(columns, rows).toString('utf8')).toBe(
      '\uFEFFMã,"Tên, đầy đủ"\r\n001,"Sở ""Nội vụ""; tỉnh"\r\n\'=1+1,"a\nb"\r\n',
    );
  });

  it('writes CSV that reads back as written, apart from the guard', () => {
    expect(readCsvTable(writeSheetCsv(columns, rows))).toEqual([
      ['Mã', 'Tên, đầy đủ'],
      ['001', 'Sở "Nội vụ"; tỉnh'],
      ["'=1+1", 'a\nb'],
    ]);
  });

  it('writes XLSX with text cells, a bold header and the given sheet name', async () => {
    const file = await writeSheetXlsx(columns, rows, { sheetName: 'Đơn vị', width: () => 20 });
    expect(await readXlsxTable(file)).toEqual([
      ['Mã', 'Tên, đầy đủ'],
      ['001', 'Sở "Nội vụ"; tỉnh'],
      ['=1+1', 'a\nb'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Đơn vị');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').numFmt).toBe('@');
  });

  it('stamps the workbook with the fixed date when one is given', async () => {
    const read = async (fixedDate?: Date) => {
      const workbook = new ExcelJS.Workbook();
      const file = await writeSheetXlsx(columns, rows, {
        sheetName: 'S',
        width: () => 16,
        fixedDate,
      });
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      return workbook;
    };
    const fixed = await read(new Date(0));
    expect([fixed.created.getTime(), fixed.modified.getTime()]).toEqual([0, 0]);
    expect((await read()).created.getTime()).toBeGreaterThan(0);
  });
});

describe('writing a workbook of several sheets', () => {
  it('writes each sheet in the given order, the first one being the one readers read', async () => {
    const file = await writeWorkbookXlsx([
      { columns, rows, sheetName: 'Đơn vị', width: () => 20 },
      {
        columns: [{ field: 'who', header: 'Người thẩm định' }],
        rows: [{ who: 'tdv01' }],
        sheetName: 'Người thẩm định',
        width: () => 30,
      },
    ]);
    expect(await readXlsxTable(file)).toEqual([
      ['Mã', 'Tên, đầy đủ'],
      ['001', 'Sở "Nội vụ"; tỉnh'],
      ['=1+1', 'a\nb'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Đơn vị', 'Người thẩm định']);
    const second = workbook.worksheets[1]!;
    expect([second.getCell('A1').text, second.getCell('A2').text]).toEqual([
      'Người thẩm định',
      'tdv01',
    ]);
    expect(second.getRow(1).font?.bold).toBe(true);
  });

  it('writes numbers as number cells beside text cells, and any sheet reads back by its position', async () => {
    const file = await writeWorkbookXlsx([
      { columns, rows, sheetName: 'Đơn vị', width: () => 20 },
      {
        columns: [
          { field: 'code', header: 'Mã' },
          { field: 'index', header: 'Chỉ số (%)' },
        ],
        rows: [
          { code: '1.10', index: 91.67 },
          { code: '002', index: '' },
        ],
        sheetName: 'Xếp hạng',
        width: () => 12,
      },
    ]);
    expect(await readXlsxTable(file, undefined, {}, 1)).toEqual([
      ['Mã', 'Chỉ số (%)'],
      ['1.10', '91.67'],
      ['002', ''],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const cells = [workbook.worksheets[1]!.getCell('A2'), workbook.worksheets[1]!.getCell('B2')];
    expect(cells.map((c) => [c.value, c.numFmt])).toEqual([
      ['1.10', '@'],
      // Excel's general format: the default, so no format is stored.
      [91.67, undefined],
    ]);
  });
});
