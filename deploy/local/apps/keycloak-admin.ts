/**
 * Keycloak's admin REST API for the local stack: the seed script and the tests create users
 * with realm roles, portal client roles and a `unit` attribute through it.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { loadSecrets } from './apps.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: source deploy/local/lib/env.sh first`);
  return value;
};

export const keycloakUrl = (): string => env('PAR_KEYCLOAK_URL');
export const realm = (): string => env('PAR_KEYCLOAK_REALM');
export const issuer = (): string => `${keycloakUrl()}/realms/${realm()}`;

async function adminToken(): Promise<string> {
  const secrets = loadSecrets();
  const res = await fetch(`${keycloakUrl()}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: secrets.PAR_KEYCLOAK_ADMIN_USER ?? 'admin',
      password: secrets.PAR_KEYCLOAK_ADMIN_PASSWORD ?? '',
    }),
  });
  if (!res.ok) throw new Error(`Keycloak admin login failed: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function adminApi<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${keycloakUrl()}/admin/realms/${realm()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await adminToken()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok)
    throw new Error(`Keycloak admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface KeycloakUser {
  id: string;
  username: string;
  password: string;
  /**
   * The TOTP secret of an admin made here: the realm asks every admin for a TOTP code at login
   * (deploy/keycloak), so these accounts get an authenticator set up at creation, as a person
   * would at first login, and `totpCode` gives its current code.
   */
  totpSecret?: string;
}

/** TOTP secrets of the admins made by this process, by username (for the login helpers). */
export const totpSecrets = new Map<string, string>();

/** The realm's OTP policy (deploy/keycloak/par-portal-realm.json): RFC 6238, SHA-1, 6 digits, 30 s. */
export const totpPeriodMs = 30_000;

/** The TOTP code of a Keycloak OTP secret (its bytes are the HMAC key) for a time step. */
export function totpCode(secret: string, step = Math.floor(Date.now() / totpPeriodMs)): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', Buffer.from(secret, 'utf8')).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

const lastTotpStep = new Map<string, number>();

/**
 * A code of this admin's authenticator that has not been used yet: Keycloak refuses a code
 * twice, so a second login within the same 30 s waits for the clock to reach the next step.
 * Undefined for a user without TOTP.
 */
export async function nextTotpCode(username: string): Promise<string | undefined> {
  const secret = totpSecrets.get(username);
  if (!secret) return undefined;
  let step = Math.floor(Date.now() / totpPeriodMs);
  const last = lastTotpStep.get(username) ?? -1;
  if (step <= last) {
    step = last + 1;
    await new Promise((resolve) => setTimeout(resolve, step * totpPeriodMs - Date.now() + 50));
  }
  lastTotpStep.set(username, step);
  return totpCode(secret, step);
}

/** The secret as an authenticator app takes it: an otpauth:// URI, its key in base32. */
export function totpUri(username: string, secret: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of Buffer.from(secret, 'utf8')) bits += byte.toString(2).padStart(8, '0');
  let base32 = '';
  for (let i = 0; i < bits.length; i += 5)
    base32 += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  const label = encodeURIComponent(`PAR Index:${username}`);
  return `otpauth://totp/${label}?secret=${base32}&issuer=PAR%20Index&algorithm=SHA1&digits=6&period=30`;
}

/** Keycloak's stored form of a TOTP credential (what a user's authenticator set-up creates). */
function totpCredential(secret: string) {
  return {
    type: 'otp',
    userLabel: 'authenticator',
    secretData: JSON.stringify({ value: secret }),
    credentialData: JSON.stringify({
      subType: 'totp',
      digits: 6,
      counter: 0,
      period: totpPeriodMs / 1000,
      algorithm: 'HmacSHA1',
    }),
  };
}

/** A password that satisfies the realm policy and differs every run. */
export function generatePassword(): string {
  return `Tt-${randomBytes(12).toString('base64url')}`;
}

export interface UserOptions {
  roles: string[];
  clientRoles?: string[];
  unit?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
}

/** Creates a user with a fresh generated password, or gives an existing one a fresh password. */
export async function ensureUser(
  options: UserOptions & { username: string },
): Promise<KeycloakUser> {
  const [existing] = await adminApi<{ id: string }[]>(
    'GET',
    `/users?exact=true&username=${encodeURIComponent(options.username)}`,
  );
  if (!existing) return createUser(options);
  const password = generatePassword();
  await adminApi('PUT', `/users/${existing.id}/reset-password`, {
    type: 'password',
    value: password,
    temporary: false,
  });
  return { id: existing.id, username: options.username, password };
}

export async function createUser(options: UserOptions): Promise<KeycloakUser> {
  const username = options.username ?? `test-${randomUUID().slice(0, 8)}`;
  const password = generatePassword();
  const totpSecret = options.roles.includes('admin') ? randomBytes(15).toString('hex') : undefined;
  await adminApi('POST', '/users', {
    username,
    enabled: true,
    email: `${username}@example.test`,
    emailVerified: true,
    firstName: options.firstName ?? 'Kiểm',
    lastName: options.lastName ?? 'Thử',
    attributes: options.unit ? { unit: [options.unit] } : {},
    credentials: [
      { type: 'password', value: password, temporary: false },
      ...(totpSecret ? [totpCredential(totpSecret)] : []),
    ],
  });
  const [user] = await adminApi<{ id: string }[]>(
    'GET',
    `/users?exact=true&username=${encodeURIComponent(username)}`,
  );
  if (!user) throw new Error(`user ${username} was not created`);
  if (options.roles.length) {
    const roles = await Promise.all(
      options.roles.map((r) => adminApi<{ id: string; name: string }>('GET', `/roles/${r}`)),
    );
    await adminApi('POST', `/users/${user.id}/role-mappings/realm`, roles);
  }
  if (options.clientRoles?.length) {
    const [portal] = await adminApi<{ id: string }[]>('GET', '/clients?clientId=par-portal');
    const roles = await Promise.all(
      options.clientRoles.map((r) =>
        adminApi<{ id: string; name: string }>('GET', `/clients/${portal!.id}/roles/${r}`),
      ),
    );
    await adminApi('POST', `/users/${user.id}/role-mappings/clients/${portal!.id}`, roles);
  }
  if (totpSecret) totpSecrets.set(username, totpSecret);
  return { id: user.id, username, password, ...(totpSecret ? { totpSecret } : {}) };
}

export async function deleteUser(user: { id: string }): Promise<void> {
  await adminApi('DELETE', `/users/${user.id}`);
}
