/**
 * The scheduler's pass against the real database, as two nodes would run it at the same moment:
 * each due phase is entered once, with one transition, one audit entry and one event, and what
 * a move leaves to do is finished by whichever pass gets there, or by a later one; the outbox
 * relays of both nodes publish the move's event once and append its audit entry once.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { auditEntryModel } from '../../src/models/audit-entry.model';
import { periodModel } from '../../src/models/period.model';
import { runSchedulerPass } from '../../src/periods/periods';
import { startOutboxRelay, type Publish } from '@par/service-kit';
import { countEntries, storeEntry } from './entries-support';

const quiet = { warn: () => undefined, info: () => undefined };

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
    await periodModel(db).init();
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
    await storeEntry(db, {
      periodId: period._id.toHexString(),
      unitCode: 'SNV',
      areaCode: '1',
      criterionCode: '1.1',
      score: 100,
      updatedAt: at(-2),
    });
    const moves = await Promise.all([
      runSchedulerPass(nodes[0]!, scheduler),
      runSchedulerPass(nodes[1]!, scheduler),
    ]);
    expect(moves[0]! + moves[1]!).toBe(1);
    const after = await periodModel(db).findById(period._id).lean();
    expect(after).toMatchObject({
      currentPhase: 'selfAssessment',
      version: 1,
      tasks: [],
      settled: true,
    });
    // The move wrote its event and its audit entry with it, the wipe its own entry, for the relay.
    expect(after!.outbox!.map((item) => item.event?.subject ?? item.audit?.action)).toEqual([
      'assessment.period.phaseChanged',
      'period.phaseChanged',
      'period.trialWiped',
    ]);
    expect(after!.transitions).toHaveLength(1);

    // Both nodes' relays at once: each may publish the one event, JetStream drops the repeat by
    // its id; the audit entry is appended once.
    const published: string[][] = [[], []];
    const relays = nodes.slice(0, 2).map((node, i) =>
      startOutboxRelay({
        db: node,
        collections: ['periods'],
        publish: async (_subject, _payload, id) => {
          published[i]!.push(id);
        },
        logger: quiet,
        intervalMs: HOUR,
      }),
    );
    await Promise.all(relays.map((relay) => relay.drain()));
    await Promise.all(relays.map((relay) => relay.stop()));
    expect(new Set([...published[0]!, ...published[1]!]).size).toBe(1);
    expect((await periodModel(db).findById(period._id).lean())!.outbox).toEqual([]);
    expect(await countEntries(db, period._id.toHexString())).toBe(0);
    const audit = await auditEntryModel(db)
      .find({ target: `period:${period._id.toHexString()}` })
      .lean();
    // One entry each, however many relays ran; every entry names the scheduler's principal.
    expect(audit.map((e) => e.action).sort()).toEqual(['period.phaseChanged', 'period.trialWiped']);
    expect(new Set(audit.map((e) => `${e.actor} ${e.actorName}`))).toEqual(
      new Set(['sa-assessment service-account-par-assessment']),
    );

    // Nothing more is due: a later pass moves nothing.
    expect(await runSchedulerPass(db, scheduler)).toBe(0);
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
    await storeEntry(db, {
      periodId: period._id.toHexString(),
      unitCode: 'SNV',
      areaCode: '1',
      criterionCode: '1.1',
      score: 100,
      updatedAt: at(-2),
    });
    // As a node that died right after its move left it: in the next phase, the wipe still to do.
    await periodModel(db).updateOne(
      { _id: period._id },
      {
        $set: { currentPhase: 'selfAssessment', settled: false, version: 1 },
        $push: { tasks: { task: 'wipeTrial', at: new Date() } },
      },
    );

    expect(await runSchedulerPass(nodes[1]!, scheduler)).toBe(0);

    expect(await countEntries(db, period._id.toHexString())).toBe(0);
    expect(await periodModel(db).findById(period._id).lean()).toMatchObject({
      currentPhase: 'selfAssessment',
      version: 1,
      tasks: [],
      settled: true,
    });
  });

  it('keeps an event whose publication failed and publishes it on a later relay pass', async () => {
    const period = await periodModel(db).create({
      indexCode: 'PAR',
      year: 2026,
      name: 'Đợt thử mất kết nối',
      criteriaSets: [],
      units: [],
      // Round 1 would ask the appraisal service first (not running for this database).
      phases: [
        { phase: 'clarification', startsAt: at(-5), endsAt: at(-1) },
        { phase: 'appraisalRound2', startsAt: at(-1), endsAt: at(24) },
      ],
      currentPhase: 'clarification',
    });
    expect(await runSchedulerPass(db, scheduler)).toBe(1);
    const relayWith = (publish: Publish) =>
      startOutboxRelay({ db, collections: ['periods'], publish, logger: quiet, intervalMs: HOUR });

    const failing = relayWith(() => Promise.reject(new Error('JetStream unavailable')));
    await expect(failing.drain()).rejects.toThrow(/JetStream unavailable/);
    await failing.stop();
    const waiting = await periodModel(db).findById(period._id).lean();
    expect(waiting).toMatchObject({ currentPhase: 'appraisalRound2', settled: true });
    expect(waiting!.outbox).toHaveLength(2);
    const target = { target: `period:${period._id.toHexString()}` };
    expect(await auditEntryModel(db).countDocuments(target)).toBe(0);

    const published: unknown[] = [];
    const working = relayWith(async (_s, payload) => {
      // Only this period's: the relay also empties what earlier tests left.
      if ((payload as { periodId?: string }).periodId === period._id.toHexString()) {
        published.push(payload);
      }
    });
    await working.drain();
    await working.stop();
    expect(published).toEqual([
      expect.objectContaining({
        periodId: period._id.toHexString(),
        from: 'clarification',
        to: 'appraisalRound2',
        by: 'sa-assessment',
      }),
    ]);
    expect(await auditEntryModel(db).countDocuments(target)).toBe(1);
    expect((await periodModel(db).findById(period._id).lean())!.outbox).toEqual([]);
  });
});
