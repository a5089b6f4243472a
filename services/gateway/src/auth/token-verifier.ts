/**
 * Verifies Keycloak access tokens (signature against the realm's JWKS, issuer, audience,
 * expiry) and turns their claims into the portal's user.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { userFromClaims, type AccessTokenClaims, type AuthUser } from '@par/contracts';
import { PortalError } from '@par/service-kit';

export interface TokenVerifierOptions {
  issuer: string;
  jwksUrl: string;
  audience: string;
  clientId: string;
}

/** The caller of a verified token, and when Keycloak issued it (`iat`, seconds). */
export interface VerifiedToken {
  user: AuthUser;
  issuedAt: number | undefined;
}

export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/** Allowed clock skew between Keycloak and the gateway when checking `exp` and `nbf`. */
export const CLOCK_TOLERANCE_SECONDS = 2;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'ES256', 'PS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return { user: userFromPayload(payload, options.clientId), issuedAt: payload.iat };
    } catch {
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
