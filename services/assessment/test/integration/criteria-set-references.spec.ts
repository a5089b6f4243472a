/**
 * A criteria set chosen by a period cannot be deleted, and a period never starts without a set
 * for each participating group (issue 15): through the gateway with hand-made data, then the
 * service's own write paths racing from separate connections, as from separate nodes, where
 * exactly one of "choose the set for a period" and "delete the set" must win.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { Types, type Connection } from 'mongoose';
import { CreatePeriodParams, CriterionNodeList } from '@par/contracts';
import { appDefinition, startApp, type RunningApp } from '../../../../deploy/local/apps/apps.ts';
import { clockPasses, eventually } from '../../../../test/support/eventually';
import {
  openPortal,
  roles,
  waitForRoute,
  type Portal,
} from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';
import { racingConnections } from '../../../../test/support/racers';
import {
  createIndex,
  deleteCriteriaSet,
  insertCriteriaSet,
} from '../../src/criteria-sets/criteria-sets';
import { createPeriod } from '../../src/periods/periods';
import { createCriteriaSetForTest } from './periods-support';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const SO = `SO${suffix}`;
const XA = `XA${suffix}`;
const YEAR = 2027;
const INDEX = 'PAR';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Phases with set-up ending `setupEndsIn` ms from now, then a day per phase. */
function phasesFrom(setupEndsIn: number) {
  const names = [
    'setup',
    'selfAssessment',
    'appraisalRound1',
    'clarification',
    'appraisalRound2',
    'consolidation',
    'published',
  ];
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  return names.map((phase, i) => ({
    phase,
    startsAt: at(i === 0 ? setupEndsIn - DAY : setupEndsIn + (i - 1) * DAY),
    endsAt: phase === 'published' ? null : at(setupEndsIn + i * DAY),
  }));
}

/** Two leaves of 1.5 points under one area: a valid set. */
const validNodes = [
  { code: '1', title: 'Công tác chỉ đạo, điều hành', maxScore: 300 },
  {
    code: '1.1',
    parentCode: '1',
    title: 'Ban hành kế hoạch CCHC năm',
    maxScore: 150,
    rule: { type: 'manual' as const, max: 150, step: 25 },
  },
  {
    code: '1.2',
    parentCode: '1',
    title: 'Báo cáo CCHC định kỳ đúng hạn',
    maxScore: 150,
    rule: { type: 'boolean' as const, yesScore: 150 },
  },
];

