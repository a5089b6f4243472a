/**
 * The real-stack set-up that integration and browser tests share: the named apps, a Keycloak
 * test client, one user per role with its token, the gateway routing to the services asked for,
 * and one `close()` that undoes all of it.
 */
import {
  startApps,
  stopApps,
  type AppName,
  type RunningApp,
} from '../../deploy/local/apps/apps.ts';
import type { UserOptions } from '../../deploy/local/apps/keycloak-admin.ts';
import { callApi } from './api';
import { eventually, gatewayRoutesToAccounts } from './eventually';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from './keycloak';

/** The callers most tests need; spread and pick, or pass options of your own. */
export const roles = {
  admin: { roles: ['admin'] },
  officer: { roles: ['data-entry'], unit: 'SNV' },
  appraiser: { roles: ['appraisal'], unit: 'STP' },
  nobody: { roles: [] },
} satisfies Record<string, UserOptions>;

/** A service the gateway must route to before the tests start. */
export type Route = 'accounts' | 'assessment' | 'evidence';

export interface PortalOptions<Name extends string> {
  apps: AppName[];
  users: Record<Name, UserOptions>;
  /** Checked with the token of the first user who has the admin role. */
  routes?: Route[];
  /** Users the tests make along the way (read at close); deleted once each with the fixture's. */
  alsoDelete?: TestUser[];
}

export interface Portal<Name extends string> {
  apps: RunningApp[];
  client: TestClient;
  users: Record<Name, TestUser>;
  tokens: Record<Name, string>;
  /** A user made later (e.g. bound to a unit the test creates first), deleted by `close()`. */
  addUser(options: UserOptions): Promise<{ user: TestUser; token: string }>;
  /** Stops the apps and deletes the users and client; tries every step, then reports failures. */
  close(): Promise<void>;
}

/** Waits until the gateway routes an admin's call to the service (e.g. one started later). */
export const waitForRoute: Record<Route, (adminToken: string) => Promise<number>> = {
  accounts: (token) => gatewayRoutesToAccounts(token),
  assessment: (token) =>
    eventually(
      async () => (await callApi('/indices', { token })).status === 200,
      20_000,
      'the gateway routing to the assessment service',
    ),
  evidence: (token) =>
    eventually(
      async () =>
        (await callApi('/evidence/files?periodId=000000000000000000000000', { token })).status ===
        200,
      20_000,
      'the gateway routing to the evidence service',
    ),
};

/**
 * Opens the portal for a test file. If any step fails, what was made so far is undone before
 * the error is rethrown, so an `afterAll` that finds no portal has nothing to clean.
 */
export async function openPortal<Name extends string>(
  options: PortalOptions<Name>,
): Promise<Portal<Name>> {
  let apps: RunningApp[] = [];
  let client: TestClient | undefined;
  const made: TestUser[] = [];

  const close = async () => {
    const results = await Promise.allSettled([stopApps(apps)]);
    const toDelete = new Map([...made, ...(options.alsoDelete ?? [])].map((u) => [u.id, u]));
    results.push(...(await Promise.allSettled([...toDelete.values()].map(deleteUser))));
    if (client) results.push(...(await Promise.allSettled([deleteTestClient(client)])));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length)
      throw new AggregateError(
        failures.map((f) => f.reason),
        'closing the portal fixture',
      );
  };

  try {
    apps = await startApps(options.apps);
    const testClient = await createTestClient();
    client = testClient;
    const names = Object.keys(options.users) as Name[];
    const users = await Promise.all(
      names.map(async (name) => {
        const user = await createUser(options.users[name]);
        made.push(user);
        return user;
      }),
    );
    const tokens = await Promise.all(users.map((user) => tokenFor(user, testClient)));
    const byName = <T>(values: T[]) =>
      Object.fromEntries(names.map((name, i) => [name, values[i]])) as Record<Name, T>;

    const routes = options.routes ?? [];
    if (routes.length) {
      const adminAt = names.findIndex((name) => options.users[name].roles.includes('admin'));
      if (adminAt < 0) throw new Error('waiting for routes needs a user with the admin role');
      for (const route of routes) await waitForRoute[route](tokens[adminAt]!);
    }

    return {
      apps,
      client: testClient,
      users: byName(users),
      tokens: byName(tokens),
      addUser: async (userOptions) => {
        const user = await createUser(userOptions);
        made.push(user);
        return { user, token: await tokenFor(user, testClient) };
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
