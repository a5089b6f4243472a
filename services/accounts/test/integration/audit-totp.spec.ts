/**
 * The audit trail and the second factor through the gateway, with real Keycloak and a real
 * database: the admin reads who changed what, filtered by unit or account, and requires TOTP.
 */
import { randomUUID } from 'node:crypto';
import { adminApi } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { type TestUser } from '../../../../test/support/keycloak';
import { callApi as call } from '../../../../test/support/api';

const code = () => `ZA${randomUUID().slice(0, 8).toUpperCase()}`;

interface KeycloakUserRep {
  id: string;
  requiredActions?: string[];
}

describe('the audit trail and TOTP', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser'> | undefined;
  /** Admin, officer, appraiser, for the cases that name one of them. */
  let users: TestUser[] = [];
  const issuedIds: string[] = [];
  let adminUser: TestUser;
  let admin: string;
  let officer: string;
  let appraiser: string;
  let appraiserUser: TestUser;
  /** A Keycloak user created with an OTP credential, as if it had set TOTP up. */
  let otpUserId: string;
  let unitA: string;
  let unitB: string;

  const createUnit = async (unitCode: string) => {
    const res = await call('/units', {
      method: 'POST',
      token: admin,
      body: { code: unitCode, name: `Đơn vị nhật ký ${unitCode}`, kind: 'commune' },
    });
    expect(res.status).toBe(201);
  };

  const totpOf = async (id: string) =>
    (await call('/accounts/totp', { token: admin })).body.items.find(
      (item: { id: string }) => item.id === id,
    )?.totp;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: { admin: roles.admin, officer: roles.officer, appraiser: roles.appraiser },
      routes: ['accounts'],
    });
    ({ admin: adminUser, appraiser: appraiserUser } = portal.users);
    users = [portal.users.admin, portal.users.officer, portal.users.appraiser];
    ({ admin, officer, appraiser } = portal.tokens);
    unitA = code();
    unitB = code();
    await createUnit(unitA);
    await createUnit(unitB);

    const otpUsername = `otp-${randomUUID().slice(0, 8)}`;
    await adminApi('POST', '/users', {
      username: otpUsername,
      enabled: true,
      credentials: [
        {
          type: 'otp',
          userLabel: 'test phone',
          secretData: JSON.stringify({ value: 'JBSWY3DPEHPK3PXPJBSW' }),
          credentialData: JSON.stringify({
            subType: 'totp',
            digits: 6,
            counter: 0,
            period: 30,
            algorithm: 'HmacSHA1',
          }),
        },
      ],
    });
    otpUserId = (
      await adminApi<KeycloakUserRep[]>('GET', `/users?exact=true&username=${otpUsername}`)
    )[0]!.id;
    issuedIds.push(otpUserId);
  });

  afterAll(async () => {
    await Promise.allSettled(issuedIds.map((id) => adminApi('DELETE', `/users/${id}`)));
    await portal?.close();
  });

  describe('who may call', () => {
    const requests: Array<[string, () => { method: string; path: string; body?: unknown }]> = [
      ['listAuditEntries', () => ({ method: 'GET', path: '/audit' })],
      ['listAccountTotp', () => ({ method: 'GET', path: '/accounts/totp' })],
      [
        'requireAccountTotp',
        () => ({ method: 'PUT', path: `/accounts/${users[1]!.id}/totp-required`, body: {} }),
      ],
      [
        'requireTotpForPrivileged',
        () => ({ method: 'POST', path: '/accounts/totp-required', body: {} }),
      ],
    ];

    it.each(requests)(
      'refuses %s without a token (401) and to data-entry and appraisal (403)',
      async (_name, request) => {
        const { method, path, body } = request();
        expect((await call(path, { method, body })).status).toBe(401);
        for (const token of [officer, appraiser]) {
          const res = await call(path, { method, token, body });
          expect(res.status).toBe(403);
          expect(res.body.error.code).toBe('E_FORBIDDEN');
        }
      },
    );

    it('lets an admin read the audit trail', async () => {
      const res = await call('/audit?limit=1', { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
    });

    it('refuses a page larger than 200 entries', async () => {
      expect((await call('/audit?limit=201', { token: admin })).status).toBe(422);
    });
  });

  describe('reading the audit trail', () => {
    it('shows a unit creation and an account change, filtered by unit and by account, newest first, without passwords', async () => {
      const issued = await call('/accounts', {
        method: 'POST',
        token: admin,
        body: { unitCodes: [unitA], roles: ['data-entry'] },
      });
      expect(issued.status).toBe(201);
      const [{ account, temporaryPassword }] = issued.body.items;
      issuedIds.push(account.id);
      const moved = await call(`/accounts/${account.id}/unit`, {
        method: 'PUT',
        token: admin,
        body: { unit: unitB },
      });
      expect(moved.status).toBe(200);
      const reset = await call(`/accounts/${account.id}/password-reset`, {
        method: 'POST',
        token: admin,
        body: {},
      });
      const newPassword = reset.body.temporaryPassword as string;

      const byUnitA = await call(`/audit?unit=${unitA}`, { token: admin });
      expect(byUnitA.status).toBe(200);
      expect(byUnitA.body.items.map((e: { action: string }) => e.action)).toEqual([
        'account.unitChanged',
        'account.created',
        'unit.created',
      ]);
      expect(byUnitA.body.total).toBe(3);
      const [movedEntry] = byUnitA.body.items;
      expect(movedEntry).toMatchObject({
        actor: { id: adminUser.id, username: adminUser.username },
        target: `account:${account.id}`,
        accounts: [account.id],
        changes: [{ field: 'unit', before: unitA, after: unitB }],
      });
      expect(movedEntry.units).toEqual(expect.arrayContaining([unitA, unitB]));
      const times = byUnitA.body.items.map((e: { at: string }) => Date.parse(e.at));
      expect([...times].sort((x, y) => y - x)).toEqual(times);

      const byAccount = await call(`/audit?account=${account.id}`, { token: admin });
      expect(byAccount.body.items.map((e: { action: string }) => e.action)).toEqual([
        'account.passwordReset',
        'account.unitChanged',
        'account.created',
      ]);

      const paged = await call(`/audit?account=${account.id}&limit=1&offset=1`, { token: admin });
      expect(paged.body).toMatchObject({ total: 3, items: [{ action: 'account.unitChanged' }] });

      const both = await call(`/audit?unit=${unitB}&account=${account.id}`, { token: admin });
      expect(both.body.items.map((e: { action: string }) => e.action)).toEqual([
        'account.passwordReset',
        'account.unitChanged',
      ]);

      const everything = JSON.stringify([byUnitA.body, byAccount.body]);
      expect(everything).not.toContain(temporaryPassword);
      expect(everything).not.toContain(newPassword);
      expect(everything).not.toMatch(/password"\s*:/i);
    });
  });

  describe('requiring TOTP', () => {
    it('sets Keycloak’s CONFIGURE_TOTP required action, lists the account as required and audits it', async () => {
      expect(await totpOf(appraiserUser.id)).toBe('notRequired');
      const res = await call(`/accounts/${appraiserUser.id}/totp-required`, {
        method: 'PUT',
        token: admin,
        body: {},
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: appraiserUser.id, totp: 'required' });
      const inKeycloak = await adminApi<KeycloakUserRep>('GET', `/users/${appraiserUser.id}`);
      expect(inKeycloak.requiredActions).toContain('CONFIGURE_TOTP');
      expect(await totpOf(appraiserUser.id)).toBe('required');

      const audit = await call(`/audit?account=${appraiserUser.id}`, { token: admin });
      expect(audit.body.items[0]).toMatchObject({
        action: 'account.totpRequired',
        changes: [{ field: 'totp', before: 'notRequired', after: 'required' }],
      });
    });

    it('shows an account with an OTP credential as configured, and leaves it so', async () => {
      expect(await totpOf(otpUserId)).toBe('configured');
      const res = await call(`/accounts/${otpUserId}/totp-required`, {
        method: 'PUT',
        token: admin,
        body: {},
      });
      expect(res.body.totp).toBe('configured');
      const inKeycloak = await adminApi<KeycloakUserRep>('GET', `/users/${otpUserId}`);
      expect(inKeycloak.requiredActions ?? []).not.toContain('CONFIGURE_TOTP');
    });

    it('requires TOTP of every admin and appraisal account in one action, and of no one else', async () => {
      const before = (await call('/accounts/totp', { token: admin })).body.items as Array<{
        id: string;
        totp: string;
      }>;
      const newlyRequired = before.filter((item) => item.totp === 'notRequired').map((i) => i.id);
      try {
        const res = await call('/accounts/totp-required', {
          method: 'POST',
          token: admin,
          body: {},
        });
        expect(res.status).toBe(200);
        const ids = res.body.items.map((item: { id: string }) => item.id);
        expect(ids).toEqual(expect.arrayContaining([adminUser.id, appraiserUser.id]));
        expect(ids).not.toContain(users[1]!.id);
        // The realm makes every admin set up TOTP (the test admin has it already); the
        // appraiser, without it, now must set it up at the next login.
        expect(await totpOf(adminUser.id)).toBe('configured');
        expect(await totpOf(appraiserUser.id)).toBe('required');
        expect(await totpOf(users[1]!.id)).toBe('notRequired');
      } finally {
        // Other suites' long-lived accounts of this realm must not be left asking for TOTP.
        await Promise.allSettled(
          newlyRequired.map(async (id) => {
            const user = await adminApi<KeycloakUserRep>('GET', `/users/${id}`);
            await adminApi('PUT', `/users/${id}`, {
              ...user,
              requiredActions: (user.requiredActions ?? []).filter((a) => a !== 'CONFIGURE_TOTP'),
            });
          }),
        );
      }
    });
  });
});
