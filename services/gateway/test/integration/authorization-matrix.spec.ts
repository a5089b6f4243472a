/**
 * Who may call each REST action, and who may not: every route of `restActions` (so routes added
 * later are covered without touching this file) against every kind of caller, through the real
 * gateway and services with real Keycloak tokens.
 */
import { restActions, type ActionContract, type ContractRole } from '@par/contracts';
import { serviceApps, type AppName } from '../../../../deploy/local/apps/apps.ts';
import { adminApi } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { eventually } from '../../../../test/support/eventually';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';

interface Caller {
  name: string;
  roles: ContractRole[];
  realmRoles: string[];
  clientRoles?: string[];
  unit?: string;
}

const callers: Caller[] = [
  { name: 'admin', roles: ['admin'], realmRoles: ['admin'] },
  { name: 'data-entry', roles: ['data-entry'], realmRoles: ['data-entry'], unit: 'SNV' },
  { name: 'appraisal', roles: ['appraisal'], realmRoles: ['appraisal'], unit: 'STP' },
  {
    name: 'data-entry + unit-approver',
    roles: ['data-entry', 'unit-approver'],
    realmRoles: ['data-entry'],
    clientRoles: ['unit-approver'],
    unit: 'SNV',
  },
  // A valid Keycloak account that the portal never gave anything: no role, no unit.
  { name: 'admin of nothing', roles: [], realmRoles: [] },
];

const mayCall = (action: ActionContract, caller: Caller) =>
  action.roles === 'authenticated' || caller.roles.some((role) => action.roles.includes(role));

/** The route with dummy path parameters; a body only where the method carries one. */
function requestOf(action: ActionContract): { method: string; path: string; body?: unknown } {
  const { method, path } = action.rest!;
  return {
    method,
    path: path.replace(/:(\w+)/g, (_whole, name: string) => `dummy-${name}-0000`),
    body: method === 'GET' || method === 'DELETE' ? undefined : {},
  };
}

/** The node that answers an action: the gateway itself or the service named before the dot. */
const appsFor = (actions: readonly ActionContract[]): AppName[] => {
  const services = new Set(actions.map((action) => action.name.split('.')[0]!));
  return serviceApps.filter((app) => app === 'gateway' || services.has(app));
};

/**
 * Actions that an allowed caller really performs even with an empty body, and how to undo them so
 * the realm other suites use is left as it was. Add one here when a new action has such effects.
 */
const undoers: Record<string, (adminToken: string) => Promise<() => Promise<void>>> = {
  'accounts.requireTotpForPrivileged': async (adminToken) => {
    const before = await call('/accounts/totp', { token: adminToken });
    const notRequired = (before.body.items as Array<{ id: string; totp: string }>)
      .filter((item) => item.totp === 'notRequired')
      .map((item) => item.id);
    return async () => {
      await Promise.allSettled(
        notRequired.map(async (id) => {
          const user = await adminApi<{ requiredActions?: string[] }>('GET', `/users/${id}`);
          await adminApi('PUT', `/users/${id}`, {
            ...user,
            requiredActions: (user.requiredActions ?? []).filter((a) => a !== 'CONFIGURE_TOTP'),
          });
        }),
      );
    };
  },
};

const actions = restActions.filter((action) => action.rest);
const table = actions.map((action) => [action.name, action] as const);

describe('who may call each REST action', () => {
  let portal: Portal<string> | undefined;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    portal = await openPortal({
      apps: appsFor(actions),
      users: Object.fromEntries(
        callers.map((caller) => [
          caller.name,
          { roles: caller.realmRoles, clientRoles: caller.clientRoles, unit: caller.unit },
        ]),
      ),
    });
    for (const [name, token] of Object.entries(portal.tokens)) tokens.set(name, token);
    // Every node is on the bus once the gateway routes to all of them (no 503 left).
    await eventually(
      async () => {
        const answers = await Promise.all(
          actions.map((action) => {
            const { method, path, body } = requestOf(action);
            return call(path, { method, body, token: tokens.get('admin of nothing') });
          }),
        );
        return answers.every((res) => res.status !== 503);
      },
      30_000,
      'the gateway routing to every service',
    );
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('covers every REST route of the contracts', () => {
    expect(actions.length).toBe(restActions.length);
    expect(actions.length).toBeGreaterThan(15);
  });

  it.each(table)('%s: refuses a call without a token with 401', async (_name, action) => {
    const { method, path, body } = requestOf(action);
    const res = await call(path, { method, body });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('E_UNAUTHENTICATED');
  });

  it.each(table)('%s: refuses every role it does not name with 403', async (_name, action) => {
    const { method, path, body } = requestOf(action);
    const refused = callers.filter((caller) => !mayCall(action, caller));
    for (const caller of refused) {
      const res = await call(path, { method, body, token: tokens.get(caller.name) });
      expect({ caller: caller.name, status: res.status, code: res.body?.error?.code }).toEqual({
        caller: caller.name,
        status: 403,
        code: 'E_FORBIDDEN',
      });
    }
  });

  it.each(table)('%s: lets every role it names past authorization', async (_name, action) => {
    const { method, path, body } = requestOf(action);
    const allowed = callers.filter((caller) => mayCall(action, caller));
    expect(allowed.length).toBeGreaterThan(0);
    for (const caller of allowed) {
      const undo = await undoers[action.name]?.(tokens.get('admin')!);
      try {
        const res = await call(path, { method, body, token: tokens.get(caller.name) });
        // Dummy ids and empty bodies may be refused as invalid or not found, never as the
        // caller's fault, and never by a service that is not there (5xx).
        expect({
          caller: caller.name,
          status: res.status,
          passed: [200, 201, 204, 404, 409, 422].includes(res.status),
        }).toMatchObject({ caller: caller.name, passed: true });
      } finally {
        await undo?.();
      }
    }
  });
});
