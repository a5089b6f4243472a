/**
 * Account requests through the gateway with real Keycloak and a real database: a unit's approver
 * asks for accounts for a unit below theirs, an admin approves (creating the Keycloak users) or
 * rejects with a reason, and both see the outcome.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { adminApi } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  createUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../../../../test/support/keycloak';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';

const code = () => `R${randomUUID().slice(0, 8).toUpperCase()}`;

describe('account requests', () => {
  let portal: Portal<'admin'> | undefined;
  let client: TestClient;
  let db: Connection;
  /** Users the cases make themselves; the portal deletes them at the end. */
  const users: TestUser[] = [];
  /** Accounts created by approvals; deleted from Keycloak at the end. */
  const issuedIds: string[] = [];
  let admin: string;
  let approver: string;
  let approverUser: TestUser;
  let officer: string;
  const parent = code();
  const child = code();
  const sibling = code();

  const createUnit = async (unitCode: string, parentId: string | null) => {
    const res = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: unitCode, name: `Đơn vị thử ${unitCode}`, kind: 'commune', parentId },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const ask = (token: string, body: Record<string, unknown>) =>
    call('/account-requests', { method: 'POST', token, body });

  const askForChild = (reason = 'Bổ sung cán bộ nhập liệu') =>
    ask(approver, {
      unitCode: child.toLowerCase(),
      people: [
        { fullName: 'Nguyễn Văn An', email: '', roles: ['data-entry'] },
        { fullName: 'Trần Thị Bình', roles: ['data-entry', 'unit-approver'] },
      ],
      reason,
    });

  const approve = async (token: string, id: string, version: number) => {
    const res = await call(`/account-requests/${id}/approval`, {
      method: 'POST',
      token,
      body: { version },
    });
    for (const item of res.body?.items ?? []) issuedIds.push(item.account.id);
    return res;
  };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: { admin: roles.admin },
      routes: ['accounts'],
      alsoDelete: users,
    });
    client = portal.client;
    admin = portal.tokens.admin;
    const parentId = await createUnit(parent, null);
    await createUnit(child, parentId);
    await createUnit(sibling, null);
    // Bound to the unit just made, so they join after the portal is open.
    const [l, o] = await Promise.all([
      portal.addUser({ roles: ['data-entry'], clientRoles: ['unit-approver'], unit: parent }),
      portal.addUser({ roles: ['data-entry'], unit: parent }),
    ]);
    approverUser = l.user;
    [approver, officer] = [l.token, o.token];
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'accounts' })
      .asPromise();
  });

  afterAll(async () => {
    await Promise.allSettled(issuedIds.map((id) => adminApi('DELETE', `/users/${id}`)));
    await db?.close();
    await portal?.close();
  });

  it('creates the Keycloak users of an approved request, with their roles and unit', async () => {
    const asked = await askForChild();
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      requester: { id: approverUser.id, username: approverUser.username, unit: parent },
      unitCode: child,
      status: 'pending',
      usernames: [],
    });

    const pending = await call('/account-requests?status=pending', { token: admin });
    expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);

    const res = await approve(admin, asked.body.id, asked.body.version);
    expect(res.status).toBe(200);
    const lower = child.toLowerCase();
    expect(res.body.request).toMatchObject({
      status: 'approved',
      usernames: [`nhaplieu.${lower}`, `lanhdao.${lower}`],
      decidedBy: expect.objectContaining({ username: expect.any(String) }),
    });
    expect(res.body.items).toHaveLength(2);
    for (const item of res.body.items) expect(item.temporaryPassword.length).toBeGreaterThan(9);

    const [an, binh] = res.body.items.map((i: { account: { username: string } }) => i.account);
    const listed = async (username: string) =>
      (await call(`/accounts?q=${username}`, { token: admin })).body.items[0];
    expect(await listed(an.username)).toMatchObject({
      unit: child,
      roles: ['data-entry'],
      firstName: 'Văn An',
      lastName: 'Nguyễn',
    });
    expect(await listed(binh.username)).toMatchObject({
      unit: child,
      roles: expect.arrayContaining(['data-entry', 'unit-approver']),
    });

    // The requester sees the outcome.
    const mine = await call('/account-requests', { token: approver });
    expect(mine.body.items.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({
      status: 'approved',
      usernames: [`nhaplieu.${lower}`, `lanhdao.${lower}`],
    });

    // Audited, without the passwords.
    const approved = () =>
      db
        .collection('auditEntries')
        .findOne({ target: `accountRequest:${asked.body.id}`, action: 'accountRequest.approved' });
    await eventually(async () => (await approved()) !== null, 10_000, 'the audit entry');
    const entry = await approved();
    expect(entry).toMatchObject({ before: expect.objectContaining({ status: 'pending' }) });
    expect(JSON.stringify(entry)).not.toContain(res.body.items[0].temporaryPassword);
  });

  it('refuses to approve the same request twice (409) and creates nothing more', async () => {
    const asked = await ask(approver, {
      unitCode: child,
      people: [{ fullName: 'Lê Văn Cường', roles: ['data-entry'] }],
      reason: 'Thay người nghỉ hưu',
    });
    const first = await approve(admin, asked.body.id, asked.body.version);
    expect(first.status).toBe(200);
    // A second account for the same unit and role gets a numbered username.
    expect(first.body.request.usernames[0]).toMatch(/^nhaplieu\.r[0-9a-f]{8}\.2$/);
    const again = await approve(admin, asked.body.id, first.body.request.version);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('E_CONFLICT');
    // Each 409 carries the request as it is now: approved, with its accounts.
    const now = { id: asked.body.id, status: 'approved', usernames: first.body.request.usernames };
    expect(again.body.error.current).toMatchObject(now);
    const stale = await approve(admin, asked.body.id, asked.body.version);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject(now);
  });

  it('lets an admin reject with a reason the requester sees, and not approve it afterwards', async () => {
    const asked = await askForChild('Xin thêm tài khoản');
    const noReason = await call(`/account-requests/${asked.body.id}/rejection`, {
      method: 'POST',
      token: admin,
      body: { version: asked.body.version, reason: ' ' },
    });
    expect(noReason.status).toBe(422);
    const res = await call(`/account-requests/${asked.body.id}/rejection`, {
      method: 'POST',
      token: admin,
      body: { version: asked.body.version, reason: 'Đơn vị đã đủ tài khoản' },
    });
    expect(res.status).toBe(200);
    const mine = await call('/account-requests?status=rejected', { token: approver });
    expect(mine.body.items.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Đơn vị đã đủ tài khoản',
      usernames: [],
    });
    const late = await approve(admin, asked.body.id, res.body.version);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/đã được xử lý/);
    expect(late.body.error.current).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Đơn vị đã đủ tài khoản',
    });
  });

  it('refuses a request for a unit outside the approver’s subtree, saying which units are allowed', async () => {
    const res = await ask(approver, {
      unitCode: sibling,
      people: [{ fullName: 'Phạm Dũng', roles: ['data-entry'] }],
      reason: 'Thử',
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'E_FORBIDDEN', field: 'unitCode' });
    expect(res.body.error.message).toMatch(/đơn vị trực thuộc/);
  });

  it('refuses appraisal or admin roles in a request', async () => {
    const res = await ask(approver, {
      unitCode: child,
      people: [{ fullName: 'Phạm Dũng', roles: ['data-entry', 'admin'] }],
      reason: 'Thử',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({
        field: 'people.0.roles.1',
        message: expect.stringMatching(/thẩm định/),
      }),
    ]);
  });

  it('refuses a data-entry user without unit-approver (403) and a call without a token (401)', async () => {
    const body = {
      unitCode: child,
      people: [{ fullName: 'Phạm Dũng', roles: ['data-entry'] }],
      reason: 'Thử',
    };
    expect((await ask(officer, body)).status).toBe(403);
    expect((await call('/account-requests', { method: 'POST', body })).status).toBe(401);
    expect((await call('/account-requests')).status).toBe(401);
    expect((await call('/account-requests', { token: officer })).status).toBe(403);
  });

  it('refuses an approver the admin’s decisions (403)', async () => {
    const asked = await askForChild();
    expect((await approve(approver, asked.body.id, asked.body.version)).status).toBe(403);
    const reject = await call(`/account-requests/${asked.body.id}/rejection`, {
      method: 'POST',
      token: approver,
      body: { version: asked.body.version, reason: 'Tự từ chối' },
    });
    expect(reject.status).toBe(403);
  });

  it('shows an approver only the requests of their own unit', async () => {
    const other = await createUser({
      roles: ['data-entry'],
      clientRoles: ['unit-approver'],
      unit: sibling,
    });
    users.push(other);
    const res = await call('/account-requests', { token: await tokenFor(other, client) });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });
});
