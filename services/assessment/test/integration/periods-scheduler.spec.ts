/**
 * The scheduler's pass against the real database, as two nodes would run it at the same moment:
 * each due phase is entered once, with one transition, one audit entry and one event, and what
 * a move leaves to do is finished by whichever pass gets there.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { auditEntryModel } from '../../src/models/audit-entry.model';
import { entryModel } from '../../src/models/entry.model';
import { periodModel } from '../../src/models/period.model';
import { periodMoveModel } from '../../src/models/period-move.model';
import { runSchedulerPass } from '../../src/periods/periods';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR);

describe('the period scheduler on two nodes', () => {
  let db: Connection;

  beforeAll(async () => {
    // A database of its own, so the running service's scheduler does not take part.
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, {
        dbName: `periods-race-${randomUUID().slice(0, 8)}`,
      })
      .asPromise();
    await Promise.all([periodModel(db).init(), periodMoveModel(db).init(), entryModel(db).init()]);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
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
      runSchedulerPass(db, publisher(0)),
      runSchedulerPass(db, publisher(1)),
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
    expect(
      await auditEntryModel(db).countDocuments({
        target: `period:${period._id.toHexString()}`,
        action: 'period.phaseChanged',
      }),
    ).toBe(1);

    // Nothing more is due: a later pass moves nothing.
    expect(await runSchedulerPass(db, publisher(0))).toBe(0);
  });

  it('takes over a move claimed by a node that died before making it', async () => {
    const period = await periodModel(db).create({
      indexCode: 'PAR',
      year: 2026,
      name: 'Đợt thử nút chết',
      criteriaSets: [],
      units: [],
      phases: [
        { phase: 'selfAssessment', startsAt: at(-5), endsAt: at(-1) },
        { phase: 'appraisalRound1', startsAt: at(-1), endsAt: at(24) },
      ],
      currentPhase: 'selfAssessment',
    });
    const claim = {
      periodId: period._id,
      fromVersion: 0,
      from: 'selfAssessment' as const,
      to: 'appraisalRound1' as const,
      by: 'scheduler',
      eventId: randomUUID(),
    };
    // A fresh claim: its node is making the move, so the others keep off.
    await periodMoveModel(db).create({ ...claim, attempt: 0, at: new Date() });
    expect(await runSchedulerPass(db, async () => undefined)).toBe(0);
    expect((await periodModel(db).findById(period._id).lean())!.currentPhase).toBe(
      'selfAssessment',
    );
    // The same claim a minute old: its node died, the next pass makes the move.
    await periodMoveModel(db).updateOne(
      { periodId: period._id },
      { $set: { at: new Date(Date.now() - 60_000) } },
    );
    expect(await runSchedulerPass(db, async () => undefined)).toBe(1);
    expect((await periodModel(db).findById(period._id).lean())!.currentPhase).toBe(
      'appraisalRound1',
    );
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
      runSchedulerPass(db, () => Promise.reject(new Error('JetStream unavailable'))),
    ).rejects.toThrow(/not settled/);
    const waiting = await periodModel(db).findById(period._id).lean();
    expect(waiting).toMatchObject({ currentPhase: 'appraisalRound1', settled: false });
    expect(waiting!.outbox).toHaveLength(1);

    const published: unknown[] = [];
    await runSchedulerPass(db, async (_s, payload) => {
      published.push(payload);
    });
    expect(published).toEqual([
      expect.objectContaining({
        periodId: period._id.toHexString(),
        from: 'selfAssessment',
        to: 'appraisalRound1',
        by: 'scheduler',
      }),
    ]);
    expect(await periodModel(db).findById(period._id).lean()).toMatchObject({
      outbox: [],
      settled: true,
    });
  });
});
