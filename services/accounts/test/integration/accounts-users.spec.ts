/**
 * Accounts through the gateway with real Keycloak and a real database: the admin issues and
 * changes Keycloak users, Keycloak stays the source of truth, and nobody else may do it.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import mongoose, { type Connection } from 'mongoose';
import {
  appDefinition,
  startApp,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { adminApi, issuer } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { eventually, eventuallyValue } from '../../../../test/support/eventually';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  createUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../../../../test/support/keycloak';
import { callApi as call } from '../../../../test/support/api';

/** Keycloak's answer to a password grant: 200 with tokens, or 400/401 with the reason. */
async function passwordGrant(username: string, password: string, client: TestClient) {
  const res = await fetch(`${issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.secret,
      username,
      password,
      scope: 'openid',
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const keycloakUserByName = async (username: string) =>
  (
    await adminApi<{ id: string }[]>(
      'GET',
      `/users?exact=true&username=${encodeURIComponent(username)}`,
    )
  )[0];

const code = () => `T${randomUUID().slice(0, 8).toUpperCase()}`;

describe('accounts managed through Keycloak', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser' | 'nobody'> | undefined;
  /** The portal's apps, until a case restarts the accounts node. */
  let apps: RunningApp[] = [];
  let client: TestClient;
  let db: Connection;
  /** Admin, officer, appraiser, nobody, then the users the cases make; deleted by the portal. */
  const users: TestUser[] = [];
  /** Accounts the portal created; deleted from Keycloak at the end. */
  const issuedIds: string[] = [];
  let adminUser: TestUser;
  let admin: string;
  let officer: string;
  let appraiser: string;
  let nobody: string;
  let unitA: string;
  let unitB: string;

  const createUnit = async (unitCode: string, unitGroup: string | null = null) => {
    const res = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: unitCode, name: `Đơn vị thử ${unitCode}`, kind: 'commune', unitGroup },
    });
    expect(res.status).toBe(201);
  };

  const issue = async (body: Record<string, unknown>) => {
    const res = await call('/accounts', { method: 'POST', token: admin, body });
    for (const item of res.body?.items ?? []) issuedIds.push(item.account.id);
    return res;
  };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: roles,
      routes: ['accounts'],
      alsoDelete: users,
    });
    ({ apps, client } = portal);
    adminUser = portal.users.admin;
    users.push(
      portal.users.admin,
      portal.users.officer,
      portal.users.appraiser,
      portal.users.nobody,
    );
    ({ admin, officer, appraiser, nobody } = portal.tokens);
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'accounts' })
      .asPromise();
    unitA = code();
    unitB = code();
    await createUnit(unitA);
    await createUnit(unitB);
  });

  afterAll(async () => {
    // The restarted accounts node is not the portal's; the portal's own stop is then a no-op.
    await stopApps(apps);
    await Promise.allSettled(issuedIds.map((id) => adminApi('DELETE', `/users/${id}`)));
    await db?.close();
    await portal?.close();
  });

  describe('who may call each action', () => {
    const target = () => users[1]!.id;
    const actions: Array<[string, () => { method: string; path: string; body?: unknown }]> = [
      ['listAccounts', () => ({ method: 'GET', path: '/accounts?limit=1' })],
      [
        'createAccounts',
        () => ({ method: 'POST', path: '/accounts', body: { unitCodes: [unitA], roles: [] } }),
      ],
      [
        'setAccountRoles',
        () => ({ method: 'PUT', path: `/accounts/${target()}/roles`, body: { roles: [] } }),
      ],
      [
        'moveAccount',
        () => ({ method: 'PUT', path: `/accounts/${target()}/unit`, body: { unit: 'X' } }),
      ],
      [
        'setAccountEnabled',
        () => ({ method: 'PUT', path: `/accounts/${target()}/enabled`, body: { enabled: false } }),
      ],
      [
        'resetAccountPassword',
        () => ({ method: 'POST', path: `/accounts/${target()}/password-reset`, body: {} }),
      ],
    ];

    it.each(actions)(
      'refuses %s without a token (401) and to every role but admin (403)',
      async (_name, request) => {
        const { method, path, body } = request();
        expect((await call(path, { method, body })).status).toBe(401);
        for (const token of [officer, appraiser, nobody]) {
          const res = await call(path, { method, token, body });
          expect(res.status).toBe(403);
          expect(res.body.error.code).toBe('E_FORBIDDEN');
        }
        // Nothing changed for the target account.
        const [officerNow] = (await call(`/accounts?q=${users[1]!.username}`, { token: admin }))
          .body.items;
        expect(officerNow).toMatchObject({ enabled: true, unit: 'SNV', roles: ['data-entry'] });
      },
    );

    it('lets an admin list accounts, read live from Keycloak', async () => {
      const res = await call(`/accounts?q=${users[1]!.username}`, { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ id: users[1]!.id, unit: 'SNV', roles: ['data-entry'] }),
      ]);
    });
  });

  describe('issuing accounts', () => {
    it('creates an account with a one-time temporary password that Keycloak makes its owner change', async () => {
      const username = `cb-${randomUUID().slice(0, 8)}`;
      const res = await issue({ unitCodes: [unitA], roles: ['data-entry'], username });
      expect(res.status).toBe(201);
      const [{ account, temporaryPassword }] = res.body.items;
      expect(account).toMatchObject({
        username,
        unit: unitA,
        enabled: true,
        roles: ['data-entry'],
        requiredActions: ['UPDATE_PASSWORD'],
      });
      expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
      expect(temporaryPassword).not.toBe(username);

      // The password is right, but Keycloak will not issue a token before it is changed.
      const grant = await passwordGrant(username, temporaryPassword, client);
      expect(grant.status).toBe(400);
      expect(grant.body.error_description).toMatch(/not fully set up/i);

      // Audited, without the password.
      const entry = await db
        .collection('auditEntries')
        .findOne({ target: `account:${account.id}`, action: 'account.created' });
      expect(entry).toMatchObject({ actor: adminUser.id, before: null });
      expect(entry!.after).toMatchObject({ username, unit: unitA });
      expect(JSON.stringify(entry)).not.toContain(temporaryPassword);
    });

    it('creates one data-entry account per unit of a group, with derived usernames', async () => {
      const group = `G-${randomUUID().slice(0, 6)}`;
      const codes = [code(), code(), code()].sort();
      for (const c of codes) await createUnit(c, group);
      const res = await issue({ unitGroup: group, roles: ['data-entry'] });
      expect(res.status).toBe(201);
      expect(
        res.body.items.map((i: { account: { username: string } }) => i.account.username),
      ).toEqual(codes.map((c) => `nhaplieu.${c.toLowerCase()}`));
      const passwords = new Set(
        res.body.items.map((i: { temporaryPassword: string }) => i.temporaryPassword),
      );
      expect(passwords.size).toBe(3);

      const listed = await call(`/accounts?unit=${codes[1]}&role=data-entry&enabled=true`, {
        token: admin,
      });
      expect(listed.body.items.map((a: { username: string }) => a.username)).toEqual([
        `nhaplieu.${codes[1]!.toLowerCase()}`,
      ]);
    });

    it('issues accounts for a group only to its units still active, not to a deactivated one', async () => {
      const group = `G-${randomUUID().slice(0, 6)}`;
      const [active, ended] = [code(), code()].sort();
      await createUnit(active!, group);
      await createUnit(ended!, group);
      const listed = await call(`/units?q=${ended}`, { token: admin });
      const unit = listed.body.items[0];
      const deactivated = await call(`/units/${unit.id}/deactivation`, {
        method: 'POST',
        token: admin,
        body: { version: unit.version, lastYear: 2024, reason: 'Sáp nhập vào xã khác' },
      });
      expect(deactivated.status).toBe(200);
      const res = await issue({ unitGroup: group, roles: ['data-entry'] });
      expect(res.status).toBe(201);
      expect(
        res.body.items.map((i: { account: { username: string } }) => i.account.username),
      ).toEqual([`nhaplieu.${active!.toLowerCase()}`]);
    });

    it('refuses a username that is taken with 409 naming the field', async () => {
      const res = await issue({
        unitCodes: [unitA],
        roles: ['data-entry'],
        username: users[1]!.username,
      });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'E_CONFLICT', field: 'username' });
      expect(res.body.error.message).toMatch(/Tên đăng nhập/);
    });

    it('refuses a role that does not exist with 422, and creates no user', async () => {
      const username = `cb-${randomUUID().slice(0, 8)}`;
      const res = await issue({ unitCodes: [unitA], roles: ['auditor'], username });
      expect(res.status).toBe(422);
      expect(res.body.error.fields[0]).toMatchObject({ field: 'roles.0' });
      expect(res.body.error.fields[0].message).toMatch(/Vai trò không tồn tại/);
      expect(await keycloakUserByName(username)).toBeUndefined();
    });

    it('refuses a unit that does not exist, and creates no user', async () => {
      const missing = code();
      const res = await issue({ unitCodes: [missing], roles: ['data-entry'] });
      expect(res.status).toBe(422);
      expect(res.body.error.fields[0]).toMatchObject({ field: 'unitCodes' });
      expect(await keycloakUserByName(`nhaplieu.${missing.toLowerCase()}`)).toBeUndefined();
    });

    it('leaves no account behind when a later step fails after a user was created', async () => {
      // The second account's e-mail clashes with the first's after the first exists in Keycloak.
      const [c1, c2] = [code(), code()].sort();
      await createUnit(c1!);
      await createUnit(c2!);
      const res = await issue({
        unitCodes: [c1, c2],
        roles: ['appraisal'],
        email: `${randomUUID().slice(0, 8)}@example.test`,
      });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'E_CONFLICT', field: 'email' });
      expect(await keycloakUserByName(`thamdinh.${c1!.toLowerCase()}`)).toBeUndefined();
      expect(await keycloakUserByName(`thamdinh.${c2!.toLowerCase()}`)).toBeUndefined();
    });
  });

  describe('Keycloak is the source of truth', () => {
    it('shows a role granted straight in Keycloak in the list and in the next token', async () => {
      const user = await createUser({ roles: ['data-entry'], unit: unitA });
      users.push(user);
      const role = await adminApi<{ id: string; name: string }>('GET', '/roles/appraisal');
      await adminApi('POST', `/users/${user.id}/role-mappings/realm`, [role]);

      const listed = await call(`/accounts?role=appraisal&q=${user.username}`, { token: admin });
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: user.id, roles: ['data-entry', 'appraisal'] }),
      ]);
      const token = decodeJwt(await tokenFor(user, client)) as {
        realm_access: { roles: string[] };
      };
      expect(token.realm_access.roles).toEqual(expect.arrayContaining(['appraisal', 'data-entry']));
    });

    it('refuses a token to a disabled account, and issues one again once enabled', async () => {
      const user = await createUser({ roles: ['data-entry'], unit: unitA });
      users.push(user);
      await tokenFor(user, client);
      const off = await call(`/accounts/${user.id}/enabled`, {
        method: 'PUT',
        token: admin,
        body: { enabled: false },
      });
      expect(off.status).toBe(200);
      expect(off.body.enabled).toBe(false);
      const refused = await passwordGrant(user.username, user.password, client);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toBe('invalid_grant');

      const on = await call(`/accounts/${user.id}/enabled`, {
        method: 'PUT',
        token: admin,
        body: { enabled: true },
      });
      expect(on.body.enabled).toBe(true);
      await tokenFor(user, client);
      const entries = await db
        .collection('auditEntries')
        .find({ target: `account:${user.id}` })
        .sort({ at: 1 })
        .toArray();
      expect(entries.map((e) => e.action)).toEqual(['account.disabled', 'account.enabled']);
      expect(entries[0]).toMatchObject({ before: { enabled: true }, after: { enabled: false } });
    });

    /**
     * `/me` with the next token Keycloak issues the user. A change of roles or unit revokes the
     * user's tokens, and with them any issued in its second (`iat` has whole seconds).
     */
    const meWithNextToken = (user: TestUser) =>
      eventuallyValue(
        async () => {
          const answer = await call('/me', { token: await tokenFor(user, client) });
          return answer.status === 200 && answer;
        },
        10_000,
        'a token issued after the change',
      );

    it('grants and removes roles, realm and unit-approver, and the next token carries them', async () => {
      const user = await createUser({ roles: ['data-entry'], unit: unitA });
      users.push(user);
      const res = await call(`/accounts/${user.id}/roles`, {
        method: 'PUT',
        token: admin,
        body: { roles: ['appraisal', 'unit-approver'] },
      });
      expect(res.status).toBe(200);
      expect(res.body.roles).toEqual(['appraisal', 'unit-approver']);
      const me = await meWithNextToken(user);
      expect(me.body.roles).toEqual(expect.arrayContaining(['appraisal', 'unit-approver']));
      expect(me.body.roles).not.toContain('data-entry');
    });

    it('moves an account to another unit, which the next token carries as its unit claim', async () => {
      const user = await createUser({ roles: ['data-entry'], unit: unitA });
      users.push(user);
      const res = await call(`/accounts/${user.id}/unit`, {
        method: 'PUT',
        token: admin,
        body: { unit: unitB },
      });
      expect(res.status).toBe(200);
      expect(res.body.unit).toBe(unitB);
      const me = await meWithNextToken(user);
      expect(me.body.unit).toBe(unitB);

      const missing = await call(`/accounts/${user.id}/unit`, {
        method: 'PUT',
        token: admin,
        body: { unit: code() },
      });
      expect(missing.status).toBe(422);
      expect(missing.body.error.field).toBe('unit');
    });

    it('resets a password to a new temporary one that must be changed', async () => {
      const user = await createUser({ roles: ['data-entry'], unit: unitA });
      users.push(user);
      const res = await call(`/accounts/${user.id}/password-reset`, {
        method: 'POST',
        token: admin,
        body: {},
      });
      expect(res.status).toBe(200);
      expect(res.body.account.requiredActions).toContain('UPDATE_PASSWORD');
      // The new password first: a login within a second of a failed one trips Keycloak's
      // quick-login check, which locks the user and answers "invalid user credentials".
      const grant = await passwordGrant(user.username, res.body.temporaryPassword, client);
      expect(grant.body.error_description).toMatch(/not fully set up/i);
      const old = await passwordGrant(user.username, user.password, client);
      expect(old.body.error_description).toMatch(/invalid user credentials/i);
    });
  });

  describe('an admin protecting themselves', () => {
    it('refuses an admin disabling themselves, in Vietnamese', async () => {
      const res = await call(`/accounts/${adminUser.id}/enabled`, {
        method: 'PUT',
        token: admin,
        body: { enabled: false },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/không thể tự khoá tài khoản/);
      await tokenFor(adminUser, client);
    });

    it('refuses an admin removing their own admin role', async () => {
      const res = await call(`/accounts/${adminUser.id}/roles`, {
        method: 'PUT',
        token: admin,
        body: { roles: ['appraisal'] },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/không thể tự bỏ vai trò quản trị/);
      const [me] = (await call(`/accounts?q=${adminUser.username}`, { token: admin })).body.items;
      expect(me.roles).toEqual(['admin']);
    });
  });

  describe('Keycloak unreachable', () => {
    it('says the identity server cannot be reached', async () => {
      const accounts = apps.find((app) => app.name === 'accounts')!;
      await accounts.stop();
      apps = apps.filter((app) => app !== accounts);
      apps.push(
        await startApp(appDefinition('accounts'), {
          extraEnv: { PAR_KEYCLOAK_URL: 'http://127.0.0.1:9' },
        }),
      );
      let res: Awaited<ReturnType<typeof call>> | undefined;
      await eventually(
        async () => {
          res = await call('/accounts', { token: admin });
          // Until the new node is on the bus, the gateway itself says the service is down.
          return res.status === 503 && /máy chủ định danh/.test(res.body.error.message);
        },
        20_000,
        'the restarted accounts node answering',
      );
      expect(res!.body.error.code).toBe('E_UNAVAILABLE');
      expect(res!.body.error.message).toMatch(/Không kết nối được máy chủ định danh/);
    });
  });
});
