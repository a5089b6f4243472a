/**
 * The ranking's exports against the real stack: a published version built by hand in the
 * ranking database (two groups, a change against last year, a survey leaf, a leaf without a
 * score), over a real period whose units A and C submitted their self-assessments (B did not),
 * exported as Excel (read back with the sheet reader, cell by cell) and as the council's PDF
 * (first page rendered by pdftoppm, its text read by pdftotext).
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { readXlsxTable } from '@par/sheets';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { pdfFirstPagePng, pdfText } from '../../../../test/support/pdf-text';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import {
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  DAY,
  fillAndSubmit,
  HOUR,
  phaseReached,
  phasesFrom,
} from '../../../assessment/test/integration/self-assessment-support';

const suffix = randomUUID().slice(0, 5).toUpperCase();
const G1 = `XG${suffix}`;
const G2 = `XH${suffix}`;
const INDEX = `XI${suffix}`;
const [A, B, C] = ['XA', 'XB', 'XC'].map((p) => `${p}${suffix}`) as [string, string, string];
const name = (code: string) => `Sở thử nghiệm ${code}`;

const users = {
  admin: { roles: ['admin'] },
  leaderA: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: A },
  leaderC: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: C },
};
type Who = keyof typeof users;

let portal: Portal<Who>;
let periodId: string;
let db: Connection;
const t = (who: Who) => portal.tokens[who];
const base = () => `/ranking/periods/${periodId}`;

/** A row of the hand-built table: areas 1 and 2 of 3 points each, set total 6. */
function row(
  unitCode: string,
  unitGroup: string,
  rank: number,
  [area1, area2]: [number, number],
  band: string,
  change: number | null,
  leaves: Array<[string, number, 'appraisal' | 'survey']>,
) {
  const total = area1 + area2;
  const subIndex = (score: number) => Math.round((score * 10_000) / 300);
  return {
    unitCode,
    unitName: name(unitCode),
    unitGroup,
    rank,
    tied: false,
    decidedByTieBreak: false,
    total,
    max: 600,
    index: Math.round((total * 10_000) / 600),
    band,
    areas: [
      { code: '1', score: area1, max: 300, subIndex: subIndex(area1) },
      { code: '2', score: area2, max: 300, subIndex: subIndex(area2) },
    ],
    previous: change === null ? null : { unitCodes: [unitCode], index: 0 },
    change,
    leaves: leaves.map(([code, score, source]) => ({
      code,
      score,
      from:
        source === 'survey'
          ? { source, importId: 'import-1' }
          : { source, entryId: `${unitCode}/${code}`, entryVersion: 1 },
    })),
  };
}

/** The draft (version 1) and its publication (number 1), written as the service writes them. */
async function writePublishedTable(setIds: { g1: string; g2: string }) {
  const rows = [
    // By hand: A 1.5 + 1 | 1.5 + 1 + 0.5 (survey) = 5.5 of 6 → 91.67 %, last year 89.17 %.
    row(A, G1, 1, [250, 300], 'A', 250, [
      ['1.1', 150, 'appraisal'],
      ['1.2', 100, 'appraisal'],
      ['2.1', 150, 'appraisal'],
      ['2.2', 100, 'appraisal'],
      ['2.3', 50, 'survey'],
    ]),
    // B 1 + 1 | 0.5 + 0.5 + 0.25 = 3.25 → 54.17 %, no result last year.
    row(B, G1, 2, [200, 125], 'D', null, [
      ['1.1', 100, 'appraisal'],
      ['1.2', 100, 'appraisal'],
      ['2.1', 50, 'appraisal'],
      ['2.2', 50, 'appraisal'],
      ['2.3', 25, 'survey'],
    ]),
    // C 2 + 1 | 1.5 + 0, survey 2.3 never imported = 4.5 → 75 %, down 1.25 points.
    row(C, G2, 1, [300, 150], 'C', -125, [
      ['1.1', 200, 'appraisal'],
      ['1.2', 100, 'appraisal'],
      ['2.1', 150, 'appraisal'],
      ['2.2', 0, 'appraisal'],
    ]),
  ];
  await db.collection('consolidationRows').insertMany(
    rows.map((r, order) => ({
      _id: `${periodId}:1:${r.unitCode}`,
      periodId,
      version: 1,
      order,
      row: r,
    })) as never[],
  );
  const group = (unitGroup: string, id: string) => ({
    unitGroup,
    criteriaSet: { id, version: 1 },
    totalMax: 600,
    areas: [
      { code: '1', max: 300 },
      { code: '2', max: 300 },
    ],
  });
  const by = { id: 'admin-id', username: 'admin' };
  await db.collection('consolidations').insertOne({
    _id: `${periodId}:1`,
    periodId,
    indexCode: INDEX,
    year: 2026,
    version: 1,
    status: 'draft',
    createdAt: new Date('2026-11-30T02:00:00Z'),
    createdBy: by,
    bands: [],
    tieBreakAreaCodes: [],
    groups: [group(G1, setIds.g1), group(G2, setIds.g2)],
    blockers: [],
    excludedUnits: [],
    decisionsVersion: 0,
    undecided: 0,
    provenance: {
      criteriaSets: [],
      appraisalEntries: 14,
      surveyImports: ['import-1'],
      linkedRefs: [],
      previousPeriodId: null,
      inputDigest: 'hand-built',
    },
  } as never);
  await db.collection('publications').insertOne({
    _id: `${periodId}:1`,
    periodId,
    indexCode: INDEX,
    year: 2026,
    number: 1,
    consolidationVersion: 1,
    reason: '',
    // 10:00 in Vietnam.
    publishedAt: new Date('2026-12-01T03:00:00Z'),
    publishedBy: by,
  } as never);
}

