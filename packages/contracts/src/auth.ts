/** Who is calling: the roles Keycloak issues and the user the gateway derives from a verified token. */
import type { AuthUser } from './auth-user';
import {
  servicePrincipalClientId,
  servicePrincipalNames,
  serviceRole,
  type ServicePrincipalName,
} from './services';

export const realmRoles = ['data-entry', 'appraisal', 'admin'] as const;
export type RealmRole = (typeof realmRoles)[number];

/** Client role of the portal client: a unit leader who approves and submits. */
export const unitApproverRole = 'unit-approver';

// The schema lives apart so that reading a token (`userFromClaims`, on every page's first path)
// loads no zod.
export { AuthUser } from './auth-user';

/** The claims of a Keycloak access token that make up the portal user. */
export interface AccessTokenClaims {
  sub?: string;
  preferred_username?: string;
  realm_access?: { roles?: string[] };
  resource_access?: Record<string, { roles?: string[] } | undefined>;
  unit?: unknown;
  /** The client the token was issued to. */
  azp?: string;
  /** The service a principal's client names in a hard-coded claim (see the realm file). */
  service?: unknown;
}

/**
 * The service a token speaks for, if it is a service principal's: its client's `service` claim
 * names a known principal, the token was issued to that principal's own client, and its account
 * holds the `service` role. A person given the role by mistake, or a token of another client
 * carrying such a claim, is no service.
 */
function serviceOf(claims: AccessTokenClaims): ServicePrincipalName | undefined {
  const name = servicePrincipalNames.find((n) => n === claims.service);
  if (!name || claims.azp !== servicePrincipalClientId(name)) return undefined;
  return claims.realm_access?.roles?.includes(serviceRole) ? name : undefined;
}

/**
 * The portal user from a verified access token: realm roles plus the portal client's roles
 * (e.g. `unit-approver`), never other clients' roles, and the `unit` claim. The gateway and
 * the frontends read tokens with this one function, so both see the same user. A service
 * principal's token also names its `service`.
 */
export function userFromClaims(claims: AccessTokenClaims, clientId: string): AuthUser {
  const roles = new Set([
    ...(claims.realm_access?.roles ?? []),
    ...(claims.resource_access?.[clientId]?.roles ?? []),
  ]);
  const unit = Array.isArray(claims.unit) ? claims.unit[0] : claims.unit;
  const service = serviceOf(claims);
  return {
    id: claims.sub ?? '',
    username: claims.preferred_username ?? claims.sub ?? '',
    roles: [...roles].sort(),
    unit: typeof unit === 'string' && unit !== '' ? unit : null,
    ...(service ? { service } : {}),
  };
}
