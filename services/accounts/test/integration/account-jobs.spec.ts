/**
 * Issuing accounts for many units as a job of the accounts service, through the real gateway,
 * Keycloak and database: progress that goes up to the end, a retry that finds the same job,
 * passwords shown once and purged unfetched, and a job that outlives a gateway restart and an
 * accounts node restart.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import {
  appDefinition,
  startApp,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { adminApi } from '../../../../deploy/local/apps/keycloak-admin.ts';
import {
  eventually,
  eventuallyValue,
  gatewayRoutesToAccounts,
} from '../../../../test/support/eventually';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call, type ApiResponse } from '../../../../test/support/api';

const code = () => `J${randomUUID().slice(0, 8).toUpperCase()}`;

describe('account jobs', () => {
  let portal: Portal<'admin' | 'otherAdmin' | 'officer' | 'appraiser' | 'nobody'> | undefined;
  /** The portal's apps, as the cases restart the gateway and the accounts node. */
  let apps: RunningApp[] = [];
  let db: Connection;
  let admin: string;
  let otherAdmin: string;
  /** Keycloak users the jobs made; deleted at the end. */
  const issuedIds = new Set<string>();

  /** A unit group of `count` new units; returns their codes. */
  const makeGroup = async (count: number) => {
    const group = `JG-${randomUUID().slice(0, 6)}`;
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      const unitCode = code();
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: unitCode, name: `Xã thử ${unitCode}`, kind: 'commune', unitGroup: group },
      });
      expect(res.status).toBe(201);
      codes.push(unitCode);
    }
    return { group, codes };
  };

  const start = (body: Record<string, unknown>, token = admin) =>
    call('/account-jobs', { method: 'POST', token, body });

  const read = async (id: string): Promise<ApiResponse> => {
    const res = await call(`/account-jobs/${id}`, { token: admin });
    for (const item of res.body?.items ?? []) if (item.accountId) issuedIds.add(item.accountId);
    return res;
  };

  /** Polls the job until it has finished, returning every `done` seen on the way. */
  const untilFinished = async (id: string, timeoutMs = 120_000) => {
    const seen: number[] = [];
    const job = await eventuallyValue(
      async () => {
        const res = await read(id);
        if (res.status !== 200) return null;
        seen.push(res.body.done);
        return res.body.status === 'finished' ? res.body : null;
      },
      timeoutMs,
      `account job ${id} finishing`,
    );
    return { job, seen };
  };

  const restart = async (name: 'gateway' | 'accounts', extraEnv: Record<string, string> = {}) => {
    const app = apps.find((a) => a.name === name)!;
    await app.stop();
    apps = apps.filter((a) => a !== app);
    apps.push(await startApp(appDefinition(name), { extraEnv }));
  };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['accounts', 'gateway'],
      users: { ...roles, otherAdmin: { roles: ['admin'] } },
      routes: ['accounts'],
    });
    ({ apps } = portal);
    ({ admin, otherAdmin } = portal.tokens);
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'accounts' })
      .asPromise();
  });

  afterAll(async () => {
    // Restarted apps are not the portal's: stopped here, the portal's own stop is then a no-op.
    await stopApps(apps);
    await Promise.allSettled([...issuedIds].map((id) => adminApi('DELETE', `/users/${id}`)));
    await db?.close();
    await portal?.close();
  });

  describe('who may call each action', () => {
    const someJob = '0123456789abcdef01234567';
    const actions: Array<[string, string, string, unknown]> = [
      [
        'startAccountJob',
        'POST',
        '/account-jobs',
        { idempotencyKey: randomUUID(), unitCodes: ['SNV'], roles: ['data-entry'] },
      ],
      ['getAccountJob', 'GET', `/account-jobs/${someJob}`, undefined],
      ['takeAccountJobPasswords', 'POST', `/account-jobs/${someJob}/passwords`, {}],
    ];

    it.each(actions)(
      'refuses %s without a token (401) and to every role but admin (403)',
      async (_name, method, path, body) => {
        expect((await call(path, { method, body })).status).toBe(401);
        for (const token of [
          portal!.tokens.officer,
          portal!.tokens.appraiser,
          portal!.tokens.nobody,
        ]) {
          const res = await call(path, { method, token, body });
          expect(res.status).toBe(403);
          expect(res.body.error.code).toBe('E_FORBIDDEN');
        }
        // Nothing was started for SNV.
        expect(await db.collection('accountJobItems').countDocuments({ unitCode: 'SNV' })).toBe(0);
      },
    );

    it('requires an idempotency key, in Vietnamese', async () => {
      const res = await start({ unitCodes: ['SNV'], roles: ['data-entry'] });
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe('idempotencyKey');
      expect(res.body.error.fields[0].message).toMatch(/Thiếu khoá chống lặp/);
    });
  });

  describe('a job over 30 units', () => {
    let jobId: string;
    let codes: string[];
    let group: string;
    const key = randomUUID();

    it('finishes with its progress going up, one result per unit', async () => {
      ({ group, codes } = await makeGroup(30));
      // One unit already has its account: the job leaves it as it is.
      const before = await call('/accounts', {
        method: 'POST',
        token: admin,
        body: { unitCodes: [codes[7]], roles: ['data-entry'] },
      });
      expect(before.status).toBe(201);
      issuedIds.add(before.body.items[0].account.id);

      const res = await start({ idempotencyKey: key, unitGroup: group, roles: ['data-entry'] });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'running', total: 30, passwords: 'pending' });
      jobId = res.body.id;

      const { job, seen } = await untilFinished(jobId);
      // Never going back, from below 30 at the start to all 30.
      const progress = [res.body.done, ...seen];
      expect(progress[0]).toBeLessThan(30);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(job).toMatchObject({
        total: 30,
        done: 30,
        created: 29,
        existed: 1,
        failed: 0,
        passwords: 'available',
      });
      // In the group's order (by code), each with the username derived from its code.
      expect(job.items.map((item: { unitCode: string }) => item.unitCode)).toEqual(
        [...codes].sort(),
      );
      const existing = job.items.find((item: { unitCode: string }) => item.unitCode === codes[7]);
      expect(existing).toMatchObject({
        status: 'exists',
        username: `nhaplieu.${codes[7]!.toLowerCase()}`,
      });
    });

    it('returns the same job for a retry with the same key and body, and refuses another body', async () => {
      const again = await start({ idempotencyKey: key, unitGroup: group, roles: ['data-entry'] });
      expect(again.status).toBe(202);
      expect(again.body.id).toBe(jobId);
      expect(await db.collection('accountJobs').countDocuments({ idempotencyKey: key })).toBe(1);

      const other = await start({ idempotencyKey: key, unitGroup: group, roles: ['appraisal'] });
      expect(other.status).toBe(409);
      expect(other.body.error.message).toMatch(/Khoá chống lặp này đã được dùng/);
    });

    it('keeps the passwords sealed, shows them once to the admin who started the job, then deletes them', async () => {
      const sealed = await db
        .collection('accountJobItems')
        .find({ jobId: new mongoose.Types.ObjectId(jobId), sealedPassword: { $exists: true } })
        .toArray();
      expect(sealed).toHaveLength(29);

      const notYours = await call(`/account-jobs/${jobId}/passwords`, {
        method: 'POST',
        token: otherAdmin,
        body: {},
      });
      expect(notYours.status).toBe(403);
      expect(notYours.body.error.message).toMatch(/Chỉ quản trị viên đã cấp đợt/);

      const taken = await call(`/account-jobs/${jobId}/passwords`, {
        method: 'POST',
        token: admin,
        body: {},
      });
      expect(taken.status).toBe(200);
      expect(taken.body.items).toHaveLength(29);
      const usernames = taken.body.items.map(
        (i: { account: { username: string } }) => i.account.username,
      );
      expect(usernames).not.toContain(`nhaplieu.${codes[7]!.toLowerCase()}`);
      for (const { account, temporaryPassword } of taken.body.items) {
        expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
        expect(account.requiredActions).toEqual(['UPDATE_PASSWORD']);
        // What was stored is not the password.
        const row = sealed.find((s) => s.username === account.username)!;
        expect(row.sealedPassword).not.toContain(temporaryPassword);
      }

      const second = await call(`/account-jobs/${jobId}/passwords`, {
        method: 'POST',
        token: admin,
        body: {},
      });
      expect(second.status).toBe(409);
      expect(second.body.error.message).toMatch(/đã được hiển thị một lần/);
      expect(
        await db.collection('accountJobItems').countDocuments({
          jobId: new mongoose.Types.ObjectId(jobId),
          sealedPassword: { $exists: true },
        }),
      ).toBe(0);
      expect((await read(jobId)).body.passwords).toBe('taken');
    });
  });

  it('runs on through a gateway restart, its progress read to the end through the new gateway', async () => {
    const { group } = await makeGroup(10);
    const res = await start({
      idempotencyKey: randomUUID(),
      unitGroup: group,
      roles: ['data-entry'],
    });
    expect(res.status).toBe(202);
    await restart('gateway');
    await gatewayRoutesToAccounts(admin);
    const { job } = await untilFinished(res.body.id);
    expect(job).toMatchObject({ total: 10, done: 10, created: 10, failed: 0 });
  });

  it('resumes a job after its accounts node restarts, then purges its passwords unfetched after a short TTL', async () => {
    const { group } = await makeGroup(12);
    const res = await start({
      idempotencyKey: randomUUID(),
      unitGroup: group,
      roles: ['data-entry'],
    });
    expect(res.status).toBe(202);
    // The node finishes the units in hand, gives the job up, and the new node takes it on.
    await restart('accounts', { PAR_ACCOUNT_JOB_PASSWORD_TTL_SECONDS: '4' });
    await gatewayRoutesToAccounts(admin);
    const { job } = await untilFinished(res.body.id);
    expect(job).toMatchObject({ total: 12, done: 12, created: 12, failed: 0 });

    // A job started on the node with a 4 s TTL: its passwords go unfetched.
    const { group: small } = await makeGroup(2);
    const short = await start({
      idempotencyKey: randomUUID(),
      unitGroup: small,
      roles: ['data-entry'],
    });
    expect(short.status).toBe(202);
    const jobId = new mongoose.Types.ObjectId(short.body.id as string);
    await eventually(
      async () =>
        (await read(short.body.id)).body.passwords === 'expired' &&
        (await db
          .collection('accountJobItems')
          .countDocuments({ jobId, sealedPassword: { $exists: true } })) === 0,
      30_000,
      'the unfetched passwords purged',
    );
    const { job: finished } = await untilFinished(short.body.id);
    expect(finished).toMatchObject({ created: 2, passwords: 'expired' });
    const taken = await call(`/account-jobs/${short.body.id}/passwords`, {
      method: 'POST',
      token: admin,
      body: {},
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/quá thời hạn lưu/);
  });
});
