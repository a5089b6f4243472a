import type { Unit } from '@par/contracts';
import { readUnitSheet } from './unit-sheet';
import { checkUnitRows } from './unit-sheet-rules';
import { writeUnitsCsv, writeUnitsXlsx } from './unit-sheet-writer';

const unit = (
  id: string,
  code: string,
  parentId: string | null,
  extra: Partial<Unit> = {},
): Unit => ({
  id,
  code,
  name: `Đơn vị ${code}, "mẫu"`,
  shortName: null,
  kind: 'agency',
  parentId,
  unitGroup: null,
  activeFrom: null,
  activeTo: null,
  active: true,
  deactivationReason: null,
  names: [],
  predecessors: [],
  successors: [],
  version: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

// Children listed before their parents, to show the export reorders them.
const units = [
  unit('3', 'C', '2', { unitGroup: 'phong' }),
  unit('2', 'B', '1', { shortName: 'B' }),
  unit('1', 'A', null, { kind: 'province', name: 'UBND tỉnh; Đồng Tháp' }),
];

describe('exporting units as a sheet', () => {
  it('writes a CSV with a BOM, Vietnamese headers and parents first', () => {
    const text = writeUnitsCsv(units).toString('utf8');
    expect(
      text.startsWith(
        '\uFEFFMã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên,Nhóm đơn vị,Tên viết tắt\r\n',
      ),
    ).toBe(true);
    expect(
      text
        .split('\r\n')
        .slice(1, 4)
        .map((line) => line.split(',')[0]),
    ).toEqual(['A', 'B', 'C']);
  });

  it.each(['csv', 'xlsx'] as const)(
    'round-trips through import into an empty database (%s)',
    async (format) => {
      const content = format === 'csv' ? writeUnitsCsv(units) : await writeUnitsXlsx(units);
      const sheet = await readUnitSheet(content, `export.${format}`);
      const checked = checkUnitRows(sheet.rows, new Map());
      expect(checked.rows.flatMap((r) => r.errors)).toEqual([]);
      expect(checked.toCreate).toEqual([
        {
          row: 2,
          code: 'A',
          name: 'UBND tỉnh; Đồng Tháp',
          shortName: null,
          kind: 'province',
          unitGroup: null,
          parent: null,
        },
        {
          row: 3,
          code: 'B',
          name: 'Đơn vị B, "mẫu"',
          shortName: 'B',
          kind: 'agency',
          unitGroup: null,
          parent: { sheetCode: 'A' },
        },
        {
          row: 4,
          code: 'C',
          name: 'Đơn vị C, "mẫu"',
          shortName: null,
          kind: 'agency',
          unitGroup: 'phong',
          parent: { sheetCode: 'B' },
        },
      ]);
    },
  );

  it('writes a formula-like name as text in the CSV and reads it back unchanged', async () => {
    const risky = [unit('1', 'A', null, { name: '=HYPERLINK("http://x","Bấm vào đây")' })];
    const text = writeUnitsCsv(risky).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""Bấm vào đây"")"`);
    const sheet = await readUnitSheet(writeUnitsCsv(risky), 'export.csv');
    expect(checkUnitRows(sheet.rows, new Map()).toCreate[0]?.name).toBe(risky[0]!.name);
  });
});
