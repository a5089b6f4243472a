import ExcelJS from 'exceljs';
import { cleanCell, detectFormat, readUnitSheet, SheetError } from './unit-sheet';

const csv = (text: string) => Buffer.from(text, 'utf8');

async function sheetError(promise: Promise<unknown>): Promise<SheetError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SheetError);
  return err as SheetError;
}

describe('reading a units sheet', () => {
  it('reads a CSV with a BOM, semicolons and Vietnamese headers', async () => {
    const file = csv(
      '\uFEFFMã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Nhóm đơn vị\r\n' +
        'SNV;Sở Nội vụ;department;;so-nganh\r\nSNV.P1;"Phòng Cải cách; hành chính";agency;SNV;\r\n',
    );
    const sheet = await readUnitSheet(file, 'don-vi.csv');
    expect(sheet.format).toBe('csv');
    expect(sheet.rows).toEqual([
      {
        row: 2,
        values: {
          code: 'SNV',
          name: 'Sở Nội vụ',
          kind: 'department',
          parentCode: null,
          unitGroup: 'so-nganh',
          shortName: null,
        },
        cleaned: [],
      },
      {
        row: 3,
        values: {
          code: 'SNV.P1',
          name: 'Phòng Cải cách; hành chính',
          kind: 'agency',
          parentCode: 'SNV',
          unitGroup: null,
          shortName: null,
        },
        cleaned: [],
      },
    ]);
  });

  it('reads English headers with commas and no BOM, in any column order', async () => {
    const sheet = await readUnitSheet(
      csv('kind,code,name,parent code,group\nward,P1,Phường 1,,\n'),
      'units.CSV',
    );
    expect(sheet.rows[0]?.values).toMatchObject({ code: 'P1', name: 'Phường 1', kind: 'ward' });
  });

  it('cleans messy cells and says what it changed', async () => {
    const sheet = await readUnitSheet(
      csv('code,name,kind\n  X1 ,"Sở\r\n  Tư   pháp ",department\n'),
      'u.csv',
    );
    const row = sheet.rows[0]!;
    expect(row.values.code).toBe('X1');
    expect(row.values.name).toBe('Sở Tư pháp');
    expect(row.cleaned).toEqual([
      { field: 'code', original: '  X1 ', changes: ['trimmed'] },
      {
        field: 'name',
        original: 'Sở\r\n  Tư   pháp ',
        changes: ['lineBreaks', 'trimmed', 'spaces'],
      },
    ]);
  });

  it('keeps row numbers as the spreadsheet shows them, skipping blank lines', async () => {
    const sheet = await readUnitSheet(
      csv('code,name,kind\nA,Đơn vị A,other\n,,\nB,Đơn vị B,other\n'),
      'u.csv',
    );
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('names the columns no header was guessed for, and reads no row', async () => {
    const sheet = await readUnitSheet(csv('Mã đơn vị,Ghi chú\nA,B\n'), 'u.csv');
    expect(sheet.sheet.guessed).toEqual(['code', null]);
    expect(sheet.sheet.problems.map((p) => p.message)).toEqual([
      'Chưa có cột nào được chọn là «Tên đơn vị». Hãy chọn cột đó ở bước ghép cột.',
      'Chưa có cột nào được chọn là «Loại». Hãy chọn cột đó ở bước ghép cột.',
    ]);
    expect(sheet.rows).toEqual([]);
  });

  it("reads an admin's own headers by guess, and under the mapping sent", async () => {
    const own = csv(
      'DANH SÁCH ĐƠN VỊ\nMã ĐVHC,Tên cơ quan,Cấp,Cơ quan chủ quản,Ghi chú\nX1,Xã Một,commune,TINH,mới\n',
    );
    const guessed = await readUnitSheet(own, 'u.csv');
    expect(guessed.sheet).toMatchObject({
      headerRow: 2,
      guessed: ['code', 'name', 'kind', 'parentCode', null],
      problems: [],
    });
    expect(guessed.rows[0]!.values).toMatchObject({ code: 'X1', name: 'Xã Một', kind: 'commune' });
    const mapped = await readUnitSheet(own, 'u.csv', {
      roles: ['code', 'name', 'kind', null, 'shortName'],
    });
    expect(mapped.rows[0]!.values).toMatchObject({ parentCode: null, shortName: 'mới' });
  });

  it('refuses a file with no data rows', async () => {
    const err = await sheetError(readUnitSheet(csv('code,name,kind\n'), 'u.csv'));
    expect(err.key).toBe('unitImport.file.empty');
  });

  it('refuses more than 5,000 rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `C${i},Đơn vị ${i},other`).join('\n');
    const err = await sheetError(readUnitSheet(csv(`code,name,kind\n${rows}\n`), 'u.csv'));
    expect(err.key).toBe('unitImport.file.tooManyRows');
    expect(err.params.count).toBe(5001);
  });

  it('refuses a file over 2 MB', async () => {
    const err = await sheetError(readUnitSheet(Buffer.alloc(2 * 1024 * 1024 + 1, 'a'), 'u.csv'));
    expect(err.key).toBe('unitImport.file.tooLarge');
  });

  it('judges the format by content, not by the extension', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(() => detectFormat(zip, 'units.csv')).toThrow(SheetError);
    expect(() => detectFormat(csv('code,name'), 'units.xlsx')).toThrow(SheetError);
    expect(() => detectFormat(Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'units.csv')).toThrow(
      SheetError,
    );
    expect(() => detectFormat(csv('code,name'), 'units.txt')).toThrow(SheetError);
    expect(detectFormat(zip, 'units.xlsx')).toBe('xlsx');
    expect(detectFormat(csv('code,name'), 'units.csv')).toBe('csv');
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    const err = await sheetError(readUnitSheet(notAWorkbook, 'u.xlsx'));
    expect(err.key).toBe('unitImport.file.unsupported');
  });

  it('reads the first worksheet of an xlsx file', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Đơn vị');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']);
    ws.addRow(['STP', ' Sở Tư pháp', 'department', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheet = await readUnitSheet(content, 'u.xlsx');
    expect(sheet.format).toBe('xlsx');
    expect(sheet.rows[0]?.values).toMatchObject({
      code: 'STP',
      name: 'Sở Tư pháp',
      parentCode: null,
    });
  });
});

describe('cleaning a cell', () => {
  it('leaves a clean value alone', () => {
    expect(cleanCell('Sở Nội vụ')).toEqual({ value: 'Sở Nội vụ', changes: [] });
  });

  it('collapses line breaks into one space', () => {
    expect(cleanCell('a\n\nb')).toEqual({ value: 'a b', changes: ['lineBreaks'] });
  });
});
