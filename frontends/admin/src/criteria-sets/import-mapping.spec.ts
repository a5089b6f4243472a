import type { CriteriaImportPreview } from '@par/contracts';
import { remapPreview, type CriteriaMapping } from './import-mapping';

/** A server preview of a small provincial sheet under the guessed mapping (rows as the server sent them). */
const preview = (): CriteriaImportPreview => {
  const mapping: CriteriaMapping = {
    roles: ['code', 'title', 'maxScore', 'selfScore'],
    defaultRule: 'manual',
    areaCodes: {},
  };
  return {
    fileName: 'tinh.csv',
    format: 'csv',
    meta: null,
    sheet: {
      headerRow: 1,
      header: ['STT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      rows: [
        { row: 2, cells: ['I', 'Chỉ đạo', '', ''] },
        { row: 3, cells: ['1', 'Kế hoạch', '2', '2'] },
        { row: 4, cells: ['2', 'Báo cáo', '1', '1'] },
      ],
      guessed: mapping.roles,
      mapping,
      problems: [],
      areas: [],
      keptAside: [{ column: 3, header: 'Tự chấm', role: 'selfScore' }],
    },
    rows: [],
    totalRow: null,
    view: null,
    totals: { rows: 3, valid: 3, invalid: 0, errors: 0, cleaned: 3 },
  };
};

describe('re-reading the preview at once under the mapping the admin is building', () => {
  it('keeps the server preview while the mapping is the one it was checked with', () => {
    const p = preview();
    expect(remapPreview(p, null, 'vi')).toBe(p);
    expect(remapPreview(p, { ...p.sheet!.mapping }, 'vi')).toBe(p);
  });

  it('re-reads the rows when a column changes role, and names a role given twice', () => {
    const p = preview();
    const twice = remapPreview(
      p,
      { ...p.sheet!.mapping, roles: ['code', 'title', 'maxScore', 'maxScore'] },
      'vi',
    );
    expect(twice.rows).toEqual([]);
    expect(twice.sheet!.problems[0]!.columns).toEqual([2, 3]);
    expect(twice.sheet!.keptAside).toEqual([]);

    const boolean = remapPreview(p, { ...p.sheet!.mapping, defaultRule: 'boolean' }, 'vi');
    expect(boolean.rows.map((r) => [r.values.code, r.values.maxScore, r.values.ruleType])).toEqual([
      ['1', '3', null],
      ['1.1', '2', 'boolean'],
      ['1.2', '1', 'boolean'],
    ]);
    // Not yet checked by the server: no node, no tree.
    expect(boolean.rows.every((r) => r.node === null)).toBe(true);
    expect(boolean.view).toBeNull();
  });
});
