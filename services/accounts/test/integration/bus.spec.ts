/**
 * The gateway and the accounts service as separate Moleculer node processes over real NATS:
 * a call crosses the bus, and a killed accounts node is found again after a restart without
 * restarting the gateway.
 */
import {
  appDefinition,
  startApp,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps.ts';
import { eventually, gatewayRoutesToAccounts } from '../../../../test/support/eventually';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../../../../test/support/keycloak';

const listUnits = (token: string) =>
  fetch(`${process.env.PAR_GATEWAY_URL}/api/units?limit=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });

describe('services as separate nodes on NATS', () => {
  let gateway: RunningApp;
  let accounts: RunningApp | undefined;
  let client: TestClient;
  let admin: TestUser;
  let token: string;

  beforeAll(async () => {
    gateway = await startApp(appDefinition('gateway'));
    accounts = await startApp(appDefinition('accounts'));
    client = await createTestClient();
    admin = await createUser({ roles: ['admin'] });
    token = await tokenFor(admin, client);
  });

  afterAll(async () => {
    await stopApps([gateway, ...(accounts ? [accounts] : [])]);
    await deleteUser(admin);
    await deleteTestClient(client);
  });

  it('answers a call that crosses from the gateway process to the accounts process', async () => {
    expect(gateway.process.pid).not.toBe(accounts!.process.pid);
    await gatewayRoutesToAccounts(token);
  });

  it('says the service is unavailable while its only node is down, and recovers after a restart', async () => {
    accounts!.process.kill('SIGKILL');
    await accounts!.stop();
    accounts = undefined;

    // Without a graceful goodbye the gateway learns of the death from missed heartbeats.
    await eventually(
      async () => {
        const res = await listUnits(token);
        if (res.status !== 503) return false;
        const body = (await res.json()) as { error: { code: string } };
        return body.error.code === 'E_UNAVAILABLE';
      },
      30_000,
      'E_UNAVAILABLE from the gateway',
    );

    accounts = await startApp(appDefinition('accounts'));
    // A call may still reach the dead node until its heartbeat times out (15 s), and then waits
    // for the request timeout (10 s): the bound is their sum, with a margin.
    await gatewayRoutesToAccounts(token, 35_000);
  });
});
