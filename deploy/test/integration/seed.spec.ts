/**
 * `./portal start`'s demo data, loaded as it loads it: the seed job calls the accounts service
 * on the bus as its own service principal (`par-seed`), never as a made-up admin. Every demo
 * unit exists afterwards, each one it created is audited as made by that principal, and a
 * second run creates nothing.
 */
import mongoose, { type Connection } from 'mongoose';
import { startApps, stopApps, type RunningApp } from '../../local/apps/apps.ts';
import { demoPeriodName, demoUnits } from '../../local/apps/demo-data.ts';
import { seedDemoPeriod, seedUnits } from '../../local/apps/seed.ts';
import { yearInVietnam } from '@par/contracts';
import { eventually } from '../../../test/support/eventually';
import { serviceAccountOf } from '../../../test/support/keycloak';

describe('the demo seed', () => {
  let apps: RunningApp[] = [];
  let db: Connection;

  beforeAll(async () => {
    apps = await startApps(['accounts', 'assessment']);
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'accounts' })
      .asPromise();
  });

  afterAll(async () => {
    await stopApps(apps);
    await db?.close();
  });

  it('creates the demo province as the service principal seed, once', async () => {
    const startedAt = new Date();
    const created = await seedUnits(process.env.PAR_NATS_URL!);

    const codes = demoUnits.map((unit) => unit.code);
    const units = await db
      .collection<{ _id: mongoose.Types.ObjectId; code: string }>('units')
      .find({ code: { $in: codes } })
      .toArray();
    expect(units.map((unit) => unit.code).sort()).toEqual([...codes].sort());

    // The stack may hold the province from an earlier run; what this run made names the seed.
    const entries = await db
      .collection<{ actor: string }>('auditEntries')
      .find({
        action: 'unit.created',
        target: { $in: units.map((unit) => `unit:${unit._id.toHexString()}`) },
        at: { $gte: startedAt },
      })
      .toArray();
    expect(entries).toHaveLength(created);
    const seed = await serviceAccountOf('par-seed');
    expect(new Set(entries.map((entry) => entry.actor))).toEqual(
      new Set(created > 0 ? [seed.id] : []),
    );

    expect(await seedUnits(process.env.PAR_NATS_URL!)).toBe(0);
  });

  it('makes a demo period open for self-assessment with the demo units, once a year', async () => {
    await seedUnits(process.env.PAR_NATS_URL!);
    const periods = db.useDb('assessment').collection('periods');
    const name = demoPeriodName(yearInVietnam());
    // Made now, or by an earlier run on this stack.
    await seedDemoPeriod(process.env.PAR_NATS_URL!);
    // The scheduler opens it on its next pass: set-up ended a minute before.
    await eventually(
      async () => (await periods.findOne({ name }))?.currentPhase === 'selfAssessment',
      20_000,
      'the demo period in self-assessment',
    );
    const codes = ((await periods.findOne({ name }))!.units as Array<{ code: string }>).map(
      (u) => u.code,
    );
    // The demo accounts' units: STP (demo.nhaplieu, demo.lanhdao), X-THANHBA (demo.xa).
    expect(codes).toEqual(expect.arrayContaining(['STP', 'SNV', 'X-THANHBA']));
    expect(await seedDemoPeriod(process.env.PAR_NATS_URL!)).toBeNull();
    expect(await periods.countDocuments({ name })).toBe(1);
  });
});
