/**
 * The data-entry afternoon under faults (issue 10, "Kill -9 during the afternoon"): officers
 * keep saving through the gateway while the assessment node, then NATS, is killed with SIGKILL
 * and started again, and while two nodes each of the gateway and the assessment service are
 * restarted one after another. Every save an officer was told landed is stored, the page's
 * retries land the rest, no save is applied twice, a submission's durable event is published
 * once, and the rolling restart fails no save.
 */
import { Middleware as ChannelsMiddleware } from '@moleculer/channels';
import { ServiceBroker, type Middleware } from 'moleculer';
import mongoose, { type Connection } from 'mongoose';
import type { SelfAssessmentSubmitted } from '@par/contracts';
import {
  appDefinition,
  startApp,
  stopApps,
  type AppDefinition,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { testChannelsAdapter, testTransporter } from '../../../../test/support/nats';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  addOfficers,
  anotherNode,
  expectEveryToldSaveStored,
  expectStoredAtLeast,
  fillUnit,
  retryPause,
  killNats,
  openSavingPeriod,
  ready,
  startNats,
  startSaving,
  type SavingPeriod,
} from './durability-support';

describe('saves through the gateway under faults', () => {
  let portal: Portal<'admin'> | undefined;
  /** Nodes started by the tests (the portal's own are stopped by its `close()`). */
  const started: RunningApp[] = [];
  let db: Connection;
  let period: SavingPeriod;
  let bus: ServiceBroker | undefined;
  /** Submitted events of the period as a durable consumer receives them, with their stream sequence. */
  const submitted: Array<{ unitCode: string; seq: number }> = [];

  const running = (name: string): RunningApp =>
    [...started]
      .reverse()
      .find(
        (app) =>
          app.name === name && app.process.exitCode === null && app.process.signalCode === null,
      ) ?? portal!.apps.find((app) => app.name === name)!;
  const gatewayUrl = process.env.PAR_GATEWAY_URL!;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['accounts', 'assessment', 'evidence', 'gateway'],
      users: { admin: roles.admin },
      routes: ['accounts', 'assessment', 'evidence'],
    });
    // Three units per test, two to submit.
    period = await openSavingPeriod(portal.tokens.admin, { units: 11 });
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();

    // A consumer like the appraisal service's will be: its own durable group.
    bus = new ServiceBroker({
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      nodeID: `faults-test-${period.periodId}`,
      logger: false,
      transporter: testTransporter(),
      middlewares: [
        ChannelsMiddleware({
          adapter: testChannelsAdapter(),
        } as unknown as Parameters<typeof ChannelsMiddleware>[0]) as unknown as Middleware,
      ],
    });
    bus.createService({
      name: `faultsWatcher${period.periodId}`,
      channels: {
        'assessment.selfAssessment.submitted': {
          group: `test-faults-${period.periodId}`,
          handler(payload: SelfAssessmentSubmitted, raw: { seq: number }) {
            if (payload.periodId === period.periodId)
              submitted.push({ unitCode: payload.unitCode, seq: raw.seq });
          },
        },
      },
    } as never);
    await bus.start();
  });

  afterAll(async () => {
    await bus?.stop();
    await stopApps(started);
    await portal?.close();
    await db?.close();
  });

  it('keeps every save told saved when the assessment node is killed, and lands the rest once', async () => {
    const officers = await addOfficers(portal!, period.units.slice(0, 3), ['1.1', '2.1']);
    const load = startSaving(period.periodId, officers, { urls: () => [gatewayUrl] });
    try {
      await load.progress(3);
      const assessment = running('assessment');
      assessment.process.kill('SIGKILL');
      await eventually(
        async () => assessment.process.signalCode === 'SIGKILL',
        10_000,
        'the assessment node dying',
      );
      const toldBeforeKill = load.told();
      started.push(await startApp(appDefinition('assessment')));
      await expectStoredAtLeast(db, period.periodId, toldBeforeKill);
      // The page's retries land what failed, and saving goes on.
      await load.progress(3, 90_000);
    } finally {
      await load.stop();
    }
    await expectEveryToldSaveStored(db, load, period.periodId);
    // The kill was felt: saves in flight failed, and were retried.
    expect(load.logs.some((log) => log.failures.length > 0)).toBe(true);
  });

  it('keeps every save told saved and each submission’s event when NATS is killed', async () => {
    const officers = await addOfficers(portal!, period.units.slice(3, 6), ['1.2', '2.2']);
    const [first, second] = period.units.slice(9, 11) as [string, string];
    const approvers = new Map<string, string>();
    for (const unit of [first, second]) {
      const { token } = await portal!.addUser({
        roles: ['data-entry'],
        clientRoles: ['unit-approver'],
        unit,
      });
      await fillUnit(period.periodId, token);
      approvers.set(unit, token);
    }
    /** A submission as the page makes it: retried until it answers, a 409 already submitted counts. */
    const submit = async (unit: string) => {
      for (;;) {
        const res = await call(`/self-assessment/periods/${period.periodId}/submit`, {
          method: 'POST',
          token: approvers.get(unit),
          body: { version: 0 },
        }).catch(() => undefined);
        if (res?.status === 200) return 'submitted';
        if (res?.status === 409 && res.body.error.current?.status === 'submitted')
          return 'already submitted';
        if (res && res.status < 500) throw new Error(`submit ${unit}: HTTP ${res.status}`);
        await retryPause();
      }
    };

    const load = startSaving(period.periodId, officers, { urls: () => [gatewayUrl] });
    let racing: Promise<string> | undefined;
    try {
      await load.progress(3);
      expect(await submit(first)).toBe('submitted');
      // The second submission is on its way when NATS dies.
      racing = submit(second);
      await killNats();
      const toldBeforeKill = load.told();
      await startNats();
      await expectStoredAtLeast(db, period.periodId, toldBeforeKill);
      await load.progress(3, 90_000);
    } finally {
      await load.stop();
    }
    expect(['submitted', 'already submitted']).toContain(await racing);
    await expectEveryToldSaveStored(db, load, period.periodId);
    expect(load.logs.some((log) => log.failures.length > 0)).toBe(true);

    // Each submission is one message on the stream (a republished event is dropped by its id),
    // and the durable consumer gets it: redelivered maybe, never a second one.
    await eventually(
      async () => new Set(submitted.map((e) => e.unitCode)).size === 2,
      60_000,
      'both submitted events',
    );
    const sequences = (unit: string) =>
      new Set(submitted.filter((e) => e.unitCode === unit).map((e) => e.seq)).size;
    expect([sequences(first), sequences(second)]).toEqual([1, 1]);
  });

  it('fails no save while two nodes each of the gateway and the assessment service restart in turn', async () => {
    const nodes: Array<{ app: RunningApp; definition: AppDefinition }> = [
      { app: running('assessment'), definition: appDefinition('assessment') },
      { app: running('gateway'), definition: appDefinition('gateway') },
    ];
    const secondAssessment = await anotherNode('assessment');
    const secondGateway = await anotherNode('gateway');
    for (const second of [secondAssessment, secondGateway]) {
      const app = await startApp(second.definition);
      started.push(app);
      await ready(second.definition);
      nodes.push({ app, definition: second.definition });
    }
    const urls = [gatewayUrl, secondGateway.url!];

    const officers = await addOfficers(portal!, period.units.slice(6, 9), ['1.1', '2.1']);
    const load = startSaving(period.periodId, officers, { urls: () => urls });
    try {
      await load.progress(3);
      for (const { app, definition } of nodes) {
        await app.stop();
        // It stopped by itself on SIGTERM, in time (stop() kills after 10 s).
        expect([app.name, app.process.signalCode, app.process.exitCode]).toEqual([
          app.name,
          null,
          0,
        ]);
        const again = await startApp(definition);
        started.push(again);
        await ready(definition);
        await load.progress(2);
      }
    } finally {
      await load.stop();
    }
    await expectEveryToldSaveStored(db, load, period.periodId);
    expect(load.logs.map((log) => [log.officer.name, log.failures])).toEqual(
      load.logs.map((log) => [log.officer.name, []]),
    );
  });
});
