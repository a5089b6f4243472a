import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUnitSheet, type SheetRow } from './unit-sheet';
import { checkUnitRows } from './unit-sheet-rules';

let nextRow = 2;
function row(
  code: string | null,
  name: string | null,
  kind: string | null,
  parentCode: string | null = null,
): SheetRow {
  return {
    row: nextRow++,
    values: { code, name, kind, parentCode, unitGroup: null, shortName: null },
    cleaned: [],
  };
}

beforeEach(() => {
  nextRow = 2;
});

const errorsOf = (checked: ReturnType<typeof checkUnitRows>) =>
  checked.rows.flatMap((r) => r.errors.map((e) => `${e.field}: ${e.message}`));

describe('checking the rows of a units sheet', () => {
  it('orders a valid sheet parents first, parents in the sheet or in the database', () => {
    const checked = checkUnitRows(
      [
        row('c', 'Phòng C', 'agency', 'b'),
        row('b', 'Phòng B', 'agency', 'A'),
        row('A', 'Sở A', 'department', 'ROOT'),
      ],
      new Map([['ROOT', '0123456789abcdef01234567']]),
    );
    expect(errorsOf(checked)).toEqual([]);
    expect(checked.toCreate.map((u) => [u.code, u.parent])).toEqual([
      ['A', { existingId: '0123456789abcdef01234567' }],
      ['B', { sheetCode: 'A' }],
      ['C', { sheetCode: 'B' }],
    ]);
  });

  it('names the row and the column of an empty required cell', () => {
    const checked = checkUnitRows([row('A', null, 'other')], new Map());
    expect(errorsOf(checked)).toEqual([
      'name: Dòng 2: Cột «Tên đơn vị» đang trống. Hãy điền giá trị cho cột này.',
    ]);
    expect(checked.toCreate).toEqual([]);
  });

  it('refuses an unknown kind and a bad code, in English too', () => {
    const checked = checkUnitRows([row('A B', 'Đơn vị', 'city')], new Map(), 'en');
    expect(errorsOf(checked)).toEqual([
      expect.stringMatching(/^code: Row 2: A unit code has/),
      expect.stringMatching(/^kind: Row 2: Kind "city" is not valid. Use one of: province, /),
    ]);
  });

  it('marks both rows of a code used twice in the sheet, regardless of case', () => {
    const checked = checkUnitRows(
      [row('A', 'Một', 'other'), row('x', 'Hai', 'other'), row('a', 'Ba', 'other')],
      new Map(),
    );
    expect(errorsOf(checked)).toEqual([
      'code: Dòng 2: Mã «A» đã xuất hiện ở dòng 4. Mỗi mã chỉ được dùng một lần; hãy sửa hoặc xoá một trong hai dòng.',
      'code: Dòng 4: Mã «A» đã xuất hiện ở dòng 2. Mỗi mã chỉ được dùng một lần; hãy sửa hoặc xoá một trong hai dòng.',
    ]);
  });

  it('refuses a code that already exists in the database', () => {
    const checked = checkUnitRows([row('SNV', 'Sở Nội vụ', 'department')], new Map([['SNV', 'x']]));
    expect(errorsOf(checked)).toEqual([
      expect.stringContaining('Dòng 2: Mã «SNV» đã có trong hệ thống'),
    ]);
  });

  it('refuses a parent that is neither in the database nor in the sheet', () => {
    const checked = checkUnitRows([row('A', 'Đơn vị A', 'other', 'nowhere')], new Map());
    expect(errorsOf(checked)).toEqual([
      'parentCode: Dòng 2: Không tìm thấy đơn vị cấp trên «nowhere» trong hệ thống hay trong tệp. Hãy kiểm tra mã đơn vị cấp trên.',
    ]);
  });

  it('refuses a loop of parents on every row of the loop, and a unit its own parent', () => {
    const checked = checkUnitRows(
      [
        row('A', 'Đơn vị A', 'other', 'B'),
        row('B', 'Đơn vị B', 'other', 'C'),
        row('C', 'Đơn vị C', 'other', 'A'),
        row('D', 'Đơn vị D', 'other', 'A'),
        row('E', 'Đơn vị E', 'other', 'E'),
      ],
      new Map(),
    );
    expect(checked.rows.map((r) => r.errors.length)).toEqual([1, 1, 1, 0, 1]);
    expect(checked.rows[0]?.errors[0]?.message).toBe(
      'Dòng 2: Đơn vị cấp trên tạo thành vòng lặp (A → B → C → A). Hãy sửa cột mã đơn vị cấp trên để cây đơn vị không quay vòng.',
    );
    expect(checked.rows[4]?.errors[0]?.message).toContain('(E → E)');
    expect(checked.toCreate).toEqual([]);
  });

  it('checks name length and the lengths of the optional columns', () => {
    const long = row('A', 'x', 'other');
    long.values.unitGroup = 'g'.repeat(65);
    const checked = checkUnitRows([long], new Map());
    expect(checked.rows[0]?.errors.map((e) => e.field)).toEqual(['name', 'unitGroup']);
  });
});

describe('the shipped template', () => {
  it('imports without errors into an empty database', async () => {
    const path = join(__dirname, '../../templates/units-template.csv');
    const sheet = await readUnitSheet(readFileSync(path), 'units-template.csv');
    const checked = checkUnitRows(sheet.rows, new Map());
    expect(checked.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(checked.toCreate.map((u) => u.code)).toEqual(['UBND', 'SNV', 'XA-TANAN', 'SNV.CCHC']);
  });
});
