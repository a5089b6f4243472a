/**
 * The scheduler's pass against the real database, as two nodes would run it at the same moment:
 * each due phase is entered once, with one transition, one audit entry and one event, and what
 * a move leaves to do is finished by whichever pass gets there, or by a later one.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { auditEntryModel } from '../../src/models/audit-entry.model';
import { entryModel } from '../../src/models/entry.model';
import { periodModel } from '../../src/models/period.model';
import { runSchedulerPass } from '../../src/periods/periods';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR);

/** The service principal the scheduler acts as (in the service, from its Keycloak token). */
const scheduler = { id: 'sa-assessment', username: 'service-account-par-assessment' };

describe('the period scheduler on two nodes', () => {
  // One connection per node, of one socket each, so the two passes race as two service nodes
  // would, on the version-conditioned update alone.
  let nodes: Connection[] = [];
  let db: Connection;

  beforeAll(async () => {
    // A database of its own, so the running service's scheduler does not take part.
    const dbName = `periods-race-${randomUUID().slice(0, 8)}`;
    nodes = await Promise.all(
      [0, 1].map(() =>
        mongoose
          .createConnection(process.env.PAR_MONGO_URL!, { dbName, maxPoolSize: 1, minPoolSize: 1 })
          .asPromise(),
      ),
    );
    db = nodes[0]!;
    await Promise.all([periodModel(db).init(), entryModel(db).init()]);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await Promise.all(nodes.map((node) => node.close()));
  });

  it('moves a period whose trial ended once, wipes the trial and publishes one event per move', async () => {
    const period = await periodModel(db).create({
      indexCode: 'PAR',
      year: 2026,
      name: 'Đợt thử song song',
      criteriaSets: [],
      units: [{ code: 'SNV', name: 'Sở Nội vụ', unitGroup: 'SO' }],
      phases: [
        { phase: 'setup', startsAt: at(-30), endsAt: at(-20) },
        { phase: 'trial', startsAt: at(-20), endsAt: at(-1) },
        { phase: 'selfAssessment', startsAt: at(-1), endsAt: at(24) },
        { phase: 'appraisalRound1', startsAt: at(25), endsAt: at(48) },
      ],
      currentPhase: 'trial',
    });
    await entryModel(db).create({
      periodId: period._id,
      unitCode: 'SNV',
      criterionCode: '1.1',
      score: 100,
    });
    const published: string[][] = [[], []];
    const publisher = (node: number) => async (_subject: string, _payload: unknown, id: string) => {
      published[node]!.push(id);
    };

    const moves = await Promise.all([
      runSchedulerPass(nodes[0]!, publisher(0), scheduler),
      runSchedulerPass(nodes[1]!, publisher(1), scheduler),
    ]);

    expect(moves[0]! + moves[1]!).toBe(1);
    const after = await periodModel(db).findById(period._id).lean();
    expect(after).toMatchObject({
      currentPhase: 'selfAssessment',
      version: 1,
      outbox: [],
      tasks: [],
      settled: true,
    });
    expect(after!.transitions).toHaveLength(1);
    // Both passes may publish the one event; JetStream drops the repeat by its id.
    expect(new Set([...published[0]!, ...published[1]!]).size).toBe(1);
    expect(await entryModel(db).countDocuments({ periodId: period._id })).toBe(0);
    const audit = await auditEntryModel(db)
      .find({ target: `period:${period._id.toHexString()}` })
      .lean();
    expect(audit.filter((e) => e.action === 'period.phaseChanged')).toHaveLength(1);
    // Both passes may wipe (the wipe is idempotent); every entry names the scheduler's principal.
    expect(new Set(audit.map((e) => e.action))).toEqual(
      new Set(['period.phaseChanged', 'period.trialWiped']),
    );
    expect(new Set(audit.map((e) => `${e.actor} ${e.actorName}`))).toEqual(
      new Set(['sa-assessment service-account-par-assessment']),
    );

    // Nothing more is due: a later pass moves nothing.
    expect(await runSchedulerPass(db, publisher(0), scheduler)).toBe(0);
  });

  it('wipes the trial on a later pass when the node that ended it died before doing so', async () => {
    const trialEnded = at(-1);
    const period = await periodModel(db).create({
      indexCode: 'PAR',
      year: 2026,
      name: 'Đợt thử nút dừng',
      criteriaSets: [],
      units: [{ code: 'SNV', name: 'Sở Nội vụ', unitGroup: 'SO' }],
      phases: [
        { phase: 'trial', startsAt: at(-5), endsAt: trialEnded },
        { phase: 'selfAssessment', startsAt: trialEnded, endsAt: at(24) },
      ],
      currentPhase: 'trial',
    });
    await entryModel(db).create({
      periodId: period._id,
      unitCode: 'SNV',
      criterionCode: '1.1',
      score: 100,
    });
    // As a node that died right after its move left it: in the next phase, the wipe still to do.
    await periodModel(db).updateOne(
      { _id: period._id },
      {
        $set: { currentPhase: 'selfAssessment', settled: false, version: 1 },
        $push: { tasks: { task: 'wipeTrial', at: new Date() } },
      },
    );

    expect(await runSchedulerPass(nodes[1]!, async () => undefined, scheduler)).toBe(0);

    expect(await entryModel(db).countDocuments({ periodId: period._id })).toBe(0);
    expect(await periodModel(db).findById(period._id).lean()).toMatchObject({
      currentPhase: 'selfAssessment',
      version: 1,
      tasks: [],
      settled: true,
    });
  });

  it('keeps an event whose publication failed and publishes it on a later pass', async () => {
    const period = await periodModel(db).create({
      indexCode: 'PAR',
      year: 2026,
      name: 'Đợt thử mất kết nối',
      criteriaSets: [],
      units: [],
      phases: [
        { phase: 'selfAssessment', startsAt: at(-5), endsAt: at(-1) },
        { phase: 'appraisalRound1', startsAt: at(-1), endsAt: at(24) },
      ],
      currentPhase: 'selfAssessment',
    });
    await expect(
      runSchedulerPass(db, () => Promise.reject(new Error('JetStream unavailable')), scheduler),
    ).rejects.toThrow(/not settled/);
    const waiting = await periodModel(db).findById(period._id).lean();
    expect(waiting).toMatchObject({ currentPhase: 'appraisalRound1', settled: false });
    expect(waiting!.outbox).toHaveLength(1);

    const published: unknown[] = [];
    await runSchedulerPass(
      db,
      async (_s, payload) => {
        published.push(payload);
      },
      scheduler,
    );
    expect(published).toEqual([
      expect.objectContaining({
        periodId: period._id.toHexString(),
        from: 'selfAssessment',
        to: 'appraisalRound1',
        by: 'sa-assessment',
      }),
    ]);
    expect(await periodModel(db).findById(period._id).lean()).toMatchObject({
      outbox: [],
      settled: true,
    });
  });
});
