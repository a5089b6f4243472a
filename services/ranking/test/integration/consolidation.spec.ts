/**
 * Consolidation and the survey results import against the real stack: the admin sets an index's
 * bands, imports survey results (refused whole on any error, replaced when re-sent), consolidates
 * a period into versioned drafts that list what blocks them; officers and appraisers are refused.
 * No appraiser is assigned here, so the appraisal service has no settled round-2 score: every
 * appraised leaf is a blocker and counts 0, and the expected figures below are computed by hand
 * from the survey scores alone (publication.spec.ts goes through round 2).
 */
import { randomUUID } from 'node:crypto';
import { writeSheetXlsx } from '@par/sheets';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  createUnit,
  openSelfAssessmentPeriod,
} from '../../../assessment/test/integration/self-assessment-support';

const users = { admin: roles.admin, officer: roles.officer, appraiser: roles.appraiser };
let portal: Portal<keyof typeof users>;
const suffix = randomUUID().slice(0, 5).toUpperCase();
const group = `RK${suffix}`;
const indexCode = `RK${suffix}`;
const [A, B, C] = ['A', 'B', 'C'].map((name) => `${name}${suffix}`) as [string, string, string];
let periodId: string;

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64');
const importUrl = () => `/ranking/periods/${periodId}/survey-results/import`;
const consolidations = () => `/ranking/periods/${periodId}/consolidations`;

beforeAll(async () => {
  portal = await openPortal({
    apps: ['accounts', 'assessment', 'appraisal', 'ranking', 'gateway'],
    users,
    routes: ['accounts', 'assessment'],
  });
  const admin = portal.tokens.admin;
  for (const unit of [A, B, C]) await createUnit(admin, unit, group);
  // 6 points: area 1 (1.1, 1.2) 3 points, area 2 (2.1, 2.2, 2.3) 3 points; 2.3 a survey leaf of 0.5.
  // The period's start freezes its set (a new set version): consolidations made before and after
  // it would not digest equally, so the period is opened before any.
  ({ periodId } = await openSelfAssessmentPeriod(admin, {
    indexCode,
    unitGroup: group,
    name: `Tổng hợp ${suffix}`,
  }));
  await eventually(
    async () =>
      (await call(`/ranking/indices/${indexCode}/bands`, { token: admin })).status === 200,
    30_000,
    'the gateway routing to the ranking service',
  );
}, 240_000);

afterAll(async () => {
  await portal?.close();
});

describe('band tables', () => {
  it('gives the default until one is set, refuses a table with a gap, and keeps a valid one', async () => {
    const admin = portal.tokens.admin;
    const before = await call(`/ranking/indices/${indexCode}/bands`, { token: admin });
    expect(before.body).toEqual({
      indexCode,
      configured: false,
      bands: [
        { label: 'A', minIndex: 9000 },
        { label: 'B', minIndex: 8000 },
        { label: 'C', minIndex: 7000 },
        { label: 'D', minIndex: 0 },
      ],
    });
    const gap = await call(`/ranking/indices/${indexCode}/bands`, {
      method: 'PUT',
      token: admin,
      body: { bands: [{ label: 'Tốt', minIndex: 5000 }] },
    });
    expect(gap.status).toBe(422);
    expect(gap.body.error.message).toBe(
      'Bảng xếp loại chưa hợp lệ: mức 1: Mức thấp nhất phải bắt đầu từ 0 để chỉ số nào cũng có mức: hãy ghi 0.',
    );
    const bands = [
      { label: 'Khá', minIndex: 800 },
      { label: 'Chưa đạt', minIndex: 0 },
    ];
    const set = await call(`/ranking/indices/${indexCode}/bands`, {
      method: 'PUT',
      token: admin,
      body: { bands },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ indexCode, configured: true, bands });
  });
});

