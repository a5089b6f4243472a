/**
 * Nobody on the bus is trusted, against the real stack: a node that reaches NATS and calls an
 * admin action with a forged `meta.user` gets 401, the caller is whoever the token says, the
 * gateway is not ready until it has the revocations, and with Keycloak stopped the portal keeps
 * verifying tokens with the keys it fetched.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { ServiceBroker } from 'moleculer';
import type { AuthUser } from '@par/contracts';
import {
  appDefinition,
  natsCredentials,
  startApp,
  stopApps,
} from '../../../../deploy/local/apps/apps.ts';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../../../../test/support/keycloak';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';

const uniqueCode = () => `ZT${randomUUID().slice(0, 6).toUpperCase()}`;

/**
 * A bare Moleculer node on the test NATS, as anything holding NATS credentials could run: the
 * local stack's `tests` user, whose rights reach every service.
 */
async function bareNode(): Promise<ServiceBroker> {
  const node = new ServiceBroker({
    namespace: process.env.PAR_NAMESPACE ?? 'par',
    nodeID: `zero-trust-test-${randomUUID().slice(0, 8)}`,
    transporter: { type: 'NATS', options: natsCredentials('tests') },
    logger: false,
  });
  await node.start();
  return node;
}

const health = async (port: string | undefined) => {
  const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
  return { status: res.status, body: (await res.json()) as { checks: Record<string, string> } };
};

describe('gateway readiness', () => {
  it('is not ready until the revocations are loaded, and refuses API calls meanwhile', async () => {
    // No accounts node is on the bus yet: this file's portal starts after this test.
    const healthPort = process.env.PAR_GATEWAY_HEALTH_PORT;
    const gateway = await startApp(appDefinition('gateway'));
    let accounts: Awaited<ReturnType<typeof startApp>> | undefined;
    try {
      // Live and on the bus, not ready: it cannot tell a revoked token yet.
      await eventually(
        async () => (await health(healthPort)).body.checks.bus === 'up',
        20_000,
        'the lone gateway joining the bus',
      );
      expect(await health(healthPort)).toEqual({
        status: 503,
        body: { status: 'down', checks: { running: 'up', bus: 'up', revocations: 'down' } },
      });
      const client = await createTestClient();
      const user = await createUser(roles.admin);
      try {
        const refused = await call('/units?limit=1', { token: await tokenFor(user, client) });
        expect(refused.status).toBe(503);
      } finally {
        await deleteUser(user);
        await deleteTestClient(client);
      }

      accounts = await startApp(appDefinition('accounts'));
      await eventually(
        async () => (await health(healthPort)).status === 200,
        30_000,
        'the gateway ready once the accounts node gave it the revocations',
      );
      expect((await health(healthPort)).body.checks).toEqual({
        running: 'up',
        bus: 'up',
        revocations: 'up',
      });
    } finally {
      await stopApps([gateway, ...(accounts ? [accounts] : [])]);
    }
  });
});

describe('identity on every hop', () => {
  let portal: Portal<'admin' | 'officer'> | undefined;
  let bus: ServiceBroker;
  const forgedAdmin: AuthUser = {
    id: randomUUID(),
    username: 'mallory',
    roles: ['admin'],
    unit: null,
  };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: { admin: roles.admin, officer: roles.officer },
      routes: ['accounts'],
    });
    bus = await bareNode();
    await bus.waitForServices(['accounts'], 30_000);
  });

  afterAll(async () => {
    await bus?.stop();
    await portal?.close();
  });

  it('refuses with 401 an admin action called on the bus with a forged user and no token', async () => {
    const code = uniqueCode();
    const unit = { code, name: 'Đơn vị giả mạo', kind: 'department' };
    await expect(
      bus.call('accounts.createUnit', unit, { meta: { user: forgedAdmin } }),
    ).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED', code: 401 });
    // A forged service principal fares no better.
    await expect(
      bus.call('accounts.createUnit', unit, {
        meta: { user: { ...forgedAdmin, roles: ['service'], service: 'seed' } },
      }),
    ).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
    // Nothing was written.
    const found = await call(`/units?q=${code}`, { token: portal!.tokens.admin });
    expect(found.body.total).toBe(0);
  });

  it('takes the caller from the token, whatever user travels beside it', async () => {
    const { admin, officer } = portal!.tokens;
    // An officer's real token with a forged admin beside it: the officer is not an admin.
    await expect(
      bus.call('accounts.listAccounts', {}, { meta: { user: forgedAdmin, token: officer } }),
    ).rejects.toMatchObject({ type: 'E_FORBIDDEN', code: 403 });
    // A token that does not verify (its signature cut) is no token.
    await expect(
      bus.call(
        'accounts.listAccounts',
        {},
        { meta: { user: forgedAdmin, token: admin.slice(0, -8) } },
      ),
    ).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
    // The admin's token works from any node, and the node sees the admin, not the forged user.
    const me = await bus.call<AuthUser, object>(
      'gateway.me',
      {},
      { meta: { user: forgedAdmin, token: admin } },
    );
    expect(me).toMatchObject({
      id: portal!.users.admin.id,
      username: portal!.users.admin.username,
      roles: expect.arrayContaining(['admin']),
    });
  });

  it('keeps verifying valid tokens with the keys it has while Keycloak is stopped', async () => {
    // Both nodes have verified a token, so both hold the realm's keys.
    expect((await call('/units?limit=1', { token: portal!.tokens.admin })).status).toBe(200);
    // A token no node has seen yet (nodes remember the tokens they verified): with Keycloak
    // down, it must be verified with the keys in hand.
    const admin = await tokenFor(portal!.users.admin, portal!.client);

    const stack = (command: 'stop' | 'start') =>
      execFileSync('bash', ['deploy/local/stack.sh', command, 'keycloak'], {
        cwd: process.env.PAR_REPO_DIR,
        stdio: 'ignore',
      });
    stack('stop');
    try {
      await expect(fetch(`${process.env.PAR_KEYCLOAK_URL}/realms/par-portal`)).rejects.toThrow();
      // Through the gateway (which verifies, then the accounts node verifies again) and on the bus.
      const res = await call('/units?limit=1', { token: admin });
      expect(res.status).toBe(200);
      expect((await call('/me', { token: admin })).body.id).toBe(portal!.users.admin.id);
      await expect(
        bus.call('accounts.listUnits', { limit: 1 }, { meta: { token: admin } }),
      ).resolves.toMatchObject({ total: expect.any(Number) });
      // A token no key of the realm signed is still refused, with Keycloak out of reach.
      expect((await call('/units?limit=1', { token: admin.slice(0, -8) })).status).toBe(401);
    } finally {
      // `start` waits for Keycloak's health check: the next test finds it up.
      stack('start');
    }
  });
});
