/**
 * Accounts the portal must leave alone (issue 15), against the real Keycloak: a user holding a
 * `realm-management` role — directly, through a composite realm role or through a group — and a
 * client's service account cannot have their password reset, roles or unit changed, or be
 * disabled by a portal admin; an ordinary account still can.
 */
import { randomUUID } from 'node:crypto';
import { adminApi } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';

interface KeycloakRole {
  id: string;
  name: string;
}

const realmManagementRole = async (
  name: string,
): Promise<{ client: string; role: KeycloakRole }> => {
  const [client] = await adminApi<{ id: string }[]>('GET', '/clients?clientId=realm-management');
  const role = await adminApi<KeycloakRole>('GET', `/clients/${client!.id}/roles/${name}`);
  return { client: client!.id, role };
};

/** What a refused change must not have altered, read straight from Keycloak. */
async function keycloakState(id: string) {
  const user = await adminApi<{
    enabled: boolean;
    requiredActions?: string[];
    attributes?: Record<string, string[]>;
  }>('GET', `/users/${id}`);
  const realm = await adminApi<KeycloakRole[]>('GET', `/users/${id}/role-mappings/realm`);
  return {
    enabled: user.enabled,
    requiredActions: user.requiredActions ?? [],
    unit: user.attributes?.unit ?? [],
    realmRoles: realm.map((role) => role.name).sort(),
  };
}

describe('accounts the portal may not change', () => {
  let portal: Portal<'admin' | 'direct' | 'composite' | 'grouped' | 'plain'> | undefined;
  let admin: string;
  const suffix = randomUUID().slice(0, 8);
  const compositeName = `test-kc-admin-${suffix}`;
  const groupName = `test-kc-admins-${suffix}`;
  let groupId: string | undefined;
  let serviceAccountId: string;
  const unitCode = `T${suffix.toUpperCase()}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: {
        admin: { roles: ['admin'] },
        direct: { roles: ['data-entry'], unit: 'SNV' },
        composite: { roles: ['data-entry'], unit: 'SNV' },
        grouped: { roles: ['data-entry'], unit: 'SNV' },
        plain: { roles: ['data-entry'], unit: 'SNV' },
      },
      routes: ['accounts'],
    });
    admin = portal.tokens.admin;
    const { users } = portal;

    // Directly: one realm-management role mapped to the user.
    const viewUsers = await realmManagementRole('view-users');
    await adminApi('POST', `/users/${users.direct.id}/role-mappings/clients/${viewUsers.client}`, [
      viewUsers.role,
    ]);
    // Through a composite realm role that contains a realm-management role.
    const manageUsers = await realmManagementRole('manage-users');
    await adminApi('POST', '/roles', { name: compositeName, composite: false });
    await adminApi('POST', `/roles/${compositeName}/composites`, [manageUsers.role]);
    const composite = await adminApi<KeycloakRole>('GET', `/roles/${compositeName}`);
    await adminApi('POST', `/users/${users.composite.id}/role-mappings/realm`, [composite]);
    // Through a group holding a realm-management role.
    await adminApi('POST', '/groups', { name: groupName });
    const [group] = await adminApi<{ id: string }[]>(
      'GET',
      `/groups?exact=true&search=${encodeURIComponent(groupName)}`,
    );
    groupId = group!.id;
    await adminApi('POST', `/groups/${groupId}/role-mappings/clients/${viewUsers.client}`, [
      viewUsers.role,
    ]);
    await adminApi('PUT', `/users/${users.grouped.id}/groups/${groupId}`);

    const [serviceAccount] = await adminApi<{ id: string }[]>(
      'GET',
      '/users?exact=true&username=service-account-par-assessment',
    );
    serviceAccountId = serviceAccount!.id;

    const unit = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: unitCode, name: `Đơn vị thử ${unitCode}`, kind: 'commune', unitGroup: null },
    });
    expect(unit.status).toBe(201);
  });

  afterAll(async () => {
    await portal?.close();
    await Promise.allSettled([
      adminApi('DELETE', `/roles/${compositeName}`),
      groupId ? adminApi('DELETE', `/groups/${groupId}`) : Promise.resolve(),
    ]);
  });

  const changes: Array<[string, (id: string) => { path: string; method: string; body?: unknown }]> =
    [
      ['reset the password', (id) => ({ path: `/accounts/${id}/password-reset`, method: 'POST' })],
      [
        'change the roles',
        (id) => ({ path: `/accounts/${id}/roles`, method: 'PUT', body: { roles: ['admin'] } }),
      ],
      [
        'change the unit',
        (id) => ({ path: `/accounts/${id}/unit`, method: 'PUT', body: { unit: unitCode } }),
      ],
      [
        'disable',
        (id) => ({ path: `/accounts/${id}/enabled`, method: 'PUT', body: { enabled: false } }),
      ],
    ];

  const targets: Array<[string, () => string, RegExp]> = [
    ['a direct realm-management role', () => portal!.users.direct.id, /quyền quản trị Keycloak/],
    ['a composite realm role', () => portal!.users.composite.id, /quyền quản trị Keycloak/],
    ['a group', () => portal!.users.grouped.id, /quyền quản trị Keycloak/],
    ['a service account (par-assessment)', () => serviceAccountId, /tài khoản dịch vụ/],
  ];

  describe.each(targets)('a user protected through %s', (_how, target, message) => {
    it.each(changes)('refuses to %s, in Vietnamese, and Keycloak is unchanged', async (_c, req) => {
      const id = target();
      const before = await keycloakState(id);
      const { path, method, body } = req(id);
      const res = await call(path, { method, token: admin, body });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('E_FORBIDDEN');
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).toMatch(/trang quản trị Keycloak/);
      expect(res.body.temporaryPassword).toBeUndefined();
      expect(await keycloakState(id)).toEqual(before);
    });
  });

  it('lists a Keycloak administrator with its protection, and an ordinary account without', async () => {
    const list = async (username: string) => {
      const res = await call(`/accounts?q=${encodeURIComponent(username)}`, { token: admin });
      expect(res.status).toBe(200);
      return res.body.items.find((a: { username: string }) => a.username === username);
    };
    expect((await list(portal!.users.grouped.username)).protection).toBe('realmManagement');
    expect((await list(portal!.users.plain.username)).protection).toBeNull();
  });

  it('still lets the admin reset the password of an ordinary account', async () => {
    const res = await call(`/accounts/${portal!.users.plain.id}/password-reset`, {
      method: 'POST',
      token: admin,
    });
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toEqual(expect.any(String));
    expect((await keycloakState(portal!.users.plain.id)).requiredActions).toContain(
      'UPDATE_PASSWORD',
    );
  });
});