describe('survey results import', () => {
  it('previews every row with its errors and imports nothing from a sheet with one', async () => {
    const admin = portal.tokens.admin;
    const body = {
      fileName: 'ket-qua-sipas.csv',
      contentBase64: csv([
        'Mã đơn vị,Mã tiêu chí,Điểm',
        `${A},2.3,"0,5"`,
        `KHONGCO${suffix},2.3,0.25`,
        `${B},1.1,1`,
        `${B},2.3,"0,75"`,
        `${C},2.3,abc`,
        `${A},2.3,0.25`,
      ]),
    };
    const preview = await call(`${importUrl()}/preview`, { method: 'POST', token: admin, body });
    expect(preview.status).toBe(200);
    expect(preview.body.sheet.mapping.roles).toEqual(['unitCode', 'criterionCode', 'score']);
    expect(preview.body.totals).toEqual({ rows: 6, valid: 1, invalid: 5, errors: 5 });
    const errorsOf = (row: number) =>
      preview.body.rows
        .find((r: { row: number }) => r.row === row)
        .errors.map((e: { message: string }) => e.message);
    expect(preview.body.rows[0]).toMatchObject({ row: 2, score: 50, replaces: null, errors: [] });
    expect(errorsOf(3)[0]).toMatch(/không tham gia đợt đánh giá này/);
    expect(errorsOf(4)[0]).toMatch(/không phải tiêu chí điều tra xã hội học/);
    expect(errorsOf(5)[0]).toMatch(/0,75 nằm ngoài khoảng 0 – 0,5/);
    expect(errorsOf(6)[0]).toMatch(/không đọc được/);
    expect(errorsOf(7)[0]).toMatch(/đã có ở dòng 2/);

    const commit = await call(importUrl(), { method: 'POST', token: admin, body });
    expect(commit.status).toBe(422);
    expect(commit.body.error.message).toMatch(/5 lỗi ở 5 dòng; chưa nhập kết quả nào/);
    // Nothing was written: a consolidation sees no survey result.
    const draft = await call(consolidations(), { method: 'POST', token: admin, body: {} });
    expect(draft.status).toBe(201);
    expect(draft.body.provenance.surveyImports).toEqual([]);
    expect(draft.body.rows.map((r: { total: number }) => r.total)).toEqual([0, 0, 0]);
  });

  it('imports a sheet whole, and a re-sent result replaces the earlier one instead of adding to it', async () => {
    const admin = portal.tokens.admin;
    const first = await call(importUrl(), {
      method: 'POST',
      token: admin,
      body: {
        fileName: 'sipas.csv',
        contentBase64: csv(['Mã đơn vị,Mã tiêu chí,Điểm', `${A},2.3,"0,5"`, `${B},2.3,0.25`]),
      },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ written: 2, replaced: 0 });
    // Again for B, as Excel, with headers the guesser must place: 0.4 replaces 0.25.
    const xlsx = await writeSheetXlsx(
      [
        { field: 'unit', header: 'Đơn vị' },
        { field: 'criterion', header: 'Tiêu chí' },
        { field: 'score', header: 'Điểm khảo sát' },
      ],
      [{ unit: B, criterion: '2.3', score: '0,4' }],
      { sheetName: 'SIPAS', width: () => 16 },
    );
    const body = { fileName: 'sipas-bo-sung.xlsx', contentBase64: xlsx.toString('base64') };
    const preview = await call(`${importUrl()}/preview`, { method: 'POST', token: admin, body });
    expect(preview.body.format).toBe('xlsx');
    expect(preview.body.rows[0]).toMatchObject({ score: 40, replaces: 25, errors: [] });
    const second = await call(importUrl(), { method: 'POST', token: admin, body });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ written: 1, replaced: 1 });
  });

  it('refuses officers and appraisers, writing nothing', async () => {
    const body = {
      fileName: 'x.csv',
      contentBase64: csv(['Mã đơn vị,Mã tiêu chí,Điểm', `${C},2.3,0.5`]),
    };
    for (const token of [portal.tokens.officer, portal.tokens.appraiser]) {
      expect((await call(importUrl(), { method: 'POST', token, body })).status).toBe(403);
      expect((await call(consolidations(), { method: 'POST', token, body: {} })).status).toBe(403);
      expect((await call(`/ranking/periods/${periodId}/consolidation`, { token })).status).toBe(
        403,
      );
    }
    expect((await call(importUrl(), { method: 'POST', body })).status).toBe(401);
  });
});

