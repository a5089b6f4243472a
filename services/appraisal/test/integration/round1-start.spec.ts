/**
 * The start of appraisal round 1 against the real stack: the admin's phase change asks the
 * appraisal service first and is refused, with nothing written, while an entry has no appraiser,
 * an entry has two, or a late unit has no decision; it is allowed once all are resolved. The
 * scheduler holds a period whose round 1 is due until then, and moves it on the pass after.
 * Counts are worked out by hand: each unit has 4 appraised leaves (1.1, 1.2, 2.1, 2.2; 2.3 is a
 * survey leaf).
 */
import { randomUUID } from 'node:crypto';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  DAY,
  HOUR,
  at,
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  phaseReached,
  phasesFrom,
} from '../../../assessment/test/integration/self-assessment-support';

const users = {
  admin: roles.admin,
  law: { roles: ['appraisal'], unit: 'STP' },
  finance: { roles: ['appraisal'], unit: 'STC' },
};

let portal: Portal<keyof typeof users>;
const suffix = randomUUID().slice(0, 5).toUpperCase();
const GROUP = `VG${suffix}`;
const A = `VA${suffix}`;
const B = `VB${suffix}`;
let setId: string;

const admin = () => portal.tokens.admin;
const period = async (id: string) =>
  (await call(`/periods/${id}`, { token: admin() })).body as {
    currentPhase: string;
    version: number;
  };
const advance = async (id: string) =>
  call(`/periods/${id}/advance`, {
    method: 'POST',
    token: admin(),
    body: { version: (await period(id)).version },
  });
async function assign(
  periodId: string,
  who: keyof typeof users,
  criterionCodes: string[],
  unitCodes: string[],
): Promise<{ id: string; version: number }> {
  const res = await call(`/appraisal/periods/${periodId}/assignments`, {
    method: 'POST',
    token: admin(),
    body: {
      appraiserIds: [portal.users[who].id],
      criterionCodes,
      units: { kind: 'units', unitCodes },
    },
  });
  if (res.status !== 201) throw new Error(`assignment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function decide(periodId: string, unitCode: string): Promise<void> {
  const res = await call(`/appraisal/periods/${periodId}/late-units/${unitCode}`, {
    method: 'PUT',
    token: admin(),
    body: {
      decision: 'appraiseSavedData',
      reason: 'Thẩm định trên dữ liệu đã lưu',
      version: 0,
    },
  });
  if (res.status !== 200) throw new Error(`decision: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  portal = await openPortal({
    apps: ['accounts', 'assessment', 'appraisal', 'gateway'],
    users,
    routes: ['accounts', 'assessment'],
  });
  await createUnit(admin(), A, GROUP);
  await createUnit(admin(), B, GROUP);
  setId = await createSelfAssessmentSet(admin(), {
    indexCode: 'PAR',
    year: 2026,
    unitGroup: GROUP,
  });
}, 240_000);

afterAll(async () => {
  await portal?.close();
});