describe('criteria sets chosen by periods, through the gateway', () => {
  let portal: Portal<'admin'> | undefined;
  let assessment: RunningApp | undefined;
  let db: Connection;
  let admin: string;

  const setFor = (unitGroup: string) =>
    createCriteriaSetForTest(admin, { indexCode: INDEX, year: YEAR, unitGroup });

  const newPeriod = async (so: string, xa: string, setupEndsIn = DAY) => {
    const res = await call('/periods', {
      method: 'POST',
      token: admin,
      body: {
        indexCode: INDEX,
        year: YEAR,
        name: `Đợt thử ${suffix} ${randomUUID().slice(0, 4)}`,
        criteriaSets: [
          { unitGroup: SO, criteriaSetId: so },
          { unitGroup: XA, criteriaSetId: xa },
        ],
        phases: phasesFrom(setupEndsIn),
      },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string; version: number };
  };

  const versionOf = async (setId: string) =>
    (await call(`/criteria-sets/${setId}`, { token: admin })).body.version as number;

  const phaseOf = async (id: string) =>
    (await call(`/periods/${id}`, { token: admin })).body.currentPhase as string;

  beforeAll(async () => {
    process.env.PAR_PERIOD_SCHEDULER_INTERVAL_MS = '500';
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: { admin: roles.admin },
      routes: ['accounts'],
    });
    admin = portal.tokens.admin;
    assessment = await startApp(appDefinition('assessment'));
    await waitForRoute.assessment(admin);
    for (const [code, group] of [
      [`U${suffix}`, SO],
      [`X${suffix}`, XA],
    ] as const) {
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code, name: `Đơn vị ${code}`, kind: 'department', unitGroup: group },
      });
      expect(res.status).toBe(201);
    }
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();
  });

  afterAll(async () => {
    await assessment?.stop();
    await db?.close();
    await portal?.close();
  });

  it('refuses to delete a set a period in set-up chooses, naming the period, and keeps the set', async () => {
    const so = await setFor(SO);
    const xa = await setFor(XA);
    const period = await newPeriod(so, xa);

    const res = await call(`/criteria-sets/${xa}?version=${await versionOf(xa)}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('E_CONFLICT');
    expect(res.body.error.message).toContain(`«${period.name}» (${YEAR})`);
    expect(res.body.error.message).toMatch(/Hãy chọn bộ tiêu chí khác/);
    expect((await call(`/criteria-sets/${xa}`, { token: admin })).status).toBe(200);
  });

  it('deletes a set once no period chooses it any more', async () => {
    const so = await setFor(SO);
    const xa = await setFor(XA);
    const otherXa = await setFor(XA);
    const period = await newPeriod(so, xa);
    const full = (await call(`/periods/${period.id}`, { token: admin })).body;
    const moved = await call(`/periods/${period.id}`, {
      method: 'PUT',
      token: admin,
      body: {
        indexCode: INDEX,
        year: YEAR,
        name: full.name,
        version: full.version,
        criteriaSets: [
          { unitGroup: SO, criteriaSetId: so },
          { unitGroup: XA, criteriaSetId: otherXa },
        ],
        phases: full.phases,
      },
    });
    expect(moved.status).toBe(200);

    const res = await call(`/criteria-sets/${xa}?version=${await versionOf(xa)}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(res.status).toBe(200);
    expect((await call(`/criteria-sets/${xa}`, { token: admin })).status).toBe(404);
  });

  it('refuses to start a period whose group lost its set, listing the group, by hand and by the clock', async () => {
    const so = await setFor(SO);
    const xa = await setFor(XA);
    // Set-up ends in 4 s; the scheduler (every 500 ms) would then start the period.
    const setupEndsAt = Date.now() + 4_000;
    const period = await newPeriod(so, xa, 4_000);
    // Hand-made: the group's choice points at a set that does not exist (data from before the
    // delete check, or a restore), which no action can produce any more.
    const missing = new Types.ObjectId().toHexString();
    await db.collection('periods').updateOne(
      // XA is the second choice (FerretDB has no positional `$`).
      { _id: new Types.ObjectId(period.id), 'criteriaSets.1.unitGroup': XA },
      { $set: { 'criteriaSets.1.criteriaSetId': missing } },
    );
    const version = (await call(`/periods/${period.id}`, { token: admin })).body.version;

    const res = await call(`/periods/${period.id}/advance`, {
      method: 'POST',
      token: admin,
      body: { version },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`nhóm đơn vị «${XA}» chưa có bộ tiêu chí`);
    expect(res.body.error.message).toMatch(/Hãy sửa đợt đánh giá, chọn bộ tiêu chí cho từng nhóm/);
    expect(res.body.error.message).not.toContain(`«${SO}»`);

    // The clock: several scheduler passes after set-up's end, still in set-up.
    await clockPasses(setupEndsAt + 3_000, 'set-up end and a few scheduler passes');
    expect(await phaseOf(period.id)).toBe('setup');

    // Given its set back, the scheduler starts it: the refusal above was the only obstacle.
    await db.collection('periods').updateOne(
      // XA is the second choice (FerretDB has no positional `$`).
      { _id: new Types.ObjectId(period.id), 'criteriaSets.1.unitGroup': XA },
      { $set: { 'criteriaSets.1.criteriaSetId': xa } },
    );
    await eventually(
      async () => (await phaseOf(period.id)) === 'selfAssessment',
      20_000,
      'the scheduler starting the repaired period',
    );
  });

  it('refuses to start a period whose chosen draft was edited into an invalid set, naming it', async () => {
    const so = await setFor(SO);
    const xa = await setFor(XA);
    const period = await newPeriod(so, xa);
    const set = (await call(`/criteria-sets/${xa}`, { token: admin })).body;
    // The leaves now add up to more than their area allows: the set is stored, but invalid.
    const saved = await call(`/criteria-sets/${xa}`, {
      method: 'PUT',
      token: admin,
      body: {
        version: set.version,
        nodes: validNodes.map((node) => (node.code === '1.1' ? { ...node, maxScore: 900 } : node)),
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(false);

    const res = await call(`/periods/${period.id}/advance`, {
      method: 'POST',
      token: admin,
      body: { version: period.version },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`bộ tiêu chí «${set.name}» chưa hợp lệ`);
    expect(await phaseOf(period.id)).toBe('setup');
  });
});

describe('a period choosing a set while the set is deleted, from separate connections', () => {
  const ROUNDS = 12;
  const racers = racingConnections('criteria-set-references', 3);
  const actor = { id: 'racer', username: 'racer' };
  const group = 'SO';
  const units = async () => [{ code: 'U1', name: 'Đơn vị 1', parentId: null, unitGroup: group }];

  it('lets exactly one win every time, and leaves no period choosing a deleted set', async () => {
    const [setup, chooser, deleter] = racers() as [Connection, Connection, Connection];
    await createIndex(setup, { code: INDEX, name: 'Chỉ số CCHC', description: null }, actor);
    const outcomes: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const set = await insertCriteriaSet(
        setup,
        {
          indexCode: INDEX,
          year: YEAR,
          unitGroup: group,
          name: `Bộ đua ${round}`,
          description: null,
          nodes: CriterionNodeList.parse(validNodes),
        },
        actor,
        { kind: 'empty' },
      );
      const id = set._id.toHexString();
      const params = CreatePeriodParams.parse({
        indexCode: INDEX,
        year: YEAR,
        name: `Đợt đua ${round}`,
        criteriaSets: [{ unitGroup: group, criteriaSetId: id }],
        phases: phasesFrom(DAY),
      });
      const [created, deleted] = await Promise.allSettled([
        createPeriod(chooser, params, 'racer', units, 'vi'),
        deleteCriteriaSet(deleter, { id, version: set.version }, 'vi', actor),
      ]);
      const key = `${created.status}/${deleted.status}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      // Exactly one of the two stands.
      expect([round, created.status === 'fulfilled', deleted.status === 'fulfilled']).toEqual([
        round,
        deleted.status !== 'fulfilled',
        created.status !== 'fulfilled',
      ]);
    }
    // Every period that exists chooses a set that exists.
    const periods = await setup
      .collection('periods')
      .find({}, { projection: { criteriaSets: 1 } })
      .toArray();
    const chosen = periods.flatMap((p) =>
      (p.criteriaSets as Array<{ criteriaSetId: string }>).map(
        (c) => new Types.ObjectId(c.criteriaSetId),
      ),
    );
    const existing = await setup
      .collection('criteriaSets')
      .countDocuments({ _id: { $in: chosen } });
    expect(existing).toBe(chosen.length);
    expect(periods).toHaveLength(outcomes['fulfilled/rejected'] ?? 0);
    // What the rounds did, for the record (both orders are expected to occur).
    console.info('criteria-set reference race outcomes', outcomes);
  });
});
