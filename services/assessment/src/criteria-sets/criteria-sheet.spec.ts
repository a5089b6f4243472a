import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CriterionNode } from '@par/contracts';
import { readCriteriaFile, CriteriaFileError } from './criteria-sheet';
import { checkCriteriaFile } from './criteria-sheet-rules';
import { writeCriteriaCsv, writeCriteriaJson, writeCriteriaXlsx } from './criteria-sheet-writer';
import { loadCriteriaTemplates, templatesDir } from './criteria-templates';

const header = 'Mã tiêu chí,Mã tiêu chí cha,Tên tiêu chí,Điểm tối đa,Cách chấm,Chi tiết cách chấm';
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\r\n'), 'utf8');
const check = async (content: Buffer, name = 'bo-tieu-chi.csv') =>
  checkCriteriaFile(await readCriteriaFile(content, name));

describe('reading a criteria sheet', () => {
  it('cleans what is safe in a messy sheet and shows it: spaces, line breaks, decimal commas, parents from codes', async () => {
    const checked = await check(
      csv(
        '1,,"  Công tác chỉ đạo,\n điều hành  ",14.5,,',
        '1.1,,Kế hoạch   CCHC,"10",tự chấm,bước=0.5',
        '1.2,1,Báo cáo,"4,5",lựa chọn,A: Đủ = 4.5 | B: Thiếu = 0',
        ',,Tổng cộng,"14,5",,',
      ),
    );
    expect(checked.totals).toMatchObject({ rows: 3, invalid: 0, errors: 0, cleaned: 3 });
    const [area, plan, report] = checked.rows;
    expect(area!.values.title).toBe('Công tác chỉ đạo, điều hành');
    expect(area!.cleaned).toEqual([
      {
        field: 'title',
        original: '  Công tác chỉ đạo,\n điều hành  ',
        changes: ['lineBreaks', 'trimmed'],
      },
    ]);
    expect(plan!.cleaned.map((c) => [c.field, c.changes])).toEqual([
      ['title', ['spaces']],
      ['parentCode', ['parentFromCode']],
    ]);
    expect(plan!.node).toMatchObject({
      parentCode: '1',
      rule: { type: 'manual', max: 1000, step: 50 },
    });
    expect(report!.cleaned).toEqual([
      { field: 'maxScore', original: '4,5', changes: ['decimalComma'] },
    ]);
    expect(report!.node!.maxScore).toBe(450);
    expect(checked.totalRow).toMatchObject({ row: 5, value: 1450, computed: 1450, matches: true });
    expect(checked.view).toMatchObject({ valid: true, totalMax: 1450 });
    expect(checked.nodes).toHaveLength(3);
  });

  it('reports a total row that disagrees with the computed total, and imports nothing', async () => {
    const checked = await check(csv('1,,Lĩnh vực,2,manual,', 'Tổng,,,3,,'));
    expect(checked.totalRow).toMatchObject({ value: 300, computed: 200, matches: false });
    expect(checked.totalRow!.errors[0]!.message).toContain('Dòng tổng ghi 3 điểm');
    expect(checked.nodes).toBeNull();
  });

  it('rejects a malformed sheet row by row: unknown rule, missing maximum, duplicate code, missing parent, loop', async () => {
    const checked = await check(
      csv(
        '1,,Lĩnh vực 1,3,,',
        '1.1,1,Tiêu chí,1,công thức,',
        '1.2,1,Không có điểm,,manual,',
        '1.3,1,Tiêu chí,1,boolean,',
        '1.3,1,Trùng mã,1,boolean,',
        '2.3.1,,Mất dòng cha,1,boolean,',
        '4,5,Vòng,1,,',
        '5,4,Vòng,1,,',
      ),
    );
    const errorsOf = (row: number) =>
      checked.rows.find((r) => r.row === row)!.errors.map((e) => `${e.field}: ${e.message}`);
    expect(errorsOf(3)[0]).toMatch(/^ruleType: Cách chấm điểm «công thức» không hợp lệ/);
    expect(errorsOf(4)[0]).toMatch(/^maxScore: Cột «Điểm tối đa» đang trống/);
    expect(errorsOf(6)[0]).toMatch(/^code: Mã «1.3» đã xuất hiện ở dòng 5/);
    expect(errorsOf(7)[0]).toMatch(/^parentCode: Không có dòng nào mang mã tiêu chí cha «2.3»/);
    expect(errorsOf(8)[0]).toMatch(/^parentCode: Tiêu chí cha tạo thành vòng lặp \(4 → 5 → 4\)/);
    expect(errorsOf(2)).toEqual([]);
    expect(checked.nodes).toBeNull();
    expect(checked.view).toBeNull();
  });

  it('finds the header under a title line and refuses a sheet without the required columns', async () => {
    const titled = Buffer.from(`BỘ TIÊU CHÍ NĂM 2026\r\n${header}\r\n1,,Lĩnh vực,2,manual,\r\n`);
    expect((await check(titled)).rows[0]).toMatchObject({ row: 3, node: { code: '1' } });
    await expect(readCriteriaFile(Buffer.from('Mã,Tên\r\n1,x\r\n'), 'x.csv')).rejects.toMatchObject(
      {
        key: 'criteriaImport.header.missing',
      },
    );
    await expect(
      readCriteriaFile(Buffer.from([0x50, 0x4b, 3, 4, 0]), 'x.csv'),
    ).rejects.toBeInstanceOf(CriteriaFileError);
  });
});

