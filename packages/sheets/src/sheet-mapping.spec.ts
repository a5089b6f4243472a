import { criteriaSheetRoleDefinitions } from './criteria-sheet-mapping';
import {
  checkSheetRoles,
  findHeaderRow,
  guessSheetRoles,
  headerSignature,
  normalizeHeaderText,
} from './sheet-mapping';

const guess = (header: string[], rows: string[][] = []) =>
  guessSheetRoles(
    criteriaSheetRoleDefinitions,
    header,
    header.map((_, c) => rows.map((r) => r[c] ?? '')),
  );

describe('guessing the role of each column of a criteria sheet', () => {
  it('compares headers without diacritics, case or punctuation', () => {
    expect(normalizeHeaderText('  ĐIỂM CHUẨN (điểm) ')).toBe('diem chuan diem');
    expect(normalizeHeaderText('Lĩnh vực/tiêu chí')).toBe('linh vuc tieu chi');
    expect(headerSignature(['STT', 'Nội dung'])).toBe(headerSignature(['stt ', 'NOI DUNG']));
  });

  // Header rows written by hand after the sheets provinces attach to their decisions.
  const variants: Array<[string, string[], Array<string | null>]> = [
    ['STT, content, benchmark', ['STT', 'Nội dung', 'Điểm chuẩn'], ['code', 'title', 'maxScore']],
    [
      'with self and appraised scores',
      ['Mã', 'Chỉ tiêu', 'Thang điểm', 'Điểm tự chấm', 'Điểm thẩm định'],
      ['code', 'title', 'maxScore', 'selfScore', 'appraisedScore'],
    ],
    ['without diacritics', ['stt', 'noi dung', 'diem toi da'], ['code', 'title', 'maxScore']],
    ['English', ['No.', 'Criteria', 'Max score'], ['code', 'title', 'maxScore']],
    [
      'an area-name column',
      ['TT', 'Lĩnh vực', 'Tiêu chí', 'Điểm tối đa'],
      ['code', 'area', 'title', 'maxScore'],
    ],
    [
      "the portal's own",
      [
        'Mã tiêu chí',
        'Mã tiêu chí cha',
        'Tên tiêu chí',
        'Điểm tối đa',
        'Cách chấm',
        'Chi tiết cách chấm',
      ],
      ['code', 'parentCode', 'title', 'maxScore', 'ruleType', 'ruleDetails'],
    ],
    [
      'upper case, a note column left out',
      ['STT', 'NỘI DUNG TIÊU CHÍ', 'ĐIỂM TỐI ĐA', 'Tự đánh giá', 'Ghi chú'],
      ['code', 'title', 'maxScore', 'selfScore', null],
    ],
    [
      'evidence guidance',
      ['Ký hiệu', 'Nội dung đánh giá', 'Điểm tối đa được chấm', 'Tài liệu kiểm chứng'],
      ['code', 'title', 'maxScore', 'guidanceForUnits'],
    ],
    [
      'abbreviations',
      ['Số TT', 'Tiêu chí, tiêu chí thành phần', 'Điểm'],
      ['code', 'title', 'maxScore'],
    ],
    [
      'longer headers read by their words',
      ['Mã số', 'Nội dung', 'Số điểm tối đa', 'Kết quả thẩm định của Hội đồng'],
      ['code', 'title', 'maxScore', 'appraisedScore'],
    ],
    [
      'English with an area',
      ['Code', 'Title', 'Maximum', 'Area'],
      ['code', 'title', 'maxScore', 'area'],
    ],
    [
      'a blank header and a unit in brackets',
      ['', 'Nội dung', 'Điểm chuẩn (điểm)'],
      [null, 'title', 'maxScore'],
    ],
    [
      'the appraising unit is not a score',
      ['STT', 'Nội dung', 'Điểm tối đa', 'Đơn vị thẩm định', 'Điểm thẩm định'],
      ['code', 'title', 'maxScore', 'appraiserUnitCode', 'appraisedScore'],
    ],
  ];
  it.each(variants)('%s', (_name, header, expected) => {
    expect(guess(header)).toEqual(expected);
  });

  it('gives a role to one column only: of two code-like headers the one whose cells look like codes', () => {
    const roles = guess(
      ['STT', 'Mã', 'Nội dung', 'Điểm'],
      [
        ['Mục 1', '1', 'Kế hoạch', '2'],
        ['Mục 2', '1.1', 'Ban hành', '1'],
      ],
    );
    expect(roles).toEqual([null, 'code', 'title', 'maxScore']);
  });

  it('finds the header under title lines', () => {
    const table = [
      ['UBND TỈNH X', '', ''],
      ['BỘ TIÊU CHÍ ĐÁNH GIÁ CCHC NĂM 2025', '', ''],
      ['STT', 'Nội dung', 'Điểm chuẩn'],
      ['1', 'Kế hoạch', '2'],
    ];
    expect(findHeaderRow(criteriaSheetRoleDefinitions, table)).toBe(2);
  });

  it('names a missing title or maximum, and a role given twice', () => {
    expect(
      checkSheetRoles(criteriaSheetRoleDefinitions, ['code', 'maxScore', 'maxScore', null]),
    ).toEqual([
      { kind: 'roleMissing', role: 'title' },
      { kind: 'roleTwice', role: 'maxScore', columns: [1, 2] },
    ]);
  });
});