beforeAll(async () => {
  portal = await openPortal({
    apps: ['accounts', 'assessment', 'evidence', 'ranking', 'gateway'],
    users,
    routes: ['accounts', 'assessment', 'evidence'],
  });
  const admin = t('admin');
  for (const unit of [A, B]) await createUnit(admin, unit, G1);
  await createUnit(admin, C, G2);
  const g1 = await createSelfAssessmentSet(admin, { indexCode: INDEX, year: 2026, unitGroup: G1 });
  const g2 = await createSelfAssessmentSet(admin, { indexCode: INDEX, year: 2026, unitGroup: G2 });
  ({ id: periodId } = await createPeriod(admin, {
    indexCode: INDEX,
    year: 2026,
    name: `Xuất báo cáo ${suffix}`,
    criteriaSets: [
      { unitGroup: G1, criteriaSetId: g1 },
      { unitGroup: G2, criteriaSetId: g2 },
    ],
    phases: phasesFrom(-HOUR, 2 * DAY),
  }));
  await phaseReached(admin, periodId, 'selfAssessment');
  // A and C self-score 1.5, 1, 1.5, 1 and submit; B never writes a score.
  await fillAndSubmit(t('leaderA'), periodId);
  await fillAndSubmit(t('leaderC'), periodId);
  db = await mongoose
    .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'ranking' })
    .asPromise();
  await writePublishedTable({ g1, g2 });
  await eventually(
    async () => (await call(`${base()}/publications`, { token: admin })).status === 200,
    30_000,
    'the gateway routing to the ranking service',
  );
}, 300_000);

afterAll(async () => {
  await db?.close();
  await portal?.close();
});

async function download(path: string, who: Who = 'admin') {
  const res = await call(path, { token: t(who) });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, bytes: Buffer.from(res.body.contentBase64, 'base64') } as {
    fileName: string;
    mimeType: string;
    bytes: Buffer;
  };
}

