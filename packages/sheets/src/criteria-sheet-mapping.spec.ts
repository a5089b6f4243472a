import type { CriteriaSheetRole } from '@par/contracts';
import {
  areaNumbering,
  mapCriteriaSheet,
  romanValue,
  type CriteriaSheetMappingInput,
} from './criteria-sheet-mapping';

/** A sheet as data rows under a header on row 1. */
function sheet(
  header: string[],
  roles: Array<CriteriaSheetRole | null>,
  lines: string[][],
  options: Partial<CriteriaSheetMappingInput> = {},
) {
  return mapCriteriaSheet(
    header,
    lines.map((cells, i) => ({ row: i + 2, cells })),
    { roles, defaultRule: 'manual', areaCodes: {}, ...options },
  );
}
/** Code, parent, maximum and created flag of each row, top to bottom. */
const shape = (mapped: ReturnType<typeof sheet>) =>
  mapped.rows.map((r) =>
    [r.values.code, r.values.parentCode, r.values.maxScore, r.created ? 'created' : ''].join(' '),
  );

describe('reading a criteria sheet into a tree', () => {
  it('reads roman numerals as area numbers and codes that restart in each area under them', () => {
    const mapped = sheet(
      ['STT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      ['code', 'title', 'maxScore', 'selfScore'],
      [
        ['I', 'Công tác chỉ đạo, điều hành', '', ''],
        ['1', 'Kế hoạch CCHC', '2', '2'],
        ['2', 'Báo cáo', '1,5', '1'],
        ['II', 'Thể chế', '3', ''],
        ['1', 'Ban hành VBQPPL', '', ''],
        ['1.1', 'Đúng thẩm quyền', '1', '1'],
        ['1.2', 'Đúng trình tự', '2', '0'],
        ['Tổng cộng', '', '6,5', ''],
      ],
    );
    expect(mapped.problems).toEqual([]);
    expect(shape(mapped)).toEqual([
      '1  3.5 ', // 2 + 1.5, the area's empty maximum filled from its children
      '1.1 1 2 ',
      '1.2 1 1,5 ',
      '2  3 ',
      '2.1 2 3 ', // 1 + 2
      '2.1.1 2.1 1 ',
      '2.1.2 2.1 2 ',
    ]);
    expect(mapped.total).toEqual({ row: 9, value: '6,5' });
    expect(mapped.rows[0]!.cleaned).toEqual([
      { field: 'code', original: 'I', changes: ['codeNumbered'] },
      { field: 'maxScore', original: '', changes: ['maxFromChildren'] },
    ]);
    expect(mapped.rows[4]!.cleaned.find((c) => c.field === 'code')).toEqual({
      field: 'code',
      original: '1',
      changes: ['codeInArea'],
    });
    expect(mapped.keptAside).toEqual([{ column: 3, header: 'Tự chấm', role: 'selfScore' }]);
    // Leaves get the rule chosen for the import, parents none.
    expect(mapped.rows.map((r) => r.values.ruleType)).toEqual([
      null,
      'manual',
      'manual',
      null,
      null,
      'manual',
      'manual',
    ]);
    expect(mapped.rows[1]!.values.ruleDetails).toBe('step=0.01');
  });

  it('keeps codes that already start with their area number', () => {
    const mapped = sheet(
      ['TT', 'Nội dung', 'Điểm'],
      ['code', 'title', 'maxScore'],
      [
        ['A', 'Chỉ đạo', '3'],
        ['1.1', 'Kế hoạch', '3'],
        ['B', 'Thể chế', '1'],
        ['2.1', 'VBQPPL', '1'],
      ],
    );
    expect(shape(mapped)).toEqual(['1  3 ', '1.1 1 3 ', '2  1 ', '2.1 2 1 ']);
  });

  it('builds areas from a column of names, merged cells read as the name above, in order of first appearance', () => {
    const header = ['Lĩnh vực', 'STT', 'Chỉ tiêu', 'Thang điểm'];
    const roles: Array<CriteriaSheetRole | null> = ['area', 'code', 'title', 'maxScore'];
    const lines = [
      ['Chỉ đạo điều hành', '1', 'Kế hoạch', '2'],
      ['', '2', 'Báo cáo', '1'],
      ['Thể chế', '1', 'VBQPPL', '3'],
      ['Chỉ đạo điều hành', '3', 'Kiểm tra', '0,5'],
    ];
    const mapped = sheet(header, roles, lines);
    expect(mapped.areas).toEqual([
      { name: 'Chỉ đạo điều hành', code: '1', suggested: '1' },
      { name: 'Thể chế', code: '2', suggested: '2' },
    ]);
    expect(shape(mapped)).toEqual([
      '1  3.5 created',
      '1.1 1 2 ',
      '1.2 1 1 ',
      '2  3 created',
      '2.1 2 3 ',
      '1.3 1 0,5 ',
    ]);
    expect(mapped.rows[0]!.values.title).toBe('Chỉ đạo điều hành');
    expect(mapped.rows[0]!.row).toBe(2);

    // The admin changes an area's code: its rows follow.
    const renamed = sheet(header, roles, lines, { areaCodes: { 'Thể chế': 'TC' } });
    expect(renamed.areas[1]).toEqual({ name: 'Thể chế', code: 'TC', suggested: '2' });
    expect(shape(renamed).slice(3, 5)).toEqual(['TC  3 created', 'TC.1 TC 3 ']);
  });

  it('numbers rows under each area when the sheet has no code column', () => {
    const mapped = sheet(
      ['Lĩnh vực', 'Nội dung', 'Điểm'],
      ['area', 'title', 'maxScore'],
      [
        ['Chỉ đạo', 'Kế hoạch', '2'],
        ['Chỉ đạo', 'Báo cáo', '1'],
        ['Thể chế', 'VBQPPL', '3'],
      ],
    );
    expect(shape(mapped)).toEqual([
      '1  3 created',
      '1.1 1 2 ',
      '1.2 1 1 ',
      '2  3 created',
      '2.1 2 3 ',
    ]);
  });

  it('refuses an area name that disagrees with the dotted codes, naming the column and the area', () => {
    const mapped = sheet(
      ['Lĩnh vực', 'Mã', 'Nội dung', 'Điểm'],
      ['area', 'code', 'title', 'maxScore'],
      [
        ['Chỉ đạo', '1.1', 'Kế hoạch', '1'],
        ['Chỉ đạo', '1.2', 'Báo cáo', '1'],
        ['Thể chế', '2.1', 'VBQPPL', '1'],
        ['Thể chế', '1.3', 'Kiểm tra', '1'],
      ],
    );
    const row5 = mapped.rows.find((r) => r.row === 5)!;
    expect(row5.errors).toEqual([
      {
        field: 'area',
        message:
          'Cột «Lĩnh vực» ghi lĩnh vực «Thể chế» (mã 2) nhưng mã «1.3» thuộc lĩnh vực 1. Hãy sửa tên lĩnh vực hoặc mã của dòng này.',
      },
    ]);
    expect(mapped.rows.filter((r) => r.errors.length > 0)).toHaveLength(1);
  });

  it('creates missing parents from dotted codes, above their first child, with the sum of their children', () => {
    const mapped = sheet(
      ['Mã', 'Nội dung', 'Điểm'],
      ['code', 'title', 'maxScore'],
      [
        ['1.1.1', 'a', '1'],
        ['1.1.2', 'b', '2'],
        ['1.2', 'c', '3,25'],
      ],
    );
    expect(shape(mapped)).toEqual([
      '1  6.25 created',
      '1.1 1 3 created',
      '1.1.1 1.1 1 ',
      '1.1.2 1.1 2 ',
      '1.2 1 3,25 ',
    ]);
    expect(mapped.rows[1]!.values.title).toBe('Mục 1.1 (tạo từ các dòng con)');
    expect(mapped.rows[1]!.values.ruleType).toBeNull();
  });

  it('names both rows when two codes become one once cleaned', () => {
    const mapped = sheet(
      ['Mã', 'Nội dung', 'Điểm'],
      ['code', 'title', 'maxScore'],
      [
        ['2', 'a', '1'],
        ['2.', 'b', '1'],
      ],
    );
    expect(mapped.rows[1]!.errors).toEqual([
      {
        field: 'code',
        message:
          'Mã «2.» sau khi chuẩn hoá thành «2», trùng với mã «2» ở dòng 2. Hãy sửa một trong hai mã trong tệp.',
      },
    ]);
  });

  it('leaves a leaf without a rule when the admin chooses no default', () => {
    const mapped = sheet(
      ['Mã', 'Nội dung', 'Điểm'],
      ['code', 'title', 'maxScore'],
      [['1', 'a', '1']],
      {
        defaultRule: 'none',
      },
    );
    expect(mapped.rows[0]!.values.ruleType).toBeNull();
    const yesNo = sheet(
      ['Mã', 'Nội dung', 'Điểm'],
      ['code', 'title', 'maxScore'],
      [['1', 'a', '1']],
      {
        defaultRule: 'boolean',
      },
    );
    expect(yesNo.rows[0]!.values).toMatchObject({ ruleType: 'boolean', ruleDetails: null });
  });

  it('reads nothing under a mapping without a title or with one role twice, and says which', () => {
    const mapped = sheet(
      ['Mã', 'Nội dung', 'Điểm', 'Điểm chuẩn'],
      ['code', null, 'maxScore', 'maxScore'],
      [['1', 'a', '1', '1']],
    );
    expect(mapped.rows).toEqual([]);
    expect(mapped.problems.map((p) => p.message)).toEqual([
      'Chưa có cột nào được chọn là «Tên tiêu chí». Hãy chọn cột đó ở bước ghép cột.',
      'Các cột cột 3 «Điểm», cột 4 «Điểm chuẩn» cùng được chọn là «Điểm tối đa». Mỗi vai trò chỉ dành cho một cột: hãy đổi hoặc bỏ qua một cột.',
    ]);
  });

  it('tells roman numerals from letters', () => {
    expect([romanValue('IV'), romanValue('XIX'), romanValue('IIII'), romanValue('A')]).toEqual([
      4,
      19,
      null,
      null,
    ]);
    expect([...areaNumbering(['I', '1', 'II', '1', 'III'])]).toEqual([
      ['I', 1],
      ['II', 2],
      ['III', 3],
    ]);
    expect([...areaNumbering(['A', 'B', 'C', 'D'])]).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
    ]);
    expect(areaNumbering(['1', '2']).size).toBe(0);
  });
});