describe('reading a messy Excel sheet', () => {
  it('reads number cells and a SUM total as hundredths, and drops a trailing dot from codes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Bộ tiêu chí chấm điểm CCHC năm 2026']);
    sheet.addRow(['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Cách chấm']);
    sheet.addRow(['1.', 'Lĩnh vực', 14.5]);
    sheet.addRow(['1.1.', 'Tiêu chí một', 0.1 + 0.2, 'boolean']);
    sheet.addRow(['1.2', 'Tiêu chí hai', 14.2, 'boolean']);
    sheet.addRow(['', 'Tổng cộng', { formula: 'SUM(C3)', result: 14.499999999999998 }]);
    const checked = await check(Buffer.from(await workbook.xlsx.writeBuffer()), 'bo.xlsx');
    expect(checked.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(
      checked.rows.map((r) => [r.row, r.node!.code, r.node!.parentCode, r.node!.maxScore]),
    ).toEqual([
      [3, '1', null, 1450],
      [4, '1.1', '1', 30],
      [5, '1.2', '1', 1420],
    ]);
    expect(checked.rows[0]!.cleaned).toEqual([
      { field: 'code', original: '1.', changes: ['trimmed'] },
    ]);
    expect(checked.totalRow).toMatchObject({ row: 6, value: 1450, computed: 1450, matches: true });
  });
});

describe('the export format', () => {
  it('reads back an XLSX export to the same nodes', async () => {
    const { nodes } = (await loadCriteriaTemplates())[0]!;
    const checked = await check(await writeCriteriaXlsx(nodes), 'x.xlsx');
    expect(checked.format).toBe('xlsx');
    expect(checked.nodes).toEqual(nodes);
  });

  it('round-trips JSON exactly, metadata included', async () => {
    const { nodes } = (await loadCriteriaTemplates())[2]!;
    const meta = {
      indexCode: 'DTI',
      year: 2026,
      unitGroup: 'Sở, ngành',
      name: 'DTI',
      description: null,
    };
    const json = writeCriteriaJson(meta, nodes);
    const checked = await check(json, 'x.json');
    expect(checked.meta).toEqual(meta);
    expect(writeCriteriaJson(checked.meta!, checked.nodes!).equals(json)).toBe(true);
  });

  it('rejects a JSON node that breaks the schema, naming the node and the column', async () => {
    const bad = Buffer.from(
      JSON.stringify({
        format: 'par-criteria-set',
        nodes: [{ code: '1', title: 'x', maxScore: 1.5, rule: { type: 'formula' } }],
      }),
    );
    const checked = await check(bad, 'x.json');
    expect(checked.rows[0]!.errors.map((e) => e.field).sort()).toEqual(['maxScore', 'ruleType']);
    expect(checked.nodes).toBeNull();
  });
});

describe('shipped templates', () => {
  it.each(['par-so-nganh.csv', 'par-cap-xa.csv', 'dti-so-nganh.csv'])(
    '%s imports without errors, validates and exports byte for byte the same',
    async (file) => {
      const content = await readFile(path.join(templatesDir, file));
      const checked = await check(content, file);
      expect(checked.rows.flatMap((r) => r.errors)).toEqual([]);
      expect(checked.totals.cleaned).toBe(0);
      expect(checked.view!.issues).toEqual([]);
      expect(writeCriteriaCsv(checked.nodes!).equals(content)).toBe(true);
    },
  );

  it('keep the published scales, with decimal maxima, and link the DTI to PAR criteria that exist', async () => {
    const [dept, commune, dti] = await loadCriteriaTemplates();
    expect([dept, commune, dti].map((t) => t!.template.totalMax)).toEqual([10000, 10000, 100000]);
    expect(dept!.nodes.find((n) => n.code === '1')!.maxScore).toBe(1450);
    const parCodes = new Set(dept!.nodes.map((n) => n.code));
    const links = dti!.nodes.flatMap((n) => (n.rule?.type === 'linked' ? [n.rule] : []));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.indexCode).toBe('PAR');
      expect(parCodes.has(link.criterionCode)).toBe(true);
    }
    for (const node of dti!.nodes) expect(CriterionNode.parse(node)).toEqual(node);
  });
});
