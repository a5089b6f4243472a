/**
 * The outbox across a crash, on the real stack: an accounts node whose relay is held back
 * (`PAR_OUTBOX_RELAY_PAUSED=1`) makes a unit change and is killed with SIGKILL before relaying
 * it, even half-way (one event already published, one audit entry already appended, as a relay
 * dying mid-item leaves them). Restarted without the hold, it publishes each event on JetStream
 * exactly once and leaves each audit entry exactly once.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { connect, type NatsConnection } from 'nats';
import { accountsEvents } from '@par/contracts';
import { appendAuditItems, type OutboxItem } from '@par/service-kit';
import {
  appDefinition,
  natsCredentials,
  startApp,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { eventually } from '../../../../test/support/eventually';
import {
  openPortal,
  roles,
  waitForRoute,
  type Portal,
} from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';

const code = `OUTBOX-${randomUUID().slice(0, 6).toUpperCase()}`;
const namespace = process.env.PAR_NAMESPACE ?? 'par';
/** The JetStream subject and stream of an event, as the channels adapter names them. */
const subjectOf = (event: string) => `${namespace}.${event}`;
const streamOf = (event: string) => subjectOf(event).split('.').join('_');

describe('a unit change whose node dies before its outbox relay', () => {
  let portal: Portal<'admin'> | undefined;
  let accounts: RunningApp | undefined;
  let db: Connection;
  let nats: NatsConnection;
  let admin: string;

  /** How many messages the event's stream holds (0 before its first). */
  const messagesIn = async (event: string) => {
    const jsm = await nats.jetstreamManager();
    return jsm.streams
      .info(streamOf(event))
      .then((info) => info.state.messages)
      .catch(() => 0);
  };

  beforeAll(async () => {
    // Accounts first: the gateway is ready only once it has loaded the token revocations,
    // which accounts answers.
    accounts = await startApp(appDefinition('accounts'), {
      extraEnv: { PAR_OUTBOX_RELAY_PAUSED: '1' },
    });
    portal = await openPortal({ apps: ['gateway'], users: { admin: roles.admin } });
    admin = portal.tokens.admin;
    await waitForRoute.accounts(admin);
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'accounts' })
      .asPromise();
    nats = await connect(natsCredentials('tests'));
  });

  afterAll(async () => {
    await stopApps(accounts ? [accounts] : []);
    await portal?.close();
    await db?.close();
    await nats?.close();
  });

  it('publishes each event once and appends each audit entry once after a SIGKILL and a restart', async () => {
    const created = accountsEvents.unitCreated.name;
    const changed = accountsEvents.unitChanged.name;
    const before = { created: await messagesIn(created), changed: await messagesIn(changed) };

    const made = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code, name: 'Xã Hộp Thư', kind: 'commune' },
    });
    expect(made.status).toBe(201);
    const edited = await call(`/units/${made.body.id}`, {
      method: 'PUT',
      token: admin,
      body: { version: made.body.version, name: 'Xã Hộp Thư Mới', kind: 'commune' },
    });
    expect(edited.status).toBe(200);

    // Both changes stand, each with its audit entry and its event waiting in the unit's outbox.
    const target = { target: `unit:${made.body.id}` };
    const stored = await db.collection('units').findOne({ code });
    const outbox = stored!.outbox as OutboxItem[];
    expect(outbox.map((item) => item.audit?.action ?? item.event?.subject)).toEqual([
      'unit.created',
      created,
      'unit.updated',
      changed,
    ]);
    expect(await db.collection('auditEntries').countDocuments(target)).toBe(0);
    expect(await messagesIn(changed)).toBe(before.changed);

    accounts!.process.kill('SIGKILL');
    await eventually(async () => accounts!.process.signalCode === 'SIGKILL', 10_000, 'the kill');
    accounts = undefined;

    // As a relay that died half-way leaves it: the first event published, the first entry
    // appended, neither removed from the outbox.
    const [createdEntry, createdEvent] = outbox as [OutboxItem, OutboxItem];
    // The stream as the producer makes it (its first publication may not have happened yet).
    const jsm = await nats.jetstreamManager();
    await jsm.streams
      .add({ name: streamOf(created), subjects: [subjectOf(created)] })
      .catch((err: Error) => {
        if (!/already in use/.test(err.message)) throw err;
      });
    await nats
      .jetstream()
      .publish(subjectOf(created), JSON.stringify(createdEvent.event!.payload), {
        msgID: createdEvent.id,
      });
    await appendAuditItems(db, [createdEntry]);
    expect(await messagesIn(created)).toBe(before.created + 1);

    accounts = await startApp(appDefinition('accounts'));
    await eventually(
      async () => ((await db.collection('units').findOne({ code }))?.outbox ?? []).length === 0,
      30_000,
      'the relay after the restart',
    );

    expect(await messagesIn(created)).toBe(before.created + 1);
    expect(await messagesIn(changed)).toBe(before.changed + 1);
    const last = await jsm.streams.getMessage(streamOf(changed), {
      last_by_subj: subjectOf(changed),
    });
    expect(last.header.get('Nats-Msg-Id')).toBe(outbox[3]!.id);
    expect(last.json()).toMatchObject({
      action: 'updated',
      unit: { code, name: 'Xã Hộp Thư Mới', version: made.body.version + 1 },
    });

    const entries = await db.collection('auditEntries').find(target).sort({ _id: 1 }).toArray();
    expect(entries.map((e) => [e._id.toHexString(), e.action])).toEqual([
      [outbox[0]!.id, 'unit.created'],
      [outbox[2]!.id, 'unit.updated'],
    ]);
    expect(entries[1]).toMatchObject({
      before: { name: 'Xã Hộp Thư' },
      after: { name: 'Xã Hộp Thư Mới' },
    });
  });
});
