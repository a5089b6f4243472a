/**
 * Decides whether the caller from the verified token may call an action. A person's roles hold
 * realm roles and the portal client's roles, so a contract naming `unit-approver` works; a
 * service principal is let in only by the contract's `services`, never by its roles.
 */
import type { ActionContract, AuthUser } from '@par/contracts';
import { PortalError } from './errors';

export function assertAllowed(
  user: AuthUser | undefined,
  contract: Pick<ActionContract, 'roles' | 'services'>,
): AuthUser {
  if (!user) throw new PortalError('E_UNAUTHENTICATED');
  if (user.service !== undefined) {
    if (contract.services?.includes(user.service)) return user;
    throw new PortalError('E_FORBIDDEN');
  }
  const { roles } = contract;
  if (roles === 'authenticated') return user;
  if (!roles.some((role) => user.roles.includes(role))) throw new PortalError('E_FORBIDDEN');
  return user;
}
