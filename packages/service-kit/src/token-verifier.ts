/**
 * Verifies Keycloak access tokens — signature against the realm's keys, issuer, audience,
 * expiry and not-before with one small clock skew — and turns their claims into the portal's
 * user. The gateway and every service node verify with this one function.
 */
import { jwtVerify, type JWTPayload } from 'jose';
import { userFromClaims, type AccessTokenClaims, type AuthUser } from '@par/contracts';
import { PortalError } from './errors';
import { createRealmKeys, type RealmKeys, type RealmKeysOptions } from './realm-keys';

export interface TokenVerifierOptions extends Omit<RealmKeysOptions, 'jwksUrl'> {
  /** The exact `iss` of the realm's tokens (Keycloak as browsers reach it). */
  issuer: string;
  /** Where the keys are fetched; may be an internal address of the same Keycloak. */
  jwksUrl: string;
  /** Required `aud`: the API's audience, `par-api`. */
  audience: string;
  /** The portal client whose client roles count (e.g. `unit-approver`). */
  clientId: string;
  /**
   * How many verified tokens a node remembers (by their exact text, until they expire), so a
   * token used again is not verified again; 0 verifies every time. Default 10,000.
   */
  cacheSize?: number;
}

/** The caller of a verified token, and when Keycloak issued it (`iat`, seconds). */
export interface VerifiedToken {
  user: AuthUser;
  issuedAt: number | undefined;
}

export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/** Allowed clock skew between Keycloak and any node when checking `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 2;

/**
 * The settings every node reads, each from the environment:
 *
 * | variable              | default                                  | meaning                                  |
 * | --------------------- | ---------------------------------------- | ---------------------------------------- |
 * | PAR_KEYCLOAK_URL      | http://localhost:8080                    | Keycloak as browsers see it (issuer)     |
 * | PAR_KEYCLOAK_REALM    | par-portal                               | the realm                                |
 * | PAR_KEYCLOAK_JWKS_URL | <issuer>/protocol/openid-connect/certs   | where keys are fetched (may be internal) |
 * | PAR_KEYCLOAK_CLIENT_ID| par-portal                               | client whose roles (unit-approver) count |
 * | PAR_API_AUDIENCE      | par-api                                  | required `aud` of access tokens          |
 */
export function tokenVerifierOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): TokenVerifierOptions {
  const keycloak = (env.PAR_KEYCLOAK_URL ?? 'http://localhost:8080').replace(/\/$/, '');
  const issuer = `${keycloak}/realms/${env.PAR_KEYCLOAK_REALM ?? 'par-portal'}`;
  return {
    issuer,
    jwksUrl: env.PAR_KEYCLOAK_JWKS_URL ?? `${issuer}/protocol/openid-connect/certs`,
    clientId: env.PAR_KEYCLOAK_CLIENT_ID ?? 'par-portal',
    audience: env.PAR_API_AUDIENCE ?? 'par-api',
  };
}

/**
 * A verified token's result, kept for as long as the token itself is valid. The same text can
 * only have been signed by the same key, so a second verification could only add the expiry
 * check, which is made here; a key Keycloak drops meanwhile is trusted for what it signed until
 * those tokens expire (5 minutes at most).
 */
interface Remembered extends VerifiedToken {
  /** Until when (ms) the token is accepted: its `exp` plus the clock skew. */
  until: number;
}

export function createTokenVerifier(
  options: TokenVerifierOptions,
  keys: RealmKeys = createRealmKeys(options),
): TokenVerifier {
  const now = options.now ?? Date.now;
  const cacheSize = options.cacheSize ?? 10_000;
  // Insertion order is age: when full, the oldest goes.
  const remembered = new Map<string, Remembered>();

  return async (token) => {
    const known = remembered.get(token);
    if (known) {
      if (now() <= known.until) return { user: known.user, issuedAt: known.issuedAt };
      remembered.delete(token);
      throw new PortalError('E_UNAUTHENTICATED');
    }
    try {
      const { payload } = await jwtVerify(token, keys.getKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'ES256', 'PS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
      });
      const verified = { user: userFromPayload(payload, options.clientId), issuedAt: payload.iat };
      // A token not yet valid (`nbf` within the skew) or without `exp` is not remembered.
      if (cacheSize > 0 && payload.exp !== undefined && payload.nbf === undefined) {
        if (remembered.size >= cacheSize) remembered.delete(remembered.keys().next().value!);
        remembered.set(token, {
          ...verified,
          until: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000,
        });
      }
      return verified;
    } catch (err) {
      // Keycloak unreachable with no keys in hand: not the token's fault.
      if (err instanceof PortalError && err.type === 'E_UNAVAILABLE') throw err;
      // The reason (expired, bad signature, wrong audience) is not the client's business.
      throw new PortalError('E_UNAUTHENTICATED');
    }
  };
}

/** The user of a verified token; a token without a subject names nobody. */
export function userFromPayload(payload: JWTPayload, clientId: string): AuthUser {
  if (!payload.sub) throw new PortalError('E_UNAUTHENTICATED');
  return userFromClaims(payload as AccessTokenClaims, clientId);
}
