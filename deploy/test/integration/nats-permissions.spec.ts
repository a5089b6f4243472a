/**
 * The local stack's NATS as deploy/nats/ configures it for production too: no client without a
 * user and password, and a service's user confined to its subjects. Each check that something is
 * refused is paired with a marker on a subject the same user may use, sent after it: NATS keeps a
 * publisher's messages in order, so once the marker arrives the refused message would have too.
 */
import { connect, type Msg, type NatsConnection } from 'nats';
import { natsCredentials } from '../../local/apps/apps.ts';
import { eventually } from '../../../test/support/eventually';

const url = () => process.env.PAR_NATS_URL!;

/** Subscribes and records every message's subject (or the error the subscription ended with). */
function record(nc: NatsConnection, subject: string): { subjects: string[]; errors: string[] } {
  const seen = { subjects: [] as string[], errors: [] as string[] };
  nc.subscribe(subject, {
    callback: (err: Error | null, msg: Msg) => {
      if (err) seen.errors.push(err.message);
      else seen.subjects.push(msg.subject);
    },
  });
  return seen;
}

describe('NATS of the local stack', () => {
  const open: NatsConnection[] = [];
  const as = async (user: string) => {
    const nc = await connect(natsCredentials(user));
    open.push(nc);
    return nc;
  };

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close()));
  });

  it('refuses a client without credentials', async () => {
    await expect(connect({ servers: url(), reconnect: false })).rejects.toThrow(
      /Authorization Violation/,
    );
  });

  it('refuses a service user with a wrong password', async () => {
    await expect(
      connect({ servers: url(), user: 'accounts', pass: 'change-me', reconnect: false }),
    ).rejects.toThrow(/Authorization Violation/);
  });

  it("does not let the ranking service's user call an accounts action", async () => {
    const watcher = await as('tests');
    const seen = record(watcher, 'MOL-par.REQB.>');
    await watcher.flush();

    const ranking = await as('ranking');
    ranking.publish('MOL-par.REQB.accounts.listTokenRevocations');
    ranking.publish('MOL-par.REQB.ranking.marker');
    await eventually(async () => seen.subjects.length > 0, 10_000, 'the marker');

    expect(seen.subjects).toEqual(['MOL-par.REQB.ranking.marker']);
  });

  it('lets the assessment service call only accounts.listUnits of the accounts service', async () => {
    const watcher = await as('tests');
    const seen = record(watcher, 'MOL-par.REQB.accounts.>');
    await watcher.flush();

    const assessment = await as('assessment');
    assessment.publish('MOL-par.REQB.accounts.createUnit');
    assessment.publish('MOL-par.REQB.accounts.listUnits');
    await eventually(async () => seen.subjects.length > 0, 10_000, 'the marker');

    expect(seen.subjects).toEqual(['MOL-par.REQB.accounts.listUnits']);
  });

  it("does not let the ranking service's user read the gateway's replies or accounts' calls", async () => {
    const ranking = await as('ranking');
    const replies = record(ranking, 'MOL-par.RES.gateway.>');
    const calls = record(ranking, 'MOL-par.REQB.accounts.>');
    const own = record(ranking, 'MOL-par.RES.ranking.>');
    await ranking.flush().catch(() => undefined);

    const tests = await as('tests');
    tests.publish('MOL-par.RES.gateway.vm-1', 'a temporary password');
    tests.publish('MOL-par.REQB.accounts.issueAccounts');
    tests.publish('MOL-par.RES.ranking.vm-1');
    await eventually(async () => own.subjects.length > 0, 10_000, 'the marker');

    expect(replies.subjects).toEqual([]);
    expect(calls.subjects).toEqual([]);
    expect(replies.errors.join()).toMatch(/Permissions Violation/);
    expect(own.subjects).toEqual(['MOL-par.RES.ranking.vm-1']);
  });

  it('keeps JetStream to the services that produce durable events, on their own streams', async () => {
    const ranking = await as('ranking');
    await expect(ranking.jetstreamManager({ timeout: 2_000 })).rejects.toThrow();

    // accounts may create its own streams, not one that would capture the bus.
    const accounts = await connect({
      ...natsCredentials('accounts'),
      inboxPrefix: '_INBOX_accounts',
    });
    open.push(accounts);
    const jsm = await accounts.jetstreamManager({ timeout: 2_000 });
    await expect(
      jsm.streams.add({ name: 'par_capture_everything', subjects: ['MOL-par.>'] }),
    ).rejects.toThrow();
    const own = await jsm.streams.add({
      name: 'par_accounts_unit_created',
      subjects: ['par.accounts.unit.created'],
    });
    expect(own.config.name).toBe('par_accounts_unit_created');
  });
});
