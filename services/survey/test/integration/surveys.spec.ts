/**
 * A survey campaign on the real stack (gateway, accounts, assessment, survey; Keycloak, NATS,
 * the local database): citizens answer without login, a device answers once per unit, bad,
 * oversized and flooding answers are refused with nothing written, surveyors' paper forms are
 * entered once, and closing the campaign fills the units' survey criteria, a second close
 * replacing the first results. Every expected figure is worked out by hand in the comments.
 */
import { randomUUID } from 'node:crypto';
import { readXlsxTable } from '@par/sheets';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { openPeriod, twoLeafSet } from '../../../../test/support/open-period';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const GROUP = `SV${suffix}`;
const A = `A${suffix}`;
const B = `B${suffix}`;

/** The two-leaf set plus area 8: 8.1 (3 points) from the index, 8.2 (2 points) from access. */
const nodes = [
  ...twoLeafSet,
  { code: '8', title: 'Sự hài lòng của người dân', maxScore: 500 },
  {
    code: '8.1',
    parentCode: '8',
    title: 'Chỉ số hài lòng về sự phục vụ hành chính',
    maxScore: 300,
    rule: { type: 'survey' as const, source: 'SIPAS' },
    evidence: { min: 0, max: 0 },
  },
  {
    code: '8.2',
    parentCode: '8',
    title: 'Hài lòng về tiếp cận dịch vụ',
    maxScore: 200,
    rule: { type: 'survey' as const, source: 'SIPAS' },
    evidence: { min: 0, max: 0 },
  },
];

const questionnaire = {
  title: 'Phiếu khảo sát sự hài lòng (SIPAS)',
  introduction: 'Xin ông/bà dành ít phút trả lời.',
  sections: [
    {
      key: 'tiepCan',
      title: 'Tiếp cận dịch vụ',
      aspect: 'access',
      questions: [{ key: 'a1', type: 'scale', label: 'Hài lòng về nơi tiếp nhận', required: true }],
    },
    {
      key: 'congChuc',
      title: 'Công chức giải quyết công việc',
      aspect: 'civilServant',
      questions: [
        { key: 'c1', type: 'scale', label: 'Hài lòng về công chức', required: true },
        {
          key: 'c2',
          type: 'singleChoice',
          label: 'Công chức có hướng dẫn đầy đủ không?',
          required: true,
          options: [
            { key: 'co', label: 'Có' },
            { key: 'khong', label: 'Không' },
          ],
        },
        {
          key: 'c3',
          type: 'longText',
          label: 'Điều gì chưa được hướng dẫn?',
          maxLength: 300,
          showIf: { question: 'c2', anyOf: ['khong'] },
        },
      ],
    },
  ],
};

const HTML = '<b>Chờ lâu</b><script>alert(1)</script>';