describe("the admin's move into round 1", () => {
  let periodId: string;

  beforeAll(async () => {
    // Self-assessment ended an hour ago with nothing submitted (A and B are late); round 1 is
    // planned for tomorrow, so only the admin's move can open it.
    const created = await createPeriod(admin(), {
      indexCode: 'PAR',
      year: 2026,
      name: `Mở vòng 1 ${suffix}`,
      criteriaSets: [{ unitGroup: GROUP, criteriaSetId: setId }],
      phases: [
        { phase: 'setup', startsAt: at(-3 * DAY), endsAt: at(-2 * DAY) },
        { phase: 'selfAssessment', startsAt: at(-2 * DAY), endsAt: at(-HOUR) },
        { phase: 'appraisalRound1', startsAt: at(DAY), endsAt: at(2 * DAY) },
        { phase: 'clarification', startsAt: at(2 * DAY), endsAt: at(3 * DAY) },
        { phase: 'appraisalRound2', startsAt: at(3 * DAY), endsAt: at(4 * DAY) },
        { phase: 'consolidation', startsAt: at(4 * DAY), endsAt: at(5 * DAY) },
        { phase: 'published', startsAt: at(5 * DAY), endsAt: null },
      ],
    });
    periodId = created.id;
    await phaseReached(admin(), periodId, 'selfAssessment');
    await eventually(
      async () =>
        (await call(`/appraisal/periods/${periodId}/coverage`, { token: admin() })).status === 200,
      30_000,
      'the gateway routing to the appraisal service',
    );
  }, 60_000);

  /** A refused move: 409, the message, and the period as it was. */
  async function refused(): Promise<string> {
    const before = await period(periodId);
    const res = await advance(periodId);
    expect([res.status, res.body.error.code]).toEqual([409, 'E_CONFLICT']);
    expect(await period(periodId)).toMatchObject({
      currentPhase: 'selfAssessment',
      version: before.version,
    });
    expect(res.body.error.message).toContain('Phân công thẩm định');
    return res.body.error.message as string;
  }

  it('refuses it with gaps and undecided late units, counting both', async () => {
    const message = await refused();
    // 2 units × 4 leaves, none assigned.
    expect(message).toContain('8 tiêu chí của các đơn vị chưa có người thẩm định');
    expect(message).toContain(`2 đơn vị không nộp đúng hạn chưa được quyết định (${A}, ${B})`);
    expect(message).not.toContain('hơn một người');
  });

  let extra: { id: string; version: number };

  it('refuses it with an overlap, naming no gap', async () => {
    await assign(periodId, 'law', ['1'], [A, B]);
    await assign(periodId, 'finance', ['2'], [A]);
    // Law on area 2 of A as well as B: A's 2.1 and 2.2 have two appraisers.
    extra = await assign(periodId, 'law', ['2'], [A, B]);
    const message = await refused();
    expect(message).toContain('2 tiêu chí có hơn một người thẩm định');
    expect(message).not.toContain('chưa có người thẩm định');
  });

  it('refuses it while one late unit is undecided, naming that unit only', async () => {
    const fixed = await call(`/appraisal/assignments/${extra.id}`, {
      method: 'PUT',
      token: admin(),
      body: {
        appraiserIds: [portal.users.law.id],
        criterionCodes: ['2'],
        units: { kind: 'units', unitCodes: [B] },
        version: extra.version,
      },
    });
    expect(fixed.status).toBe(200);
    await decide(periodId, A);
    const message = await refused();
    expect(message).toContain(`1 đơn vị không nộp đúng hạn chưa được quyết định (${B})`);
    expect(message).not.toContain('tiêu chí');
  });

  it('opens round 1 once every entry has one appraiser and every late unit a decision', async () => {
    await decide(periodId, B);
    const res = await advance(periodId);
    expect([res.status, res.body.currentPhase]).toEqual([200, 'appraisalRound1']);
  });
});

describe("the scheduler's move into round 1", () => {
  it('holds a period due for round 1 until it is resolved, then moves it on', async () => {
    // Round 1 started an hour ago by the plan; nothing is assigned, A and B are late.
    const { id: periodId } = await createPeriod(admin(), {
      indexCode: 'PAR',
      year: 2026,
      name: `Vòng 1 theo lịch ${suffix}`,
      criteriaSets: [{ unitGroup: GROUP, criteriaSetId: setId }],
      phases: phasesFrom(-DAY - HOUR, DAY),
    });
    // The pass that opened self-assessment went on to round 1 and was held (one move: version 1).
    await phaseReached(admin(), periodId, 'selfAssessment');
    await eventually(
      async () =>
        (await call(`/appraisal/periods/${periodId}/coverage`, { token: admin() })).status === 200,
      30_000,
      'the gateway routing to the appraisal service',
    );
    await assign(periodId, 'law', ['1'], [A, B]);
    await assign(periodId, 'finance', ['2'], [A, B]);
    await decide(periodId, A);
    // B still undecided: the passes since it entered self-assessment left it there, unmoved.
    expect(await period(periodId)).toMatchObject({ currentPhase: 'selfAssessment', version: 1 });
    await decide(periodId, B);
    await phaseReached(admin(), periodId, 'appraisalRound1');
    expect((await period(periodId)).version).toBe(2);
  }, 90_000);
});
