/**
 * A disabled account's tokens through the real gateway, with real Keycloak tokens: the portal
 * revokes them at once on every gateway node, across restarts, until the account is enabled
 * again; an account disabled straight in Keycloak loses its token when the token expires. A
 * change of the user's roles or unit revokes the tokens that still say the old ones.
 */
import { execFileSync } from 'node:child_process';
import { decodeJwt } from 'jose';
import mongoose from 'mongoose';
import {
  appDefinition,
  startApp,
  startApps,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { adminApi, issuer } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { CLOCK_TOLERANCE_SECONDS } from '@par/service-kit';
import {
  clockPasses,
  eventually,
  gatewayRoutesToAccounts,
} from '../../../../test/support/eventually';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../../../../test/support/keycloak';
import { callApi as call } from '../../../../test/support/api';

const revokedMessage = /Tài khoản đã bị khoá hoặc phiên đã bị thu hồi/;

/** A second gateway node on ports of its own, as ops would run two behind a load balancer. */
const secondGatewayPort = Number(process.env.PAR_GATEWAY_PORT) + 10;
const secondGatewayEnv = () => ({
  ...process.env,
  PAR_GATEWAY_PORT: String(secondGatewayPort),
  PAR_GATEWAY_HEALTH_PORT: String(Number(process.env.PAR_GATEWAY_HEALTH_PORT) + 10),
});
const callSecond = async (path: string, token: string) => {
  const res = await fetch(`http://localhost:${secondGatewayPort}/api${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
};

/** Waits into the next whole second: `iat` has whole seconds, and so has the revocation check. */
const nextSecond = () =>
  clockPasses((Math.floor(Date.now() / 1000) + 1) * 1000 + 100, 'the next whole second');

async function refreshGrant(refreshToken: string, client: TestClient): Promise<number> {
  const res = await fetch(`${issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: client.clientId,
      client_secret: client.secret,
      refresh_token: refreshToken,
    }),
  });
  return res.status;
}

