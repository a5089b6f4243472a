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

  it('rejects a malformed sheet row by row: unknown rule, missing maximum, duplicate code, loop; creates a missing parent', async () => {
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
      checked.rows
        .find((r) => r.row === row && !r.created)!
        .errors.map((e) => `${e.field}: ${e.message}`);
    expect(errorsOf(3)[0]).toMatch(/^ruleType: Cách chấm điểm «công thức» không hợp lệ/);
    expect(errorsOf(4)[0]).toMatch(/^maxScore: Cột «Điểm tối đa» đang trống/);
    expect(errorsOf(6)[0]).toMatch(/^code: Mã «1.3» đã xuất hiện ở dòng 5/);
    expect(errorsOf(7)).toEqual([]);
    expect(
      checked.rows.filter((r) => r.created).map((r) => [r.row, r.values.code, r.values.maxScore]),
    ).toEqual([
      [7, '2', '1'],
      [7, '2.3', '1'],
    ]);
    expect(errorsOf(8)[0]).toMatch(/^parentCode: Tiêu chí cha tạo thành vòng lặp \(4 → 5 → 4\)/);
    expect(errorsOf(2)).toEqual([]);
    expect(checked.nodes).toBeNull();
    expect(checked.view).toBeNull();
  });

  it('finds the header under a title line, and reads no row of a sheet without a maximum column', async () => {
    const titled = Buffer.from(`BỘ TIÊU CHÍ NĂM 2026\r\n${header}\r\n1,,Lĩnh vực,2,manual,\r\n`);
    expect((await check(titled)).rows[0]).toMatchObject({ row: 3, node: { code: '1' } });
    const noMaximum = await check(Buffer.from('Mã,Tên\r\n1,x\r\n'), 'x.csv');
    expect(noMaximum.sheet!.problems.map((p) => p.message)).toEqual([
      'Chưa có cột nào được chọn là «Điểm tối đa». Hãy chọn cột đó ở bước ghép cột.',
    ]);
    expect(noMaximum.rows).toEqual([]);
    expect(noMaximum.nodes).toBeNull();
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

describe("reading a province's own sheet", () => {
  const provincial = (...lines: string[]) =>
    Buffer.from(
      ['UBND TỈNH THỬ NGHIỆM', 'Lĩnh vực,STT,Nội dung,Điểm chuẩn,Điểm tự chấm', ...lines].join(
        '\r\n',
      ),
      'utf8',
    );

  it('becomes a valid set under the guessed mapping: areas from the name column, the default rule on leaves, scores kept aside', async () => {
    const checked = await check(
      provincial(
        'Chỉ đạo điều hành,1,Kế hoạch CCHC,2,2',
        ',2,Báo cáo CCHC,"1,5",1',
        'Thể chế,1,Ban hành VBQPPL,3,3',
        ',,Tổng cộng,"6,5",',
      ),
      'tinh.csv',
    );
    expect(checked.sheet).toMatchObject({
      headerRow: 2,
      guessed: ['area', 'code', 'title', 'maxScore', 'selfScore'],
      problems: [],
      keptAside: [{ column: 4, header: 'Điểm tự chấm', role: 'selfScore' }],
      areas: [
        { name: 'Chỉ đạo điều hành', code: '1' },
        { name: 'Thể chế', code: '2' },
      ],
    });
    expect(checked.totals).toMatchObject({ rows: 5, invalid: 0 });
    expect(
      checked.nodes!.map((n) => [n.code, n.parentCode, n.maxScore, n.rule?.type ?? null]),
    ).toEqual([
      ['1', null, 350, null],
      ['1.1', '1', 200, 'manual'],
      ['1.2', '1', 150, 'manual'],
      ['2', null, 300, null],
      ['2.1', '2', 300, 'manual'],
    ]);
    expect(checked.nodes![1]!.rule).toEqual({ type: 'manual', min: 0, max: 200, step: 1 });
    expect(checked.rows.filter((r) => r.created).map((r) => r.values.title)).toEqual([
      'Chỉ đạo điều hành',
      'Thể chế',
    ]);
    expect(checked.totalRow).toMatchObject({ value: 650, computed: 650, matches: true });
    expect(checked.view).toMatchObject({ valid: true, totalMax: 650 });
  });

  it("names the sheet's own column when a maximum is not a number", async () => {
    const checked = await check(provincial('Chỉ đạo,1,Kế hoạch,hai điểm,'), 'tinh.csv');
    expect(checked.rows.find((r) => !r.created)!.errors).toEqual([
      {
        field: 'maxScore',
        message:
          'Cột «Điểm chuẩn»: «hai điểm» không phải là số hợp lệ (tối đa hai chữ số thập phân, ví dụ 14,5).',
      },
    ]);
    expect(checked.nodes).toBeNull();
  });

  it('reads the sheet under the mapping the admin chose instead of the guess', async () => {
    const checked = await readCriteriaFile(provincial('Chỉ đạo,1,Kế hoạch,2,2'), 'tinh.csv', {
      roles: [null, 'code', 'title', 'maxScore', null],
      defaultRule: 'boolean',
    });
    const result = checkCriteriaFile(checked);
    expect(result.sheet!.mapping).toEqual({
      roles: [null, 'code', 'title', 'maxScore', null],
      defaultRule: 'boolean',
      areaCodes: {},
    });
    expect(result.nodes!.map((n) => [n.code, n.rule?.type])).toEqual([['1', 'boolean']]);
    expect(result.sheet!.keptAside).toEqual([]);
  });
});
