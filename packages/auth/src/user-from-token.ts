/** Reads the portal user out of a verified Keycloak access token's claims. */
import type { AuthUser } from '@par/contracts';

export interface AccessTokenClaims {
  sub?: string;
  preferred_username?: string;
  realm_access?: { roles?: string[] };
  resource_access?: Record<string, { roles?: string[] } | undefined>;
  unit?: unknown;
}

/** Realm roles plus the portal client's roles (e.g. `unit-approver`), as the gateway sees them. */
export function userFromToken(claims: AccessTokenClaims, clientId: string): AuthUser {
  const roles = new Set([
    ...(claims.realm_access?.roles ?? []),
    ...(claims.resource_access?.[clientId]?.roles ?? []),
  ]);
  return {
    id: claims.sub ?? '',
    username: claims.preferred_username ?? claims.sub ?? '',
    roles: [...roles].sort(),
    unit: typeof claims.unit === 'string' && claims.unit !== '' ? claims.unit : null,
  };
}
