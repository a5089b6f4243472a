/**
 * Assessment periods through the gateway with real Keycloak tokens, a real database and the
 * assessment service as its own process on NATS: the rules refuse bad periods and writes
 * nothing, the scheduler moves phases (across a restart, with the durable event delivered
 * once), the trial is wiped, the progress board counts entries, and only admins may call.
 */
import { randomUUID } from 'node:crypto';
import { Middleware as ChannelsMiddleware } from '@moleculer/channels';
import { ServiceBroker, type Middleware } from 'moleculer';
import mongoose, { type Connection } from 'mongoose';
import { periodActions, type PeriodPhaseChanged } from '@par/contracts';
import {
  appDefinition,
  startApp,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { clockPasses, eventually } from '../../../../test/support/eventually';
import {
  openPortal,
  roles,
  waitForRoute,
  type Portal,
} from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';
import { testChannelsAdapter } from '../../../../test/support/nats';
import { serviceAccountOf } from '../../../../test/support/keycloak';
import { selfAssessmentModel } from '../../src/models/self-assessment.model';
import { countEntries, storeEntry } from './entries-support';
import { createCriteriaSetForTest } from './periods-support';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const SO = `SO${suffix}`;
const XA = `XA${suffix}`;
const YEAR = 2026;
const INDEX = 'PAR';

/** Wall-clock ISO time, `ms` from now. */
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Phases with set-up ending `setupEndsIn` ms from now, then a day per phase. */
function phasesFrom(setupEndsIn: number, withTrial = false) {
  const names = [
    'setup',
    ...(withTrial ? ['trial'] : []),
    'selfAssessment',
    'appraisalRound1',
    'clarification',
    'appraisalRound2',
    'consolidation',
    'published',
  ];
  return names.map((phase, i) => {
    const start = i === 0 ? setupEndsIn - DAY : setupEndsIn + (i - 1) * DAY;
    const end = setupEndsIn + i * DAY;
    return { phase, startsAt: at(start), endsAt: phase === 'published' ? null : at(end) };
  });
}

describe('assessment periods', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser'> | undefined;
  // Started on its own, because the tests stop and restart it.
  let assessment: RunningApp | undefined;
  let db: Connection;
  let admin: string;
  let officer: string;
  let appraiser: string;
  let sets: { so: string; xa: string };
  let consumer: ServiceBroker;
  const received: PeriodPhaseChanged[] = [];

  const createUnit = async (code: string, unitGroup: string) => {
    const res = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code, name: `Đơn vị ${code}`, kind: 'department', unitGroup },
    });
    expect(res.status).toBe(201);
  };

  const periodBody = (over: Record<string, unknown> = {}) => ({
    indexCode: INDEX,
    year: YEAR,
    name: `Đánh giá CCHC ${YEAR} ${suffix}`,
    criteriaSets: [
      { unitGroup: SO, criteriaSetId: sets.so },
      { unitGroup: XA, criteriaSetId: sets.xa },
    ],
    phases: phasesFrom(DAY),
    ...over,
  });

  const createPeriod = async (over: Record<string, unknown> = {}) => {
    const res = await call('/periods', { method: 'POST', token: admin, body: periodBody(over) });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; currentPhase: string };
  };

  const countPeriods = () => db.collection('periods').countDocuments({});

  const phaseOf = async (id: string) =>
    (await call(`/periods/${id}`, { token: admin })).body.currentPhase as string;

  beforeAll(async () => {
    // A fast clock, so phase starts are seen within a second.
    process.env.PAR_PERIOD_SCHEDULER_INTERVAL_MS = '500';
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: {
        admin: roles.admin,
        officer: { roles: ['data-entry'], unit: `U1${suffix}` },
        appraiser: { roles: ['appraisal'] },
      },
      routes: ['accounts'],
    });
    ({ admin, officer, appraiser } = portal.tokens);
    assessment = await startApp(appDefinition('assessment'));
    await waitForRoute.assessment(admin);
    await createUnit(`U1${suffix}`, SO);
    await createUnit(`U2${suffix}`, SO);
    await createUnit(`X1${suffix}`, XA);
    sets = {
      so: await createCriteriaSetForTest(admin, { indexCode: INDEX, year: YEAR, unitGroup: SO }),
      xa: await createCriteriaSetForTest(admin, { indexCode: INDEX, year: YEAR, unitGroup: XA }),
    };
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();

    // A consumer like ranking's: its own durable group, subscribed before any move; as the
    // local stack's `tests` NATS user (no service consumes this stream yet).
    consumer = new ServiceBroker({
      // The channels adapter prefixes subjects with the namespace, as in the services.
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      logger: false,
      transporter: null,
      middlewares: [
        ChannelsMiddleware({
          adapter: testChannelsAdapter(),
        } as unknown as Parameters<typeof ChannelsMiddleware>[0]) as unknown as Middleware,
      ],
    });
    consumer.createService({
      name: 'phaseWatcher',
      channels: {
        'assessment.period.phaseChanged': {
          group: `test-periods-${suffix}`,
          handler(payload: PeriodPhaseChanged) {
            received.push(payload);
          },
        },
      },
    } as never);
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await stopApps(assessment ? [assessment] : []);
    await portal?.close();
    await db?.close();
  });

  it('creates a period with every unit of the chosen groups, in set-up, times in UTC', async () => {
    const res = await call('/periods', {
      method: 'POST',
      token: admin,
      body: periodBody({
        phases: phasesFrom(DAY).map((p, i) =>
          i === 0 ? { ...p, startsAt: '2026-01-05T08:00' } : p,
        ),
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ currentPhase: 'setup', version: 0, indexCode: INDEX });
    expect(res.body.units.map((u: { code: string }) => u.code).sort()).toEqual(
      [`U1${suffix}`, `U2${suffix}`, `X1${suffix}`].sort(),
    );
    expect(res.body.phases[0].startsAt).toBe('2026-01-05T01:00:00.000Z');

    // Listed under its index, and under no other.
    const ofIndex = await call(`/periods?indexCode=${INDEX}&limit=500`, { token: admin });
    expect(ofIndex.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
    expect(new Set(ofIndex.body.items.map((p: { indexCode: string }) => p.indexCode))).toEqual(
      new Set([INDEX]),
    );
    const other = await call(`/periods?indexCode=KHAC${suffix}`, { token: admin });
    expect([other.status, other.body.total]).toEqual([200, 0]);
  });

  it('refuses backwards and overlapping phases, naming the field, and writes nothing', async () => {
    const before = await countPeriods();
    const phases = phasesFrom(DAY);
    phases[2] = { ...phases[2]!, endsAt: phases[2]!.startsAt }; // appraisal round 1 ends as it starts
    phases[3] = { ...phases[3]!, startsAt: at(DAY + HOUR) }; // clarification inside self-assessment
    const res = await call('/periods', {
      method: 'POST',
      token: admin,
      body: periodBody({ phases }),
    });
    expect(res.status).toBe(422);
    const fields = res.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['phases.2.endsAt', 'phases.3.startsAt']));
    expect(
      res.body.error.fields.find((f: { field: string }) => f.field === 'phases.3.startsAt').message,
    ).toMatch(/Giải trình.*chồng lên nhau/);
    expect(await countPeriods()).toBe(before);
  });

  it('refuses a participating group without a set, naming it, and writes nothing', async () => {
    const before = await countPeriods();
    const res = await call('/periods', {
      method: 'POST',
      token: admin,
      body: periodBody({
        criteriaSets: [
          { unitGroup: SO, criteriaSetId: sets.so },
          { unitGroup: XA, criteriaSetId: null },
        ],
      }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toMatchObject({ field: 'criteriaSets.1.criteriaSetId' });
    expect(res.body.error.fields[0].message).toContain(`Nhóm đơn vị «${XA}»`);
    const wrongGroup = await call('/periods', {
      method: 'POST',
      token: admin,
      body: periodBody({
        criteriaSets: [
          { unitGroup: SO, criteriaSetId: sets.so },
          { unitGroup: XA, criteriaSetId: sets.so },
        ],
      }),
    });
    expect(wrongGroup.status).toBe(422);
    expect(wrongGroup.body.error.fields[0]).toMatchObject({
      field: 'criteriaSets.1.criteriaSetId',
    });
    const chosenUnit = await call('/periods', {
      method: 'POST',
      token: admin,
      body: periodBody({
        criteriaSets: [{ unitGroup: SO, criteriaSetId: sets.so }],
        unitCodes: [`U1${suffix}`, `X1${suffix}`],
      }),
    });
    expect(chosenUnit.status).toBe(422);
    expect(chosenUnit.body.error.fields[0]).toMatchObject({ field: 'unitCodes.1' });
    expect(await countPeriods()).toBe(before);
  });

  it('extends one unit’s deadline within the period, audited, and refuses one outside it', async () => {
    const period = await createPeriod();
    const outside = await call(`/periods/${period.id}/extensions`, {
      method: 'POST',
      token: admin,
      body: {
        unitCode: `U1${suffix}`,
        phase: 'selfAssessment',
        endsAt: at(30 * DAY),
        reason: 'Đơn vị mới sáp nhập',
      },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.fields[0]).toMatchObject({ field: 'endsAt' });
    expect(outside.body.error.message).toMatch(/trước khi công bố kết quả/);
    const unchanged = await call(`/periods/${period.id}`, { token: admin });
    expect(unchanged.body).toMatchObject({ version: period.version, extensions: [] });

    const endsAt = at(2 * DAY + 6 * HOUR);
    const ok = await call(`/periods/${period.id}/extensions`, {
      method: 'POST',
      token: admin,
      body: {
        unitCode: `u1${suffix}`,
        phase: 'selfAssessment',
        endsAt,
        reason: 'Đơn vị mới sáp nhập',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.extensions).toEqual([
      expect.objectContaining({ unitCode: `U1${suffix}`, phase: 'selfAssessment', endsAt }),
    ]);
    const extended = () =>
      db
        .collection('auditEntries')
        .findOne({ target: `period:${period.id}`, action: 'period.deadlineExtended' });
    await eventually(async () => (await extended()) !== null, 10_000, 'the audit entry');
    const audit = await extended();
    expect(audit).toMatchObject({
      before: expect.objectContaining({ unitCode: `U1${suffix}` }),
      after: expect.objectContaining({ endsAt, reason: 'Đơn vị mới sáp nhập' }),
    });

    // A correction made later wins, though it ends earlier; the audit shows what it replaced.
    const corrected = at(2 * DAY + 2 * HOUR);
    const again = await call(`/periods/${period.id}/extensions`, {
      method: 'POST',
      token: admin,
      body: {
        unitCode: `U1${suffix}`,
        phase: 'selfAssessment',
        endsAt: corrected,
        reason: 'Sửa hạn',
      },
    });
    expect(again.status).toBe(200);
    expect(again.body.extensions).toEqual([
      expect.objectContaining({ unitCode: `U1${suffix}`, endsAt: corrected, reason: 'Sửa hạn' }),
    ]);
    const correction = await db
      .collection('auditEntries')
      .findOne({ target: `period:${period.id}`, 'after.reason': 'Sửa hạn' });
    expect(correction).toMatchObject({
      before: expect.objectContaining({ endsAt }),
      after: expect.objectContaining({ endsAt: corrected }),
    });
  });

  it('takes the units active in its year, with that year’s names and parents', async () => {
    const group = `LC${suffix}`;
    const set = await createCriteriaSetForTest(admin, {
      indexCode: INDEX,
      year: YEAR,
      unitGroup: group,
    });
    const make = async (code: string, over: Record<string, unknown> = {}) => {
      const body = { code, name: `Đơn vị ${code}`, kind: 'department', unitGroup: group, ...over };
      const res = await call('/units', { method: 'POST', token: admin, body });
      expect(res.status).toBe(201);
      return res.body as { id: string; version: number };
    };
    const ok = (res: { status: number; body: unknown }) =>
      expect([res.status, res.body]).toEqual([200, expect.anything()]);
    const parentA = await make(`PA${suffix}`, { unitGroup: null });
    const parentB = await make(`PB${suffix}`, { unitGroup: null });
    const kept = await make(`K${suffix}`, { parentId: parentA.id });
    const renamed = await make(`R${suffix}`);
    const merged = [await make(`M1${suffix}`), await make(`M2${suffix}`)];
    const ended = await make(`D${suffix}`);
    // From the year after the period's, K moves under PB and R takes a new name.
    ok(
      await call(`/units/${kept.id}`, {
        method: 'PUT',
        token: admin,
        body: {
          version: kept.version,
          name: `Đơn vị K${suffix}`,
          kind: 'department',
          parentId: parentB.id,
          unitGroup: group,
          parentFromYear: YEAR + 1,
        },
      }),
    );
    ok(
      await call(`/units/${renamed.id}/rename`, {
        method: 'POST',
        token: admin,
        body: { version: renamed.version, year: YEAR + 1, name: 'Tên từ năm sau' },
      }),
    );
    // Before the period's year, M1 and M2 were merged into a new unit and D was ended.
    const merge = await call('/units/merge', {
      method: 'POST',
      token: admin,
      body: {
        sources: merged.map((u) => ({ id: u.id, version: u.version })),
        year: YEAR,
        into: {
          mode: 'new',
          unit: {
            code: `MN${suffix}`,
            name: 'Đơn vị sáp nhập',
            kind: 'department',
            unitGroup: group,
          },
        },
      },
    });
    expect(merge.status).toBe(200);
    ok(
      await call(`/units/${ended.id}/deactivation`, {
        method: 'POST',
        token: admin,
        body: { version: ended.version, lastYear: YEAR - 1, reason: 'Giải thể' },
      }),
    );

    const period = (await createPeriod({
      name: `Đợt theo năm ${suffix}`,
      criteriaSets: [{ unitGroup: group, criteriaSetId: set }],
    })) as unknown as { units: Array<{ code: string }> };
    expect([...period.units].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: `K${suffix}`, name: `Đơn vị K${suffix}`, parentId: parentA.id, unitGroup: group },
      { code: `MN${suffix}`, name: 'Đơn vị sáp nhập', parentId: null, unitGroup: group },
      { code: `R${suffix}`, name: `Đơn vị R${suffix}`, parentId: null, unitGroup: group },
    ]);
  });

  it('lets the admin change a period in set-up only, refusing a stale version', async () => {
    const period = await createPeriod();
    const renamed = await call(`/periods/${period.id}`, {
      method: 'PUT',
      token: admin,
      body: periodBody({ id: period.id, version: period.version, name: `Đợt đổi tên ${suffix}` }),
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: `Đợt đổi tên ${suffix}`, version: 1 });
    const stale = await call(`/periods/${period.id}`, {
      method: 'PUT',
      token: admin,
      body: periodBody({ id: period.id, version: period.version }),
    });
    expect(stale.status).toBe(409);
    // The 409 carries the period as it is now, so the page can show both.
    expect(stale.body.error.current).toMatchObject({
      id: period.id,
      name: `Đợt đổi tên ${suffix}`,
      version: 1,
    });
    await call(`/periods/${period.id}/advance`, {
      method: 'POST',
      token: admin,
      body: { version: 1 },
    });
    const late = await call(`/periods/${period.id}`, {
      method: 'PUT',
      token: admin,
      body: periodBody({ id: period.id, version: 2 }),
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/giai đoạn chuẩn bị/);
    expect(late.body.error.current).toMatchObject({ currentPhase: 'selfAssessment', version: 2 });
    expect((await call(`/periods/${period.id}`, { token: admin })).body.name).toBe(
      `Đợt đổi tên ${suffix}`,
    );
  });

  it('moves to the next phase by the admin’s hand, once per version', async () => {
    const period = await createPeriod();
    const res = await call(`/periods/${period.id}/advance`, {
      method: 'POST',
      token: admin,
      body: { version: period.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.currentPhase).toBe('selfAssessment');
    const stale = await call(`/periods/${period.id}/advance`, {
      method: 'POST',
      token: admin,
      body: { version: period.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({
      currentPhase: 'selfAssessment',
      version: period.version + 1,
    });
    expect(await phaseOf(period.id)).toBe('selfAssessment');
    // Leaving set-up freezes the period's sets.
    await eventually(
      async () =>
        (await call(`/criteria-sets/${sets.so}`, { token: admin })).body.status === 'inUse',
      10_000,
      'the set in use',
    );
    await eventually(
      async () => received.some((e) => e.periodId === period.id && e.to === 'selfAssessment'),
      10_000,
      'the phase event',
    );
  });

  it('wipes what was entered during the trial when the trial ends', async () => {
    const period = await createPeriod({ phases: phasesFrom(-HOUR, true) });
    await eventually(async () => (await phaseOf(period.id)) === 'trial', 10_000, 'the trial');
    const periodId = new mongoose.Types.ObjectId(period.id);
    // The officer saves in the trial, as the page would.
    const saved = await call(`/self-assessment/periods/${period.id}/entries/1.1`, {
      method: 'PUT',
      token: officer,
      body: { version: 0, inputs: { value: 100 }, explanation: 'Thử nhập' },
    });
    expect([saved.status, saved.body.version]).toEqual([200, 1]);
    expect(await countEntries(db, period.id)).toBe(1);
    await selfAssessmentModel(db).create({ periodId, unitCode: `U1${suffix}` });
    // End the trial now: the admin moves on by hand.
    const current = await call(`/periods/${period.id}`, { token: admin });
    const moved = await call(`/periods/${period.id}/advance`, {
      method: 'POST',
      token: admin,
      body: { version: current.body.version },
    });
    expect(moved.body.currentPhase).toBe('selfAssessment');
    await eventually(
      async () => (await countEntries(db, period.id)) === 0,
      10_000,
      'the trial wipe',
    );
    expect(await selfAssessmentModel(db).countDocuments({ periodId })).toBe(0);
  });

  it('shows per unit the leaves done, evidence, deadline and submission, filtered', async () => {
    const period = await createPeriod();
    const periodId = new mongoose.Types.ObjectId(period.id);
    // The test set has two leaves, each needing a score, an explanation and one file.
    // Files are the evidence service's; none are attached here, so 1.1 explains the missing one.
    await storeEntry(db, {
      periodId: period.id,
      unitCode: `U1${suffix}`,
      areaCode: '1',
      criterionCode: '1.1',
      score: 150,
      explanation: 'Có kế hoạch',
      missingEvidenceExplanation: 'Kế hoạch đang trình ký',
    });
    await storeEntry(db, {
      periodId: period.id,
      unitCode: `U1${suffix}`,
      areaCode: '1',
      criterionCode: '1.2',
      score: 0,
      explanation: '',
      missingEvidenceExplanation: 'Báo cáo quý IV chưa đến hạn nộp',
    });
    await selfAssessmentModel(db).create({
      periodId,
      unitCode: `U2${suffix}`,
      status: 'submitted',
    });
    const res = await call(`/periods/${period.id}/progress?unitGroup=${SO}`, { token: admin });
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(
      res.body.items.map((u: { unitCode: string }) => [u.unitCode, u]),
    );
    expect(Object.keys(byCode).sort()).toEqual([`U1${suffix}`, `U2${suffix}`]);
    const stored = await call(`/periods/${period.id}`, { token: admin });
    const setupEnd = stored.body.phases.find((p: { phase: string }) => p.phase === 'setup').endsAt;
    // 1.1 is done; 1.2 lacks its explanation, its missing file being explained.
    expect(byCode[`U1${suffix}`]).toMatchObject({
      leafCount: 2,
      completedCount: 1,
      evidenceCount: 2,
      completedShare: 5000,
      evidenceShare: 10_000,
      status: 'inProgress',
      submitted: false,
      extendedUntil: null,
      // In set-up, the board's deadline is set-up's end, as stored.
      deadline: setupEnd,
    });
    expect(byCode[`U2${suffix}`]).toMatchObject({ submitted: true, status: 'submitted' });
    const submitted = await call(`/periods/${period.id}/progress?status=submitted`, {
      token: admin,
    });
    expect(submitted.body.items.map((u: { unitCode: string }) => u.unitCode)).toEqual([
      `U2${suffix}`,
    ]);
    const sheet = await call(`/periods/${period.id}/progress/export`, { token: admin });
    expect(sheet.status).toBe(200);
    expect(sheet.body.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(sheet.body.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('advances a period whose phase started while its node was down, and delivers the event once', async () => {
    const startsIn = 6_000;
    const startsAt = Date.now() + startsIn;
    const period = await createPeriod({ phases: phasesFrom(startsIn) });
    await assessment!.stop();
    assessment = undefined;
    // The start passes while no assessment node runs.
    await clockPasses(startsAt + 1_000, 'the self-assessment start');
    const stored = await db
      .collection('periods')
      .findOne({ _id: new mongoose.Types.ObjectId(period.id) });
    expect(stored?.currentPhase).toBe('setup');

    assessment = await startApp(appDefinition('assessment'));
    await eventually(
      async () => (await phaseOf(period.id)) === 'selfAssessment',
      20_000,
      'the move',
    );
    await eventually(
      async () => received.some((e) => e.periodId === period.id),
      20_000,
      'the durable event',
    );
    // Later scheduler passes, shown by a later period's move and event: still one of each.
    const later = await createPeriod({ phases: phasesFrom(0) });
    await eventually(
      async () => received.some((e) => e.periodId === later.id),
      20_000,
      "a later period's move",
    );
    const events = received.filter((e) => e.periodId === period.id);
    expect(events).toHaveLength(1);
    // The scheduler acts as the service principal `assessment`: its Keycloak service account.
    const scheduler = await serviceAccountOf('par-assessment');
    expect(events[0]).toMatchObject({ from: 'setup', to: 'selfAssessment', by: scheduler.id });
    const audit = await db
      .collection('auditEntries')
      .find({ target: `period:${period.id}`, action: 'period.phaseChanged' })
      .toArray();
    expect(audit.map((e) => ({ actor: e.actor, actorName: e.actorName }))).toEqual([
      { actor: scheduler.id, actorName: 'service-account-par-assessment' },
    ]);
  });

  it('refuses every period action to data-entry and appraisal tokens', async () => {
    const period = await createPeriod();
    for (const token of [officer, appraiser]) {
      for (const action of Object.values(periodActions).filter((a) => a.rest)) {
        const res = await call(action.rest!.path.replace(':id', period.id), {
          method: action.rest!.method,
          token,
          body: action.rest!.method === 'GET' ? undefined : { version: 0 },
        });
        expect([action.name, res.status]).toEqual([action.name, 403]);
      }
    }
    expect(await phaseOf(period.id)).toBe('setup');
  });
});
