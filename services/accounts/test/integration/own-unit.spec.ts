/**
 * The caller's own unit, as the shell names it, through the gateway with real Keycloak tokens:
 * always the unit of the token's claim (whatever the request says), "no unit" for an account
 * bound to none, and a clear 404 when the claim names a unit the portal does not have.
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

const code = () => `O${randomUUID().slice(0, 8).toUpperCase()}`;

describe("the caller's own unit", () => {
  let apps: RunningApp[] = [];
  let client: TestClient;
  const users: TestUser[] = [];
  let officer: string;
  let appraiser: string;
  let unbound: string;
  let stray: string;
  const [own, other, missing] = [code(), code(), code()];

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts']);
    client = await createTestClient();
    const a = await createUser({ roles: ['admin'] });
    users.push(a);
    const admin = await tokenFor(a, client);
    await gatewayRoutesToAccounts(admin);
    for (const [unitCode, name, shortName] of [
      [own, `Sở Tư pháp thử ${own}`, 'STP thử'],
      [other, `Xã Thanh Ba thử ${other}`, null],
    ] as const) {
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: unitCode, name, shortName, kind: 'department' },
      });
      expect(res.status).toBe(201);
    }
    const created = await Promise.all([
      createUser({ roles: ['data-entry'], unit: own }),
      // A claim typed in lower case in Keycloak's console still names the unit.
      createUser({ roles: ['appraisal'], unit: own.toLowerCase() }),
      createUser({ roles: ['data-entry'] }),
      createUser({ roles: ['data-entry'], unit: missing }),
    ]);
    users.push(...created);
    const [withUnit, lowerCase, withoutUnit, unknownUnit] = created;
    [officer, appraiser, unbound, stray] = await Promise.all([
      tokenFor(withUnit!, client),
      tokenFor(lowerCase!, client),
      tokenFor(withoutUnit!, client),
      tokenFor(unknownUnit!, client),
    ]);
  });

  afterAll(async () => {
    await stopApps(apps);
    await Promise.allSettled(users.map(deleteUser));
    if (client) await deleteTestClient(client);
  });

  it("answers a data-entry officer with their own unit's code, name, short name and kind", async () => {
    const res = await call('/me/unit', { token: officer });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      unit: { code: own, name: `Sở Tư pháp thử ${own}`, shortName: 'STP thử', kind: 'department' },
    });
  });

  it('answers an appraiser too, though they may not list units', async () => {
    expect((await call('/units', { token: appraiser })).status).toBe(403);
    const res = await call('/me/unit', { token: appraiser });
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ code: own, name: `Sở Tư pháp thử ${own}` });
  });

  it('never answers with another unit, whatever the request names', async () => {
    const res = await call(`/me/unit?code=${other}&unit=${other}`, { token: officer });
    // Extra parameters are refused or ignored; either way no other unit is read.
    if (res.status === 200) expect(res.body.unit.code).toBe(own);
    else expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).not.toContain(other);
  });

  it('says "no unit" to an account bound to no unit, without an error', async () => {
    const res = await call('/me/unit', { token: unbound });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unit: null });
  });

  it('answers 404 naming the code when the claim names a unit the portal does not have', async () => {
    const res = await call('/me/unit', { token: stray });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('E_NOT_FOUND');
    expect(res.body.error.message).toContain(`«${missing}»`);
    expect(res.body.error.message).toMatch(/liên hệ quản trị viên/);
  });

  it('refuses a call without a token', async () => {
    expect((await call('/me/unit')).status).toBe(401);
  });
});
