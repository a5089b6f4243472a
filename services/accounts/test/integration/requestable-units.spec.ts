/**
 * Which units an approver may ask accounts for, through the gateway with real Keycloak tokens:
 * their own unit and the units below it, and a clear refusal when they are bound to no unit.
 */
import { randomUUID } from 'node:crypto';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';

const code = () => `Q${randomUUID().slice(0, 8).toUpperCase()}`;
const noUnitMessage = /chưa gắn với đơn vị nào/;

describe('units an approver may ask accounts for', () => {
  let portal: Portal<'admin'> | undefined;
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
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: { admin: roles.admin },
      routes: ['accounts'],
    });
    ({ admin } = portal.tokens);
    const topId = await createUnit(top, null);
    const parentId = await createUnit(parent, topId);
    await createUnit(sibling, topId);
    const childId = await createUnit(child, parentId);
    await createUnit(grandchild, childId);
    // The approver is bound to a unit made above, so it joins after the portal is open.
    const [bound, unbound] = await Promise.all([
      portal.addUser({ roles: ['data-entry'], clientRoles: ['unit-approver'], unit: parent }),
      portal.addUser({ roles: ['data-entry'], clientRoles: ['unit-approver'] }),
    ]);
    [approver, unboundApprover] = [bound.token, unbound.token];
  });

  afterAll(async () => {
    await portal?.close();
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
