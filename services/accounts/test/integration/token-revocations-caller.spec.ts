/**
 * `accounts.listTokenRevocations` is the gateway's alone (issue 15): on the real bus, with real
 * client-credentials tokens from Keycloak, the gateway's principal reads it; no token, a person
 * (even an admin) and every other service principal are refused, and the gateway still loads it.
 */
import { randomUUID } from 'node:crypto';
import { ServiceBroker } from 'moleculer';
import { accountUserActions, type ServicePrincipalName } from '@par/contracts';
import {
  natsCredentials,
  startApps,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { gatewayRoutesToAccounts } from '../../../../test/support/eventually';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../../../../test/support/keycloak';
import { principalMeta } from '../../../../test/support/principals';

const action = accountUserActions.listTokenRevocations.name;

describe('who may read the token revocations', () => {
  let apps: RunningApp[] = [];
  let bus: ServiceBroker;
  let client: TestClient;
  let admin: TestUser;

  /** The error type of a call with `meta`, or 'ok' when it is answered. */
  const outcome = (meta: object) =>
    bus.call(action, {}, { meta }).then(
      () => 'ok',
      (err: { type?: string }) => err.type ?? String(err),
    );

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts']);
    client = await createTestClient();
    admin = await createUser({ roles: ['admin'] });
    // A node of its own on the bus, as the local `tests` NATS user, calling as each caller.
    bus = new ServiceBroker({
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      nodeID: `revocations-bus-${randomUUID().slice(0, 8)}`,
      transporter: { type: 'NATS', options: natsCredentials('tests') },
      logger: false,
    });
    await bus.start();
    await bus.waitForServices(['accounts'], 30_000);
  });

  afterAll(async () => {
    await bus?.stop();
    await stopApps(apps);
    if (admin) await deleteUser(admin);
    if (client) await deleteTestClient(client);
  });

  it("answers the gateway's service principal with the list", async () => {
    const list = await bus.call(action, {}, { meta: await principalMeta('gateway') });
    expect(accountUserActions.listTokenRevocations.result.parse(list).items).toEqual(
      expect.any(Array),
    );
  });

  it('refuses a call with no token (401), as every contract action', async () => {
    expect(await outcome({})).toBe('E_UNAUTHENTICATED');
  });

  it.each<ServicePrincipalName>(['assessment', 'evidence', 'seed'])(
    "refuses the %s service's own credentials (403)",
    async (service) => {
      expect(await outcome(await principalMeta(service))).toBe('E_FORBIDDEN');
    },
  );

  it("refuses a person's token, even an admin's (403)", async () => {
    expect(await outcome({ token: await tokenFor(admin, client) })).toBe('E_FORBIDDEN');
  });

  it('still lets the gateway load the revocations and serve users', async () => {
    // The gateway answers 503 to every call until it has loaded them as `par-gateway`.
    await expect(gatewayRoutesToAccounts(await tokenFor(admin, client))).resolves.toBeDefined();
  });
});