describe('a survey campaign, from answers without login to the units’ survey criteria', () => {
  let portal: Portal<'admin' | 'officer'> | undefined;
  let admin: string;
  let periodId: string;
  let campaignId: string;
  let version: number;

  const publicPath = (unit: string) => `/public/surveys/${campaignId}/units/${unit}`;
  const answer = (unit: string, deviceToken: string, answers: unknown, extra = {}) =>
    call(`${publicPath(unit)}/responses`, {
      method: 'POST',
      body: { deviceToken, answers, ...extra },
    });
  const device = () => randomUUID();
  const responseCount = async () =>
    (await call(`/survey/campaigns/${campaignId}`, { token: admin })).body.responseCount as number;
  const transition = async (to: 'open' | 'close') => {
    const res = await call(`/survey/campaigns/${campaignId}/${to}`, {
      method: 'POST',
      token: admin,
      body: { version },
    });
    expect({ to, status: res.status }).toEqual({ to, status: 200 });
    version = res.body.version;
    return res.body;
  };
  const surveyScores = async (unit: string) => {
    const res = await call(`/self-assessment/periods/${periodId}?unitCode=${unit}`, {
      token: admin,
    });
    const entries = res.body.entries as Array<{ criterionCode: string; score: number | null }>;
    return Object.fromEntries(
      entries
        .filter((e) => e.criterionCode.startsWith('8.'))
        .map((e) => [e.criterionCode, e.score]),
    );
  };

  /**
   * The scores the ranking service holds for the period's survey criteria 8.1 of A and B, as its
   * survey import's preview shows them (each row's `replaces`): what a consolidation would take.
   */
  const rankingSurveyScores = async () => {
    const sheet = Buffer.from(`Mã đơn vị,Mã tiêu chí,Điểm\r\n${A},8.1,0\r\n${B},8.1,0\r\n`);
    const res = await call(`/ranking/periods/${periodId}/survey-results/import/preview`, {
      method: 'POST',
      token: admin,
      body: { fileName: 'xem.csv', contentBase64: sheet.toString('base64') },
    });
    if (res.status !== 200) return null;
    const [a, b] = res.body.rows as Array<{ replaces: number | null }>;
    return { [A]: a!.replaces, [B]: b!.replaces };
  };

  // Same device token in A and B: one answer per device per campaign *and unit*.
  const shared = device();

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'survey', 'ranking'],
      users: { admin: roles.admin, officer: { roles: ['data-entry'], unit: A } },
      routes: ['accounts', 'assessment'],
    });
    admin = portal.tokens.admin;
    ({ periodId } = await openPeriod({
      token: admin,
      unitGroup: GROUP,
      units: [A, B],
      name: `Đợt khảo sát ${suffix}`,
      nodes,
    }));
    await eventually(
      async () => (await call('/survey/questionnaires', { token: admin })).status === 200,
      30_000,
      'the gateway routing to the survey service',
    );
    const created = await call('/survey/questionnaires', {
      method: 'POST',
      token: admin,
      body: { definition: questionnaire },
    });
    expect(created.status).toBe(201);
    const published = await call(`/survey/questionnaires/${created.body.id}/versions`, {
      method: 'POST',
      token: admin,
      body: { version: created.body.version },
    });
    expect(published.status).toBe(201);
    const campaign = await call('/survey/campaigns', {
      method: 'POST',
      token: admin,
      body: {
        periodId,
        name: `Khảo sát SIPAS ${suffix}`,
        questionnaireId: created.body.id,
        questionnaireVersion: published.body.number,
        // 1,000 dossiers at 5 %: ⌈1000 ÷ 3.5⌉ = 286.
        units: [
          { unitCode: A, population: 1000 },
          { unitCode: B.toLowerCase(), sampleSize: 30 },
        ],
        index: {
          satisfiedFrom: 4,
          aspectWeights: [
            { sectionKey: 'tiepCan', weight: 1 },
            { sectionKey: 'congChuc', weight: 3 },
          ],
        },
        criteria: [
          { criterionCode: '8.1', sectionKey: null },
          { criterionCode: '8.2', sectionKey: 'tiepCan' },
        ],
      },
    });
    expect({ status: campaign.status, body: campaign.body }).toMatchObject({ status: 201 });
    expect(campaign.body.units).toEqual([
      expect.objectContaining({ unitCode: A, sampleSize: 286, sampleSizeComputed: true }),
      expect.objectContaining({ unitCode: B, sampleSize: 30, sampleSizeComputed: false }),
    ]);
    campaignId = campaign.body.id;
    version = campaign.body.version;
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('shows no draft campaign to the public', async () => {
    const res = await call(publicPath(A));
    expect({ status: res.status, code: res.body.error.code }).toEqual({
      status: 404,
      code: 'E_NOT_FOUND',
    });
  });

  it('takes answers without login once the campaign is open', async () => {
    await transition('open');
    const form = await call(publicPath(A));
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ unitCode: A, accepting: true, status: 'open' });
    expect(form.body.questionnaire.sections).toHaveLength(2);
    expect((await call('/public/surveys')).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ campaignId })]),
    );

    for (const [token, answers] of [
      [shared, { a1: 5, c1: 4, c2: 'co' }],
      [device(), { a1: 2, c1: 5, c2: 'khong', c3: HTML }],
      [device(), { a1: 4, c1: 1, c2: 'co' }],
    ] as const) {
      const res = await answer(A, token, answers);
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    }
    expect((await answer(B, shared, { a1: 5, c1: 5, c2: 'co' })).status).toBe(201);
    expect(await responseCount()).toBe(4);
  });

  it('refuses a second answer from the same device for the same unit, writing nothing', async () => {
    const res = await answer(A, shared, { a1: 1, c1: 1, c2: 'co' });
    expect({ status: res.status, code: res.body.error.code }).toEqual({
      status: 409,
      code: 'E_CONFLICT',
    });
    expect(res.body.error.message).toContain('Thiết bị này đã gửi phiếu');
    expect(await responseCount()).toBe(4);
  });

  it('refuses malformed, hidden, out-of-range and oversized answers, naming each, writing nothing', async () => {
    const bad = await answer(A, device(), { a1: 7, c2: 'co', c3: 'x', q9: 1 });
    expect(bad.status).toBe(422);
    expect(
      (bad.body.error.fields as Array<{ field: string; message: string }>).map((f) => f.field),
    ).toEqual(['answers.q9', 'answers.a1', 'answers.c1', 'answers.c3']);
    expect(bad.body.error.fields[0].message).toContain('không có trong phiếu');

    const noToken = await answer(A, 'short', { a1: 5, c1: 5, c2: 'co' });
    expect({ status: noToken.status, field: noToken.body.error.field }).toEqual({
      status: 422,
      field: 'deviceToken',
    });
    const tooLong = await answer(A, device(), { a1: 5, c1: 5, c2: 'khong', c3: 'x'.repeat(301) });
    expect(tooLong.body.error.fields[0].message).toContain('301 ký tự, vượt quá 300');
    const huge = await answer(A, device(), { a1: 5, c1: 5, c2: 'khong', c3: 'x'.repeat(70_000) });
    expect({ status: huge.status, code: huge.body.error.code }).toEqual({
      status: 413,
      code: 'E_PAYLOAD_TOO_LARGE',
    });
    const notJson = await call(`${publicPath(A)}/responses`, {
      method: 'POST',
      body: '{"deviceToken": ',
    });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
    const unknownUnit = await answer('KHONGCO', device(), { a1: 5, c1: 5, c2: 'co' });
    expect(unknownUnit.status).toBe(404);
    expect(await responseCount()).toBe(4);
  });

  it('enters a paper form once: a resend is replayed, other answers under its id are refused', async () => {
    const enter = (answers: unknown, token = admin) =>
      call(`/survey/campaigns/${campaignId}/units/${A}/paper-responses`, {
        method: 'POST',
        token,
        body: { paperId: 'P-001', answers },
      });
    const first = await enter({ a1: 3, c1: 4, c2: 'co' });
    expect({ status: first.status, replayed: first.body.replayed }).toEqual({
      status: 200,
      replayed: false,
    });
    const again = await enter({ c2: 'co', c1: 4, a1: 3 });
    expect({ status: again.status, replayed: again.body.replayed, id: again.body.id }).toEqual({
      status: 200,
      replayed: true,
      id: first.body.id,
    });
    const other = await enter({ a1: 5, c1: 4, c2: 'co' });
    expect({ status: other.status, field: other.body.error.field }).toEqual({
      status: 409,
      field: 'paperId',
    });
    expect((await enter({ a1: 3, c1: 4, c2: 'co' }, portal!.tokens.officer)).status).toBe(403);
    expect(await responseCount()).toBe(5);
  });

  it('gives the results per unit, aspect and question, and keeps HTML as text in the export', async () => {
    const res = await call(`/survey/campaigns/${campaignId}/results`, { token: admin });
    expect(res.status).toBe(200);
    const unitA = (res.body.units as Array<{ unitCode: string }>).find((u) => u.unitCode === A);
    // A: access 5, 2, 4, 3 → 2 of 4 satisfied = 50.00 %; civil servant 4, 5, 1, 4 → 3 of 4 =
    // 75.00 %; index (1 × 50.00 + 3 × 75.00) ÷ 4 = 68.75 %.
    expect(unitA).toMatchObject({
      responses: 4,
      online: 3,
      paper: 1,
      sampleSize: 286,
      index: 6875,
      aspects: [
        { sectionKey: 'tiepCan', scaleAnswers: 4, satisfied: 2, share: 5000, weight: 1 },
        { sectionKey: 'congChuc', scaleAnswers: 4, satisfied: 3, share: 7500, weight: 3 },
      ],
    });
    const c2 = (
      unitA as unknown as { questions: Array<{ key: string; options?: unknown }> }
    ).questions.find((q) => q.key === 'c2');
    // «Có» 3 of 4 = 75.00 %, «Không» 1 of 4 = 25.00 %.
    expect(c2?.options).toEqual([
      { key: 'co', label: 'Có', count: 3, share: 7500 },
      { key: 'khong', label: 'Không', count: 1, share: 2500 },
    ]);

    const exported = await call(`/survey/campaigns/${campaignId}/export?kind=answers`, {
      token: admin,
    });
    expect(exported.body.count).toBe(5);
    const rows = await readXlsxTable(Buffer.from(exported.body.contentBase64, 'base64'));
    expect(rows.flat()).toContain(HTML);
  });

  it('refuses answers once closed, and fills each unit’s survey criteria from its results', async () => {
    const closed = await transition('close');
    expect({ status: closed.status, resultsSent: closed.resultsSent }).toEqual({
      status: 'closed',
      resultsSent: 1,
    });
    // A code of its own, not the 409 of a second answer, so the page needs no text to tell them
    // apart; even the device that answered A already is told the survey is over.
    const late = await answer(B, device(), { a1: 5, c1: 5, c2: 'co' });
    const lateAgain = await answer(A, shared, { a1: 5, c1: 5, c2: 'co' });
    for (const refused of [late, lateAgain]) {
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({
        status: 403,
        code: 'E_DEADLINE_PASSED',
      });
      expect(refused.body.error.message).toContain('không nhận thêm phiếu');
    }

    // B: one answer, 5 and 5: 100 % everywhere, 3 and 2 points.
    await eventually(
      async () => (await surveyScores(B))['8.1'] === 300,
      30_000,
      'the results reaching the assessment service',
    );
    expect(await surveyScores(B)).toEqual({ '8.1': 300, '8.2': 200 });
    // A: index 68.75 % of 3 points = 2.0625 → 2.06; access 50.00 % of 2 points = 1.
    expect(await surveyScores(A)).toEqual({ '8.1': 206, '8.2': 100 });
    // The ranking service takes the same results for the period's consolidation.
    await eventually(
      async () => (await rankingSurveyScores())?.[B] === 300,
      30_000,
      'the results reaching the ranking service',
    );
    expect(await rankingSurveyScores()).toEqual({ [A]: 206, [B]: 300 });
  });

  it('replaces the criteria’s values when results are sent again, never adding them up', async () => {
    await transition('open');
    // One more paper form for B: a1 1, c1 1 → B's access 1 of 2 = 50.00 %, civil servant
    // 1 of 2 = 50.00 %, index 50.00 % → 8.1 = 1.5 points, 8.2 = 1 point (not 3 + 1.5).
    const paper = await call(`/survey/campaigns/${campaignId}/units/${B}/paper-responses`, {
      method: 'POST',
      token: admin,
      body: { paperId: 'P-002', answers: { a1: 1, c1: 1, c2: 'co' } },
    });
    expect(paper.status).toBe(200);
    const closed = await transition('close');
    expect(closed.resultsSent).toBe(2);
    await eventually(
      async () => (await surveyScores(B))['8.1'] === 150,
      30_000,
      'the second results reaching the assessment service',
    );
    expect(await surveyScores(B)).toEqual({ '8.1': 150, '8.2': 100 });
    await eventually(
      async () => (await rankingSurveyScores())?.[B] === 150,
      30_000,
      'the second results reaching the ranking service',
    );
    expect(await rankingSurveyScores()).toEqual({ [A]: 206, [B]: 150 });
  });

  it('limits a flood of answers from one address, writing nothing it refuses', async () => {
    const before = await responseCount();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => answer(A, device(), { a1: 4, c1: 4, c2: 'co' })),
    );
    const limited = answers.filter((res) => res.status === 429);
    // The campaign is closed: those let through by the limit are refused by the service.
    const closed = answers.filter((res) => res.status === 403);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.error.code).toBe('E_RATE_LIMITED');
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(closed.length + limited.length).toBe(30);
    expect(await responseCount()).toBe(before);
  });
});
