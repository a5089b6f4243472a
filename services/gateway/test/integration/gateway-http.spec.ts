/**
 * The gateway over HTTP with real tokens from Keycloak, in front of a real accounts node on
 * NATS and FerretDB: who gets in, who may do what, and what bad input gets back.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { CLOCK_TOLERANCE_SECONDS } from '@par/service-kit';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  createTestClient,
  deleteTestClient,
  tokenFor,
  type TestUser,
} from '../../../../test/support/keycloak';
import { apiUrl as api, callApi as call } from '../../../../test/support/api';
import { clockPasses } from '../../../../test/support/eventually';

const uniqueCode = () => `T${randomUUID().slice(0, 8).toUpperCase()}`;

describe('gateway over HTTP with Keycloak tokens', () => {
  let portal: Portal<'admin' | 'officer' | 'appraiser'> | undefined;
  /** Admin, officer, appraiser, for the cases that sign them in elsewhere or read their names. */
  let users: TestUser[] = [];
  let admin: string;
  let officer: string;
  let appraiser: string;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts'],
      users: {
        admin: roles.admin,
        officer: { ...roles.officer, clientRoles: ['unit-approver'] },
        appraiser: roles.appraiser,
      },
      routes: ['accounts'],
    });
    ({ admin, officer, appraiser } = portal.tokens);
    users = [portal.users.admin, portal.users.officer, portal.users.appraiser];
  });

  afterAll(async () => {
    await portal?.close();
  });

  describe('authentication', () => {
    it('refuses a request without a token with 401 and a Vietnamese message', async () => {
      const res = await call('/units');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('E_UNAUTHENTICATED');
      expect(res.body.error.message).toMatch(/đăng nhập lại/);
    });

    it('refuses an expired token', async () => {
      const shortLived = await createTestClient({ lifespanSeconds: 1 });
      try {
        const token = await tokenFor(users[0]!, shortLived);
        expect((await call('/me', { token })).status).toBe(200);
        const expiresAt = decodeJwt(token).exp! * 1000;
        await clockPasses(
          expiresAt + (CLOCK_TOLERANCE_SECONDS + 1) * 1000,
          'the expiry with the allowed skew',
        );
        expect((await call('/me', { token })).status).toBe(401);
      } finally {
        await deleteTestClient(shortLived);
      }
    });

    it('refuses a token signed with another key, even with the same claims and key id', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT(decodeJwt(admin))
        .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(admin).kid })
        .sign(privateKey);
      expect((await call('/units', { token: forged })).status).toBe(401);
    });

    it('refuses a token issued for another audience', async () => {
      const other = await createTestClient({ audience: false });
      try {
        const token = await tokenFor(users[0]!, other);
        expect(decodeJwt(token).aud ?? []).not.toContain('par-api');
        expect((await call('/units', { token })).status).toBe(401);
      } finally {
        await deleteTestClient(other);
      }
    });

    it('tells the caller who they are, with roles and unit from the token', async () => {
      const res = await call('/me', { token: officer });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ username: users[1]!.username, unit: 'SNV' });
      expect(res.body.roles).toEqual(expect.arrayContaining(['data-entry', 'unit-approver']));
    });
  });

  describe('authorization by role', () => {
    it.each([
      ['data-entry', () => officer],
      ['appraisal', () => appraiser],
    ])('refuses to let a %s user create a unit, and writes nothing', async (_role, token) => {
      const code = uniqueCode();
      const res = await call('/units', {
        method: 'POST',
        token: token(),
        body: { code, name: 'Sở Thử nghiệm', kind: 'department' },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('E_FORBIDDEN');
      const list = await call(`/units?q=${code}`, { token: admin });
      expect(list.body.total).toBe(0);
    });

    it('refuses to let a data-entry user list units', async () => {
      expect((await call('/units', { token: officer })).status).toBe(403);
    });

    it('lets an admin create a unit and then find it in the list', async () => {
      const code = uniqueCode();
      const created = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: code.toLowerCase(), name: '  Sở Nội vụ thử nghiệm ', kind: 'department' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code,
        name: 'Sở Nội vụ thử nghiệm',
        kind: 'department',
        parentId: null,
      });
      const child = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: `${code}-X1`, name: 'Phường Thử', kind: 'ward', parentId: created.body.id },
      });
      expect(child.status).toBe(201);
      const list = await call(`/units?q=${code}`, { token: admin });
      expect(list.body.items.map((u: { code: string }) => u.code)).toEqual([code, `${code}-X1`]);
    });
  });

  describe('bad input', () => {
    it('answers 409 naming the code when the code is taken, in any letter case', async () => {
      const code = uniqueCode();
      expect(
        (
          await call('/units', {
            method: 'POST',
            token: admin,
            body: { code, name: 'Sở A', kind: 'department' },
          })
        ).status,
      ).toBe(201);
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: code.toLowerCase(), name: 'Sở B', kind: 'department' },
      });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'E_CONFLICT', field: 'code' });
      expect(res.body.error.fields[0].message).toBe(
        `Mã đơn vị «${code}» đã được dùng cho đơn vị khác. Hãy chọn mã khác.`,
      );
    });

    it('answers 422 naming each bad field, and writes nothing', async () => {
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: 'Sở-1', name: 42, kind: 'department' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('E_VALIDATION');
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
        'code',
        'name',
      ]);
      expect((await call('/units?q=Sở-1', { token: admin })).body.total).toBe(0);
    });

    it('answers 422 for a parent that does not exist', async () => {
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: uniqueCode(), name: 'Xã Thử', kind: 'commune', parentId: 'nope' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe('parentId');
    });

    it('answers in English when the client asks for it', async () => {
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: '', name: 'Xã', kind: 'commune' },
        headers: { 'Accept-Language': 'en' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/Correct the marked fields/);
    });

    it('refuses a body over the limit with 413', async () => {
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: 'BIG', name: 'x'.repeat(400_000), kind: 'other' },
      });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('E_PAYLOAD_TOO_LARGE');
    });

    it('answers 422 with a JSON error for a malformed JSON body', async () => {
      const res = await call('/units', {
        method: 'POST',
        token: admin,
        body: '{"code": ',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('E_VALIDATION');
    });

    it('makes its own request id, whatever id the client sends', async () => {
      const chosen = 'chosen-by-the-client';
      const headers = { 'X-Request-ID': chosen, 'X-Correlation-ID': chosen };
      const failed = await call('/units', {
        method: 'POST',
        token: admin,
        body: { code: '', name: 'X', kind: 'village' },
        headers,
      });
      expect(failed.status).toBe(422);
      const id = failed.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(failed.body.error.requestId).toBe(id);
      const ok = await call('/me', { token: admin, headers });
      expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set([id, ok.headers.get('x-request-id'), chosen]).size).toBe(3);
    });

    it('answers 404 JSON for an unknown route', async () => {
      const res = await call('/nothing-here', { token: admin });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('E_NOT_FOUND');
    });
  });

  describe('the API description and the browser', () => {
    it('serves an OpenAPI 3.1 document without a token, covering the unit routes', async () => {
      const res = await call('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining(['/api/units', '/api/me']),
      );
    });

    it('allows the shell origin through CORS and no other', async () => {
      const preflight = (origin: string) =>
        fetch(api('/units'), {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization,content-type',
          },
        });
      const allowed = await preflight(process.env.PAR_SHELL_URL!);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(process.env.PAR_SHELL_URL);
      const other = await preflight('http://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
