/**
 * Real Keycloak for tests: users come from the admin API (see keycloak-admin.ts), tokens from
 * Keycloak itself. The portal's own client allows only the browser flow, so tests get a
 * confidential client of their own with the password grant and the same audience and `unit`
 * mappers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  adminApi,
  issuer,
  nextTotpCode,
  type KeycloakUser as TestUser,
} from '../../deploy/local/apps/keycloak-admin.ts';

export {
  createUser,
  deleteUser,
  type KeycloakUser as TestUser,
} from '../../deploy/local/apps/keycloak-admin.ts';

export interface TestClient {
  clientId: string;
  secret: string;
}

/**
 * A confidential client for tests. `audience: false` leaves out the API audience (for the
 * wrong-audience case); `lifespanSeconds` shortens its access tokens (for the expired case).
 */
export async function createTestClient(
  options: { audience?: boolean; lifespanSeconds?: number } = {},
): Promise<TestClient> {
  const clientId = `test-runner-${randomUUID().slice(0, 8)}`;
  const secret = randomBytes(24).toString('base64url');
  const mapper = (name: string, protocolMapper: string, config: Record<string, string>) => ({
    name,
    protocol: 'openid-connect',
    protocolMapper,
    config,
  });
  await adminApi('POST', '/clients', {
    clientId,
    secret,
    publicClient: false,
    standardFlowEnabled: false,
    directAccessGrantsEnabled: true,
    attributes: options.lifespanSeconds
      ? { 'access.token.lifespan': String(options.lifespanSeconds) }
      : {},
    protocolMappers: [
      mapper('unit', 'oidc-usermodel-attribute-mapper', {
        'user.attribute': 'unit',
        'claim.name': 'unit',
        'jsonType.label': 'String',
        'access.token.claim': 'true',
        'id.token.claim': 'false',
      }),
      ...(options.audience === false
        ? []
        : [
            mapper('api audience', 'oidc-audience-mapper', {
              'included.client.audience': 'par-api',
              'access.token.claim': 'true',
            }),
          ]),
    ],
  });
  return { clientId, secret };
}

export async function deleteTestClient(client: TestClient): Promise<void> {
  const [found] = await adminApi<{ id: string }[]>('GET', `/clients?clientId=${client.clientId}`);
  if (found) await adminApi('DELETE', `/clients/${found.id}`);
}

/** An access token issued by Keycloak for the user, through the test client. */
export async function tokenFor(user: TestUser, client: TestClient): Promise<string> {
  // An admin has TOTP (the realm asks admins for it): the direct grant takes its code too.
  const totp = await nextTotpCode(user.username);
  const res = await fetch(`${issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.secret,
      username: user.username,
      password: user.password,
      scope: 'openid',
      ...(totp ? { totp } : {}),
    }),
  });
  if (!res.ok)
    throw new Error(`token for ${user.username}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The Keycloak account behind a realm client's service account (a service principal). */
export async function serviceAccountOf(
  clientId: string,
): Promise<{ id: string; username: string }> {
  const [client] = await adminApi<{ id: string }[]>('GET', `/clients?clientId=${clientId}`);
  if (!client)
    throw new Error(`the realm has no client ${clientId}: re-import it (deploy/local/README.md)`);
  return adminApi<{ id: string; username: string }>(
    'GET',
    `/clients/${client.id}/service-account-user`,
  );
}
