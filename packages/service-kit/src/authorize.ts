/**
 * Decides whether the caller from the verified token may call an action. The caller's roles
 * hold realm roles and the portal client's roles, so a contract naming `unit-approver` works.
 */
import type { ActionContract, AuthUser } from '@par/contracts';
import { PortalError } from './errors';

export function assertAllowed(
  user: AuthUser | undefined,
  roles: ActionContract['roles'],
): AuthUser {
  if (!user) throw new PortalError('E_UNAUTHENTICATED');
  if (roles === 'authenticated') return user;
  if (!roles.some((role) => user.roles.includes(role))) throw new PortalError('E_FORBIDDEN');
  return user;
}
