/**
 * The gateway under a burst, on the real stack: a limit per address before authentication, one
 * per user after it, each a 429 in Vietnamese with Retry-After; and the security headers on
 * every answer. The limits are set low for this gateway through its environment.
 */
import {
  appDefinition,
  startApp,
  startApps,
  stopApps,
  type RunningApp,
} from '../../../../deploy/local/apps/apps';
import { callApi } from '../../../../test/support/api';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../../../../test/support/keycloak';
import { eventually } from '../../../../test/support/eventually';

const PER_USER = 5;
const PER_ADDRESS = 12;
const WINDOW_S = 60;

describe('rate limits and security headers at the gateway', () => {
  let apps: RunningApp[] = [];
  let client: TestClient | undefined;
  const users: TestUser[] = [];
  let first: string;
  let second: string;

  beforeAll(async () => {
    apps = await startApps(['accounts']);
    apps.push(
      await startApp(appDefinition('gateway'), {
        extraEnv: {
          PAR_RATE_LIMIT_PER_USER: String(PER_USER),
          PAR_RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
          PAR_RATE_LIMIT_WINDOW_S: String(WINDOW_S),
          // As behind the ingress: the last X-Forwarded-For entry is the client.
          PAR_TRUSTED_PROXIES: '1',
          PAR_HSTS: 'true',
        },
      }),
    );
    client = await createTestClient();
    users.push(await createUser({ roles: ['data-entry'], unit: 'SNV' }));
    users.push(await createUser({ roles: ['admin'] }));
    [first, second] = (await Promise.all(users.map((user) => tokenFor(user, client!)))) as [
      string,
      string,
    ];
    // Revocations loaded: /me answers (from an address of its own, so no test's budget is spent).
    await eventually(
      async () =>
        (await callApi('/me', { token: second, headers: from('198.51.100.250') })).status === 200,
      30_000,
      'the gateway ready',
    );
  });

  afterAll(async () => {
    await stopApps(apps);
    await Promise.all(users.map(deleteUser));
    if (client) await deleteTestClient(client);
  });

  const from = (address: string) => ({ 'X-Forwarded-For': address });

  it('answers a burst from one address past its limit with 429, Retry-After and a Vietnamese message', async () => {
    const statuses: number[] = [];
    // The client's own entries on the left change nothing: the proxy's last entry counts.
    for (let i = 0; i < PER_ADDRESS + 3; i++) {
      const res = await callApi('/openapi.json', { headers: from(`10.9.9.${i}, 203.0.113.7`) });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error).toMatchObject({ code: 'E_RATE_LIMITED', retryable: true });
        const seconds = Number(res.headers.get('retry-after'));
        // One request back every WINDOW_S / PER_ADDRESS = 5 s.
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(WINDOW_S / PER_ADDRESS);
        expect(res.body.error.message).toBe(
          `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy đợi ${seconds} giây rồi thử lại.`,
        );
      }
    }
    expect(statuses).toEqual([...Array(PER_ADDRESS).fill(200), 429, 429, 429]);
    // Another address is not held back by the first.
    expect((await callApi('/openapi.json', { headers: from('203.0.113.8') })).status).toBe(200);
  });

  it('limits a user across addresses, and only that user', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_USER + 2; i++) {
      statuses.push((await callApi('/me', { token: first, headers: from(`192.0.2.${i}`) })).status);
    }
    expect(statuses).toEqual([...Array(PER_USER).fill(200), 429, 429]);
    expect((await callApi('/me', { token: second, headers: from('192.0.2.100') })).status).toBe(
      200,
    );
  });

  it('sends the security headers with every answer, errors and unknown routes included', async () => {
    const expected = {
      'content-security-policy':
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    };
    for (const path of ['/openapi.json', '/me', '/no-such-route']) {
      const res = await callApi(path, { headers: from('198.51.100.7') });
      expect([path, res.status >= 200]).toEqual([path, true]);
      for (const [name, value] of Object.entries(expected)) {
        expect([path, name, res.headers.get(name)]).toEqual([path, name, value]);
      }
    }
  });
});