async function passwordGrant(user: TestUser, client: TestClient) {
  const res = await fetch(`${issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.secret,
      username: user.username,
      password: user.password,
      scope: 'openid',
    }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { access_token?: string; refresh_token?: string },
  };
}

describe('tokens of a disabled account', () => {
  let apps: RunningApp[] = [];
  let second: RunningApp | undefined;
  let client: TestClient;
  const users: TestUser[] = [];
  let admin: string;

  const setEnabled = (id: string, enabled: boolean) =>
    call(`/accounts/${id}/enabled`, { method: 'PUT', token: admin, body: { enabled } });

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts']);
    second = await startApp(appDefinition('gateway', secondGatewayEnv()), {
      env: secondGatewayEnv(),
    });
    client = await createTestClient();
    const adminUser = await createUser({ roles: ['admin'] });
    users.push(adminUser);
    admin = await tokenFor(adminUser, client);
    await gatewayRoutesToAccounts(admin);
    await eventually(
      async () => (await callSecond('/me', admin)).status === 200,
      20_000,
      'the second gateway loading the revocations',
    );
  });

  afterAll(async () => {
    await stopApps([...apps, ...(second ? [second] : [])]);
    await Promise.allSettled(users.map(deleteUser));
    if (client) await deleteTestClient(client);
  });

  it('refuses the existing token on every gateway node as soon as the portal disables the account', async () => {
    const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
    users.push(officer);
    const { body: tokens } = await passwordGrant(officer, client);
    const token = tokens.access_token!;
    expect((await call('/me', { token })).status).toBe(200);
    expect((await callSecond('/me', token)).status).toBe(200);

    expect((await setEnabled(officer.id, false)).status).toBe(200);

    const first = await call('/me', { token });
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('E_UNAUTHENTICATED');
    expect(first.body.error.message).toMatch(revokedMessage);
    // The event is broadcast; the other node hears it within moments, not at the token's expiry.
    await eventually(
      async () => (await callSecond('/me', token)).status === 401,
      5_000,
      'the second gateway refusing the revoked token',
    );
    expect((await callSecond('/me', token)).body.error?.message).toMatch(revokedMessage);
    // Keycloak's sessions ended too: the refresh token yields no new access token.
    expect(await refreshGrant(tokens.refresh_token!, client)).toBe(400);
    // And a disabled account gets no new token at all.
    expect((await passwordGrant(officer, client)).status).not.toBe(200);
  });

  it('accepts a token issued after the account is enabled again, but never the old one', async () => {
    const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
    users.push(officer);
    const old = await tokenFor(officer, client);
    expect((await setEnabled(officer.id, false)).status).toBe(200);
    expect((await setEnabled(officer.id, true)).status).toBe(200);
    await nextSecond();

    const fresh = await tokenFor(officer, client);
    expect((await call('/me', { token: fresh })).status).toBe(200);
    expect((await callSecond('/me', fresh)).status).toBe(200);
    expect((await call('/me', { token: old })).status).toBe(401);
  });

  it("refuses the old token on every node once the portal changes the user's roles", async () => {
    const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
    users.push(officer);
    const { body: tokens } = await passwordGrant(officer, client);
    const old = tokens.access_token!;
    expect((await call('/me', { token: old })).body.roles).toContain('data-entry');

    const changed = await call(`/accounts/${officer.id}/roles`, {
      method: 'PUT',
      token: admin,
      body: { roles: ['appraisal'] },
    });
    expect(changed.status).toBe(200);

    const refused = await call('/me', { token: old });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(revokedMessage);
    await eventually(
      async () => (await callSecond('/me', old)).status === 401,
      5_000,
      'the second gateway refusing the token with the old roles',
    );
    // Its session ended too: the refresh token yields no token with the old roles.
    expect(await refreshGrant(tokens.refresh_token!, client)).toBe(400);
    await nextSecond();
    const fresh = await call('/me', { token: await tokenFor(officer, client) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.roles).toContain('appraisal');
    expect(fresh.body.roles).not.toContain('data-entry');
  });

  it('leaves the token alone when the roles sent are those the user has', async () => {
    const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
    users.push(officer);
    const token = await tokenFor(officer, client);
    const same = await call(`/accounts/${officer.id}/roles`, {
      method: 'PUT',
      token: admin,
      body: { roles: ['data-entry'] },
    });
    expect(same.status).toBe(200);
    expect((await call('/me', { token })).status).toBe(200);
  });

  it('refuses the old token once the portal moves the user to another unit, writing only the unit', async () => {
    const code = `RV${Date.now().toString(36).toUpperCase()}`;
    const created = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code, name: 'Đơn vị chuyển đến', kind: 'department' },
    });
    expect(created.status).toBe(201);
    const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
    users.push(officer);
    const old = await tokenFor(officer, client);
    expect((await call('/me', { token: old })).body.unit).toBe('SNV');
    // What the move must not write back: a required action an admin set in Keycloak meanwhile.
    await adminApi('PUT', `/users/${officer.id}`, { requiredActions: ['CONFIGURE_TOTP'] });
    const before = await adminApi<Record<string, unknown>>('GET', `/users/${officer.id}`);

    const moved = await call(`/accounts/${officer.id}/unit`, {
      method: 'PUT',
      token: admin,
      body: { unit: code },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.unit).toBe(code);
    const after = await adminApi<Record<string, unknown>>('GET', `/users/${officer.id}`);
    expect(after).toMatchObject({
      firstName: before.firstName,
      lastName: before.lastName,
      email: before.email,
      enabled: true,
      requiredActions: ['CONFIGURE_TOTP'],
      attributes: { unit: [code] },
    });

    const refused = await call('/me', { token: old });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(revokedMessage);
  });

  it('still refuses the old token after every gateway and accounts node restarts', async () => {
    const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
    users.push(officer);
    const token = await tokenFor(officer, client);
    expect((await setEnabled(officer.id, false)).status).toBe(200);

    await stopApps([...apps, second!]);
    second = undefined;
    apps = await startApps(['gateway', 'accounts']);
    await gatewayRoutesToAccounts(admin);

    const res = await call('/me', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(revokedMessage);
  });

  it('reads the revocations again after the gateway was cut off from the bus and missed one', async () => {
    const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
    users.push(officer);
    const token = await tokenFor(officer, client);
    expect((await call('/me', { token })).status).toBe(200);

    const stack = (command: string) =>
      execFileSync('bash', ['deploy/local/stack.sh', command, 'nats'], {
        cwd: process.env.PAR_REPO_DIR,
        stdio: 'ignore',
      });
    stack('stop');
    try {
      // What the accounts service records while no event can reach the gateway.
      const db = await mongoose
        .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'accounts' })
        .asPromise();
      await db.collection('tokenRevocations').insertOne({
        userId: officer.id,
        revokedAt: new Date(),
        expiresAt: new Date(Date.now() + 600_000),
      });
      await db.close();
      expect((await call('/me', { token })).status).toBe(200);
    } finally {
      stack('start');
    }
    await eventually(
      async () => (await call('/me', { token })).status === 401,
      30_000,
      'the gateway refusing the token after the bus came back',
    );
  });

  it('an account disabled in Keycloak gets no new token, and its token is refused once it expires', async () => {
    // A client of its own with short-lived tokens, so the test need not wait the realm's 5 minutes.
    const shortLived = await createTestClient({ lifespanSeconds: 4 });
    try {
      const officer = await createUser({ roles: ['data-entry'], unit: 'SNV' });
      users.push(officer);
      const token = await tokenFor(officer, shortLived);
      expect((await call('/me', { token })).status).toBe(200);

      const user = await adminApi<Record<string, unknown>>('GET', `/users/${officer.id}`);
      await adminApi('PUT', `/users/${officer.id}`, { ...user, enabled: false });

      const grant = await passwordGrant(officer, shortLived);
      expect(grant.status).toBe(400);
      expect(grant.body.access_token).toBeUndefined();

      // Until then the gateway cannot know (it checks tokens offline): the lifespan is the bound.
      const expiresAt = decodeJwt(token).exp! * 1000;
      await clockPasses(
        expiresAt + (CLOCK_TOLERANCE_SECONDS + 1) * 1000,
        'the expiry with the allowed skew',
      );
      const res = await call('/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('E_UNAUTHENTICATED');
    } finally {
      await deleteTestClient(shortLived);
    }
  });
});
