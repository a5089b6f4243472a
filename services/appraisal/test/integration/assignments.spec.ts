/**
 * Appraiser assignments against the real stack: the admin assigns, sees coverage reach zero
 * gaps, imports and exports a sheet, decides a late unit (audited); appraisers, officers and a
 * forged caller on the bus are refused. Expectations are computed by hand in each test.
 */
import { randomUUID } from 'node:crypto';
import { ServiceBroker } from 'moleculer';
import { natsCredentials } from '../../../../deploy/local/apps/apps.ts';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  DAY,
  HOUR,
  createPeriod,
  createSelfAssessmentSet,
  phaseReached,
  phasesFrom,
} from '../../../assessment/test/integration/self-assessment-support';

const users = {
  admin: roles.admin,
  lawAppraiser: { roles: ['appraisal'], unit: 'STP' },
  financeAppraiser: { roles: ['appraisal'], unit: 'STC' },
  officer: roles.officer,
};

let portal: Portal<keyof typeof users>;
const suffix = randomUUID().slice(0, 5).toUpperCase();
const group = `AS${suffix}`;
const code = (name: string) => `${name}${suffix}`;
let periodId: string;
let latePeriodId: string;

async function createUnit(
  admin: string,
  unitCode: string,
  unitGroup: string | null,
  parentId?: string,
) {
  const res = await call('/units', {
    method: 'POST',
    token: admin,
    body: { code: unitCode, name: `Đơn vị ${unitCode}`, kind: 'department', unitGroup, parentId },
  });
  if (res.status !== 201)
    throw new Error(`unit ${unitCode}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

const assignments = () => `/appraisal/periods/${periodId}/assignments`;

beforeAll(async () => {
  portal = await openPortal({
    apps: ['accounts', 'assessment', 'appraisal', 'gateway'],
    users,
    routes: ['accounts', 'assessment'],
  });
  const admin = portal.tokens.admin;
  // P (not taking part) is the parent of A and B; C stands alone. Each unit of the group
  // has 4 appraised leaves (1.1, 1.2, 2.1, 2.2; 2.3 is a survey leaf): 12 entries.
  const parent = await createUnit(admin, code('P'), null);
  await createUnit(admin, code('A'), group, parent);
  await createUnit(admin, code('B'), group, parent);
  await createUnit(admin, code('C'), group);
  const setId = await createSelfAssessmentSet(admin, {
    indexCode: 'PAR',
    year: 2026,
    unitGroup: group,
  });
  const period = await createPeriod(admin, {
    indexCode: 'PAR',
    year: 2026,
    name: `Phân công ${suffix}`,
    criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
    phases: phasesFrom(-HOUR, 2 * DAY),
  });
  periodId = period.id;
  // Self-assessment ended an hour ago: every unit that did not submit is late.
  const late = await createPeriod(admin, {
    indexCode: 'PAR',
    year: 2026,
    name: `Đơn vị nộp muộn ${suffix}`,
    criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
    phases: phasesFrom(-DAY - HOUR, DAY),
  });
  latePeriodId = late.id;
  await phaseReached(admin, periodId, 'selfAssessment');
  // Its round 1 is due, but the scheduler holds it: nothing is assigned and no late unit decided.
  await phaseReached(admin, latePeriodId, 'selfAssessment');
  await eventually(
    async () => (await call(assignments(), { token: admin })).status === 200,
    30_000,
    'the gateway routing to the appraisal service',
  );
}, 240_000);

afterAll(async () => {
  await portal?.close();
});

describe('assignments and coverage', () => {
  let subtreeId: string;
  let explicitId: string;
  let explicitVersion: number;

  it('shows every entry as a gap before anything is assigned', async () => {
    const res = await call(`/appraisal/periods/${periodId}/coverage`, {
      token: portal.tokens.admin,
    });
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ units: 3, entries: 12, covered: 0, gaps: 12, overlaps: 0 });
  });

  it('refuses an appraiser without the appraisal role and a unit outside the period, naming the fields', async () => {
    const res = await call(assignments(), {
      method: 'POST',
      token: portal.tokens.admin,
      body: {
        appraiserIds: [portal.users.officer.id],
        criterionCodes: ['1'],
        units: { kind: 'units', unitCodes: ['KHONGCO'] },
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'appraiserIds',
      'units',
    ]);
    expect(res.body.error.message).toMatch(/không phải tài khoản thẩm định/);
    const list = await call(assignments(), { token: portal.tokens.admin });
    expect(list.body.total).toBe(0);
  });

  it('finds the overlap of a subtree and an explicit assignment and the gaps they leave', async () => {
    const admin = portal.tokens.admin;
    const subtree = await call(assignments(), {
      method: 'POST',
      token: admin,
      body: {
        name: 'Tổ pháp chế',
        appraiserIds: [portal.users.lawAppraiser.id],
        criterionCodes: ['1'],
        units: { kind: 'subtree', rootCode: code('P') },
      },
    });
    expect(subtree.status).toBe(201);
    // A and B under P, area 1's two leaves each.
    expect(subtree.body).toMatchObject({ unitCodes: [code('A'), code('B')], entryCount: 4 });
    subtreeId = subtree.body.id;
    const explicit = await call(assignments(), {
      method: 'POST',
      token: admin,
      body: {
        name: 'Hội đồng tài chính',
        appraiserIds: [portal.users.financeAppraiser.id, portal.users.lawAppraiser.id],
        criterionCodes: ['1.1', '2'],
        units: { kind: 'units', unitCodes: [code('A'), code('C')] },
      },
    });
    expect(explicit.status).toBe(201);
    expect(explicit.body.entryCount).toBe(6); // (1.1, 2.1, 2.2) × (A, C)
    explicitId = explicit.body.id;
    explicitVersion = explicit.body.version;
    // By hand:   1.1     1.2   2.1   2.2
    //   A        S + E   S     E     E
    //   B        S       S     —     —
    //   C        E       —     E     E
    const coverage = await call(`/appraisal/periods/${periodId}/coverage`, { token: admin });
    expect(coverage.body.totals).toEqual({
      units: 3,
      entries: 12,
      covered: 8,
      gaps: 3,
      overlaps: 1,
    });
    expect(coverage.body.overlaps).toEqual([
      { unitCode: code('A'), criterionCode: '1.1', assignmentIds: [subtreeId, explicitId] },
    ]);
    expect(
      coverage.body.gaps.map(
        (g: { unitCode: string; criterionCode: string }) => `${g.unitCode} ${g.criterionCode}`,
      ),
    ).toEqual([`${code('B')} 2.1`, `${code('B')} 2.2`, `${code('C')} 1.2`]);
  });

  it('filters the list by appraiser, criterion and unit', async () => {
    const admin = portal.tokens.admin;
    const ids = async (query: string) =>
      (await call(`${assignments()}?${query}`, { token: admin })).body.items.map(
        (a: { id: string }) => a.id,
      );
    expect(await ids(`appraiserId=${portal.users.financeAppraiser.id}`)).toEqual([explicitId]);
    expect(await ids('criterionCode=1.2')).toEqual([subtreeId]);
    expect(await ids(`unitCode=${code('B')}`)).toEqual([subtreeId]);
  });

  it('refuses a stale edit with 409 and reaches zero gaps once the assignments are fixed', async () => {
    const admin = portal.tokens.admin;
    const body = {
      name: 'Hội đồng tài chính',
      appraiserIds: [portal.users.financeAppraiser.id],
      criterionCodes: ['2'],
      units: { kind: 'units', unitCodes: [code('A'), code('B')] },
    };
    const fixed = await call(`/appraisal/assignments/${explicitId}`, {
      method: 'PUT',
      token: admin,
      body: { ...body, version: explicitVersion },
    });
    expect(fixed.status).toBe(200);
    const stale = await call(`/appraisal/assignments/${explicitId}`, {
      method: 'PUT',
      token: admin,
      body: { ...body, version: explicitVersion },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(explicitVersion + 1);
    const forC = await call(assignments(), {
      method: 'POST',
      token: admin,
      body: {
        appraiserIds: [portal.users.lawAppraiser.id],
        criterionCodes: ['1', '2'],
        units: { kind: 'units', unitCodes: [code('C')] },
      },
    });
    expect(forC.status).toBe(201);
    const coverage = await call(`/appraisal/periods/${periodId}/coverage`, { token: admin });
    expect(coverage.body.totals).toEqual({
      units: 3,
      entries: 12,
      covered: 12,
      gaps: 0,
      overlaps: 0,
    });
    const audit = await call(`/appraisal/periods/${periodId}/audit`, { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'assignment.created',
      'assignment.updated',
      'assignment.created',
      'assignment.created',
    ]);
  });

  it('exports a sheet that previews back without an error, and refuses a sheet with one, writing nothing', async () => {
    const admin = portal.tokens.admin;
    const exported = await call(`${assignments()}/export?format=csv`, { token: admin });
    expect(exported.status).toBe(200);
    expect(exported.body.count).toBe(3);
    const preview = await call(`${assignments()}/import/preview`, {
      method: 'POST',
      token: admin,
      body: { fileName: 'phan-cong.csv', contentBase64: exported.body.contentBase64 },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.totals).toEqual({ rows: 3, valid: 3, invalid: 0, errors: 0 });

    const sheet = [
      'Tên tổ/hội đồng,Người thẩm định,Lĩnh vực/tiêu chí,Mã đơn vị,Nhóm đơn vị,Đơn vị cấp trên',
      `Tổ 1,${portal.users.lawAppraiser.username},1,${code('C')},,`,
      `Tổ 2,khong.ton.tai,2,,${group},`,
    ].join('\n');
    const bad = { fileName: 'loi.csv', contentBase64: Buffer.from(sheet).toString('base64') };
    const badPreview = await call(`${assignments()}/import/preview`, {
      method: 'POST',
      token: admin,
      body: bad,
    });
    expect(badPreview.body.totals).toEqual({ rows: 2, valid: 1, invalid: 1, errors: 1 });
    expect(badPreview.body.rows[1].errors[0].message).toBe(
      'Dòng 3, cột «Người thẩm định»: «khong.ton.tai» không phải tài khoản thẩm định đang hoạt động (cần vai trò thẩm định). Hãy chọn người khác hoặc cấp vai trò ở mục Tài khoản.',
    );
    const commit = await call(`${assignments()}/import`, {
      method: 'POST',
      token: admin,
      body: bad,
    });
    expect(commit.status).toBe(422);
    const list = await call(assignments(), { token: admin });
    expect(list.body.total).toBe(3);
  });
});

describe('defaults from the criteria appraising units', () => {
  it("suggests each appraising unit's appraisers for the nodes all its own, which then cover without overlap", async () => {
    const admin = portal.tokens.admin;
    const defaultsGroup = `${group}D`;
    await createUnit(admin, code('D'), defaultsGroup);
    const leaf = (nodeCode: string, parentCode: string, appraiserUnitCode: string | null) => ({
      code: nodeCode,
      parentCode,
      title: `Tiêu chí ${nodeCode}`,
      maxScore: 100,
      rule: { type: 'manual', max: 100, step: 25 },
      evidence: { min: 0, max: 1 },
      appraiserUnitCode,
    });
    const set = await call('/criteria-sets', {
      method: 'POST',
      token: admin,
      body: {
        indexCode: 'PAR',
        year: 2026,
        unitGroup: defaultsGroup,
        name: `Bộ tiêu chí mặc định ${suffix}`,
        nodes: [
          { code: '1', title: 'Pháp chế', maxScore: 200, appraiserUnitCode: 'STP' },
          leaf('1.1', '1', null),
          leaf('1.2', '1', 'STC'),
          { code: '2', title: 'Khác', maxScore: 100 },
          leaf('2.1', '2', null),
        ],
      },
    });
    expect(set.status).toBe(201);
    const period = await createPeriod(admin, {
      indexCode: 'PAR',
      year: 2026,
      name: `Mặc định ${suffix}`,
      criteriaSets: [{ unitGroup: defaultsGroup, criteriaSetId: set.body.id }],
      phases: phasesFrom(DAY),
    });
    const base = `/appraisal/periods/${period.id}`;
    const suggested = await call(`${base}/assignments/suggestions`, { token: admin });
    expect(suggested.status).toBe(200);
    // By hand: 1.1 → STP (its parent), 1.2 → STC (its own), 2.1 → nobody.
    const byUnit = Object.fromEntries(
      suggested.body.items.map((item: { appraiserUnitCode: string; input: unknown }) => [
        item.appraiserUnitCode,
        item.input,
      ]),
    );
    expect(byUnit).toEqual({
      STC: expect.objectContaining({
        criterionCodes: ['1.2'],
        units: { kind: 'group', unitGroup: defaultsGroup },
        appraiserIds: expect.arrayContaining([portal.users.financeAppraiser.id]),
      }),
      STP: expect.objectContaining({
        criterionCodes: ['1.1'],
        units: { kind: 'group', unitGroup: defaultsGroup },
        appraiserIds: expect.arrayContaining([portal.users.lawAppraiser.id]),
      }),
    });
    for (const input of Object.values(byUnit)) {
      const created = await call(`${base}/assignments`, {
        method: 'POST',
        token: admin,
        body: input,
      });
      expect(created.status).toBe(201);
    }
    const coverage = await call(`${base}/coverage`, { token: admin });
    expect(coverage.body.totals).toEqual({
      units: 1,
      entries: 3,
      covered: 2,
      gaps: 1,
      overlaps: 0,
    });
    expect(coverage.body.gaps).toEqual([
      { unitCode: code('D'), criterionCode: '2.1', assignmentIds: [] },
    ]);
  });
});

describe('late units', () => {
  it('records the admin decision on a late unit with its reason, audited, and refuses one without', async () => {
    const admin = portal.tokens.admin;
    const base = `/appraisal/periods/${latePeriodId}/late-units`;
    const before = await call(base, { token: admin });
    expect(
      before.body.items.map((u: { unitCode: string; late: boolean }) => [u.unitCode, u.late]),
    ).toEqual([
      [code('A'), true],
      [code('B'), true],
      [code('C'), true],
    ]);
    const noReason = await call(`${base}/${code('A')}`, {
      method: 'PUT',
      token: admin,
      body: { decision: 'scoreZero', reason: ' ' },
    });
    expect(noReason.status).toBe(422);
    const decided = await call(`${base}/${code('A')}`, {
      method: 'PUT',
      token: admin,
      body: { decision: 'scoreZero', reason: 'Không nộp, không có văn bản giải trình', version: 0 },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ decision: { decision: 'scoreZero' }, version: 1 });
    const again = await call(`${base}/${code('A')}`, {
      method: 'PUT',
      token: admin,
      body: { decision: 'appraiseSavedData', reason: 'Đổi ý theo chỉ đạo', version: 0 },
    });
    expect(again.status).toBe(409);
    const audit = await call(`/appraisal/periods/${latePeriodId}/audit`, { token: admin });
    expect(audit.body.items[0]).toMatchObject({
      action: 'lateUnit.decided',
      target: `lateUnit:${latePeriodId}/${code('A')}`,
      actor: { id: portal.users.admin.id },
      after: { decision: 'scoreZero', reason: 'Không nộp, không có văn bản giải trình' },
    });
    // In the open period nobody is late yet.
    const early = await call(`/appraisal/periods/${periodId}/late-units/${code('A')}`, {
      method: 'PUT',
      token: admin,
      body: { decision: 'scoreZero', reason: 'Chưa đến hạn mà quyết định' },
    });
    expect(early.status).toBe(409);
  });
});

describe('who may call', () => {
  const routes = () => [
    ['GET', `/appraisal/periods/${periodId}/assignments`],
    ['POST', `/appraisal/periods/${periodId}/assignments`],
    ['GET', `/appraisal/periods/${periodId}/coverage`],
    ['GET', `/appraisal/periods/${periodId}/late-units`],
    ['PUT', `/appraisal/periods/${periodId}/late-units/X`],
    ['GET', `/appraisal/periods/${periodId}/assignments/export`],
    ['GET', `/appraisal/periods/${periodId}/audit`],
  ];

  it('refuses appraisers and unit officers with 403 and no token with 401', async () => {
    for (const [method, path] of routes()) {
      for (const who of ['lawAppraiser', 'officer'] as const) {
        const res = await call(path!, {
          method,
          token: portal.tokens[who],
          body: method === 'GET' ? undefined : {},
        });
        expect({ path, who, status: res.status }).toEqual({ path, who, status: 403 });
      }
      const anonymous = await call(path!, { method, body: method === 'GET' ? undefined : {} });
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
    }
  });

  it('answers the round-1 check on the bus for a verified admin, and 401 for a forged one', async () => {
    const bus = new ServiceBroker({
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      nodeID: `assignments-bus-${randomUUID().slice(0, 8)}`,
      transporter: { type: 'NATS', options: natsCredentials('tests') },
      logger: false,
    });
    await bus.start();
    try {
      await bus.waitForServices(['appraisal'], 30_000);
      const forged = { id: randomUUID(), username: 'mallory', roles: ['admin'], unit: null };
      const refused = await bus
        .call('appraisal.checkRound1Start', { periodId }, { meta: { user: forged } })
        .then(
          () => undefined,
          (e: { type?: string }) => e.type,
        );
      expect(refused).toBe('E_UNAUTHENTICATED');
      const appraiser = await bus
        .call(
          'appraisal.checkRound1Start',
          { periodId },
          { meta: { token: portal.tokens.lawAppraiser } },
        )
        .then(
          () => undefined,
          (e: { type?: string }) => e.type,
        );
      expect(appraiser).toBe('E_FORBIDDEN');
      // The late period: nothing assigned (12 gaps), A decided, B and C not.
      const late = await bus.call(
        'appraisal.checkRound1Start',
        { periodId: latePeriodId },
        {
          meta: { token: portal.tokens.admin },
        },
      );
      expect(late).toEqual({
        periodId: latePeriodId,
        ready: false,
        gaps: 12,
        overlaps: 0,
        undecidedLateUnits: [code('B'), code('C')],
      });
      const open = await bus.call(
        'appraisal.checkRound1Start',
        { periodId },
        {
          meta: { token: portal.tokens.admin },
        },
      );
      expect(open).toEqual({ periodId, ready: true, gaps: 0, overlaps: 0, undecidedLateUnits: [] });
    } finally {
      await bus.stop();
    }
  });
});