describe('consolidation', () => {
  it('makes the hand-computed draft with its blockers, the same on every run, each version kept', async () => {
    const admin = portal.tokens.admin;
    const made = await call(consolidations(), { method: 'POST', token: admin, body: {} });
    expect(made.status).toBe(201);
    // Only survey scores exist: A 0.5 of 6 points = 8.333 % → 8.33 %; B 0.4 of 6 = 6.666 % → 6.67 %;
    // C nothing. Area 2 (3 points): A 0.5/3 = 16.67 %, B 0.4/3 = 13.33 %.
    const rows = made.body.rows.map(
      (r: {
        unitCode: string;
        rank: number;
        total: number;
        index: number;
        band: string;
        areas: Array<{ subIndex: number }>;
      }) => [r.unitCode, r.rank, r.total, r.index, r.band, r.areas.map((a) => a.subIndex)],
    );
    expect(rows).toEqual([
      [A, 1, 50, 833, 'Khá', [0, 1667]],
      [B, 2, 40, 667, 'Chưa đạt', [0, 1333]],
      [C, 3, 0, 0, 'Chưa đạt', [0, 0]],
    ]);
    expect(made.body.groups).toEqual([
      {
        unitGroup: group,
        criteriaSet: { id: made.body.provenance.criteriaSets[0].id, version: expect.any(Number) },
        totalMax: 600,
        areas: [
          { code: '1', max: 300 },
          { code: '2', max: 300 },
        ],
      },
    ]);
    const appraised = ['1.1', '1.2', '2.1', '2.2'];
    expect(
      made.body.blockers.map((b: { unitCode: string; kind: string; criterionCodes: string[] }) => [
        b.unitCode,
        b.kind,
        b.criterionCodes,
      ]),
    ).toEqual([
      [A, 'notSubmitted', []],
      [A, 'notAppraised', appraised],
      [B, 'notSubmitted', []],
      [B, 'notAppraised', appraised],
      [C, 'notSubmitted', []],
      [C, 'notAppraised', appraised],
      [C, 'surveyMissing', ['2.3']],
    ]);
    expect(made.body.provenance.surveyImports).toHaveLength(2);

    const again = await call(consolidations(), { method: 'POST', token: admin, body: {} });
    expect(again.body.version).toBe(made.body.version + 1);
    expect(again.body.provenance.inputDigest).toBe(made.body.provenance.inputDigest);
    expect(again.body.rows).toEqual(made.body.rows);

    const latest = await call(`/ranking/periods/${periodId}/consolidation?unitCode=${B}`, {
      token: admin,
    });
    expect(latest.body.version).toBe(again.body.version);
    const b = latest.body.rows.find((r: { unitCode: string }) => r.unitCode === B);
    expect(b.leaves).toEqual([
      {
        code: '2.3',
        score: 40,
        from: { source: 'survey', importId: expect.any(String) },
      },
    ]);
    const older = await call(
      `/ranking/periods/${periodId}/consolidation?version=${made.body.version}`,
      { token: admin },
    );
    expect(older.body.version).toBe(made.body.version);
  });

  it('shows the tie-break it applied, and refuses an area the sets do not have', async () => {
    const admin = portal.tokens.admin;
    const bad = await call(consolidations(), {
      method: 'POST',
      token: admin,
      body: { tieBreakAreaCodes: ['9'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/Lĩnh vực «9»/);
    const ok = await call(consolidations(), {
      method: 'POST',
      token: admin,
      body: { tieBreakAreaCodes: ['2'] },
    });
    expect(ok.body.tieBreakAreaCodes).toEqual(['2']);
  });

  it('says a period was never consolidated', async () => {
    const res = await call('/ranking/periods/000000000000000000000000/consolidation', {
      token: portal.tokens.admin,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/chưa được tổng hợp/);
  });
});
