/**
 * Which units an approver may ask accounts for, through the gateway with real Keycloak tokens:
 * their own unit and the units below it, and a clear refusal when they are bound to no unit.
 */
import { randomUUID } from 'node:crypto';
import { startApps, stopApps, type RunningApp } from '../../../../deploy/local/apps/apps.ts';
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
import { callApi as call } from '../../../../test/support/api';

const code = () => `Q${randomUUID().slice(0, 8).toUpperCase()}`;
const noUnitMessage = /chưa gắn với đơn vị nào/;

describe('units an approver may ask accounts for', () => {
  let apps: RunningApp[] = [];
  let client: TestClient;
  const users: TestUser[] = [];
  let admin: string;
  let approver: string;
  let unboundApprover: string;
  const [top, parent, child, grandchild, sibling] = [code(), code(), code(), code(), code()];

  const createUnit = async (unitCode: string, parentId: string | null) => {
    const res = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: unitCode, name: `Đơn vị thử ${unitCode}`, kind: 'commune', parentId },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts']);
    client = await createTestClient();
    const a = await createUser({ roles: ['admin'] });
    users.push(a);
    admin = await tokenFor(a, client);
    await gatewayRoutesToAccounts(admin);
    const topId = await createUnit(top, null);
    const parentId = await createUnit(parent, topId);
    await createUnit(sibling, topId);
    const childId = await createUnit(child, parentId);
    await createUnit(grandchild, childId);
    const [bound, unbound] = await Promise.all([
      createUser({ roles: ['data-entry'], clientRoles: ['unit-approver'], unit: parent }),
      createUser({ roles: ['data-entry'], clientRoles: ['unit-approver'] }),
    ]);
    users.push(bound, unbound);
    [approver, unboundApprover] = await Promise.all([
      tokenFor(bound, client),
      tokenFor(unbound, client),
    ]);
  });

  afterAll(async () => {
    await stopApps(apps);
    await Promise.allSettled(users.map(deleteUser));
    if (client) await deleteTestClient(client);
  });

  it('lists the own unit first, then every unit below it, and no sibling or parent', async () => {
    const res = await call('/account-requests/units', { token: approver });
    expect(res.status).toBe(200);
    expect(res.body.items.map((unit: { code: string }) => unit.code)).toEqual([
      parent,
      child,
      grandchild,
    ]);
    expect(res.body.items[0]).toMatchObject({ code: parent, name: `Đơn vị thử ${parent}` });
  });

  it('refuses an approver bound to no unit with a message that says why, on every request action', async () => {
    const requests = [
      call('/account-requests/units', { token: unboundApprover }),
      call('/account-requests', { token: unboundApprover }),
      call('/account-requests', {
        method: 'POST',
        token: unboundApprover,
        body: {
          unitCode: child,
          people: [{ fullName: 'Nguyễn Văn An', roles: ['data-entry'] }],
          reason: 'Bổ sung cán bộ',
        },
      }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('E_FORBIDDEN');
      expect(res.body.error.message).toMatch(noUnitMessage);
    }
  });
});