describe('the Excel export', () => {
  it('writes the ranking per group, the scores per area and each criterion with its source', async () => {
    const file = await download(`${base()}/publications/1/export?format=xlsx`);
    expect(file.fileName).toBe(`ket-qua-${INDEX.toLowerCase()}-2026-cong-bo-1.xlsx`);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    expect(await readXlsxTable(file.bytes)).toEqual([
      [
        'Nhóm',
        'Hạng',
        'Mã đơn vị',
        'Đơn vị',
        'Tổng điểm',
        'Điểm tối đa',
        'Chỉ số (%)',
        'Xếp loại',
        'Thay đổi so với năm trước (điểm %)',
      ],
      [G1, '1', A, name(A), '5.5', '6', '91.67', 'A', '2.5'],
      [G1, '2', B, name(B), '3.25', '6', '54.17', 'D', ''],
      [G2, '1', C, name(C), '4.5', '6', '75', 'C', '-1.25'],
    ]);

    const areas = await readXlsxTable(file.bytes, undefined, {}, 1);
    expect(areas[0]).toEqual([
      'Nhóm',
      'Mã đơn vị',
      'Đơn vị',
      'Mã lĩnh vực',
      'Lĩnh vực',
      'Điểm',
      'Điểm tối đa',
      'Chỉ số thành phần (%)',
    ]);
    expect(areas.slice(1)).toEqual([
      [G1, A, name(A), '1', 'Công tác chỉ đạo, điều hành', '2.5', '3', '83.33'],
      [G1, A, name(A), '2', 'Thủ tục hành chính', '3', '3', '100'],
      [G1, B, name(B), '1', 'Công tác chỉ đạo, điều hành', '2', '3', '66.67'],
      [G1, B, name(B), '2', 'Thủ tục hành chính', '1.25', '3', '41.67'],
      [G2, C, name(C), '1', 'Công tác chỉ đạo, điều hành', '3', '3', '100'],
      [G2, C, name(C), '2', 'Thủ tục hành chính', '1.5', '3', '50'],
    ]);

    const criteria = await readXlsxTable(file.bytes, undefined, {}, 2);
    expect(criteria[0]).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Mã tiêu chí',
      'Tiêu chí',
      'Điểm tự chấm',
      'Điểm cuối cùng',
      'Nguồn điểm',
    ]);
    // Five leaves per unit, in the set's order; self scores from the units' own entries.
    expect(criteria).toHaveLength(1 + 15);
    expect(criteria.slice(1, 6)).toEqual([
      [A, name(A), '1.1', 'Ban hành kế hoạch cải cách hành chính năm', '1.5', '1.5', 'Thẩm định'],
      [A, name(A), '1.2', 'Báo cáo định kỳ đúng hạn', '1', '1', 'Thẩm định'],
      [A, name(A), '2.1', 'Công khai thủ tục hành chính', '1.5', '1.5', 'Thẩm định'],
      [A, name(A), '2.2', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '1', '1', 'Thẩm định'],
      [A, name(A), '2.3', 'Mức độ hài lòng của người dân', '', '0.5', 'Điều tra xã hội học'],
    ]);
    // B wrote no score of its own.
    expect(criteria[6]).toEqual([
      B,
      name(B),
      '1.1',
      'Ban hành kế hoạch cải cách hành chính năm',
      '',
      '1',
      'Thẩm định',
    ]);
    // C's survey leaf has no final score.
    expect(criteria[14]).toEqual([
      C,
      name(C),
      '2.2',
      'Tỷ lệ hồ sơ giải quyết đúng hạn',
      '1',
      '0',
      'Thẩm định',
    ]);
    expect(criteria[15]).toEqual([
      C,
      name(C),
      '2.3',
      'Mức độ hài lòng của người dân',
      '',
      '',
      'Chưa có điểm',
    ]);
  });

  it('exports the draft too, named after its version', async () => {
    const file = await download(`${base()}/consolidation/export?format=xlsx`);
    expect(file.fileName).toBe(`ket-qua-${INDEX.toLowerCase()}-2026-du-thao-1.xlsx`);
    expect((await readXlsxTable(file.bytes))[1]).toEqual([
      G1,
      '1',
      A,
      name(A),
      '5.5',
      '6',
      '91.67',
      'A',
      '2.5',
    ]);
  });
});

describe('the PDF report', () => {
  it('renders the first page and prints the title, period, tables, chart and signatures in Vietnamese', async () => {
    const file = await download(`${base()}/publications/1/export?format=pdf`);
    expect(file.fileName).toBe(`ket-qua-${INDEX.toLowerCase()}-2026-cong-bo-1.pdf`);
    expect(file.mimeType).toBe('application/pdf');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // A4 landscape: 841.89 × 595.28 points, a pixel each at 72 dpi (rounded up).
    const page = pdfFirstPagePng(file.bytes);
    expect(page.png.subarray(1, 4).toString()).toBe('PNG');
    expect([page.width, page.height]).toEqual([842, 596]);

    const text = pdfText(file.bytes, { pages: 1, layout: true }).replace(/\s+/g, ' ');
    for (const expected of [
      'BÁO CÁO KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH',
      `Chỉ số ${INDEX} năm 2026`,
      `Kỳ đánh giá: Xuất báo cáo ${suffix}`,
      'Bản công bố số 1 (công bố lúc 01/12/2026 10:00)',
      `Nhóm ${G1}: 2 đơn vị, điểm tối đa 6`,
      `1 ${A} ${name(A)} 5,5 91,67 % A +2,5`,
      `2 ${B} ${name(B)} 3,25 54,17 % D —`,
      `1 ${C} ${name(C)} 4,5 75 % C -1,25`,
      `Biểu đồ chỉ số nhóm ${G1} (%)`,
      `Biểu đồ chỉ số nhóm ${G2} (%)`,
      'NGƯỜI LẬP BIỂU',
      'GIÁM ĐỐC SỞ NỘI VỤ',
      '(Ký, ghi rõ họ tên, đóng dấu)',
    ])
      expect(text).toContain(expected);
  });
});

describe('refusals', () => {
  it('names a publication that does not exist, refuses an unknown format and anyone but the admin', async () => {
    const missing = await call(`${base()}/publications/7/export?format=pdf`, { token: t('admin') });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'Đợt đánh giá này không có lần công bố số 7. Hãy chọn một lần công bố trong danh sách.',
    );
    const format = await call(`${base()}/publications/1/export?format=docx`, { token: t('admin') });
    expect(format.status).toBe(422);
    expect(format.body.error.fields[0]).toMatchObject({
      field: 'format',
      message: 'Định dạng tệp xuất chưa đúng. Hãy chọn Excel (xlsx) hoặc PDF (pdf).',
    });
    const officer = await call(`${base()}/publications/1/export?format=pdf`, {
      token: t('leaderA'),
    });
    expect(officer.status).toBe(403);
  });
});
