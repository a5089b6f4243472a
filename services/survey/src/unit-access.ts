/**
 * Which unit a caller of the survey's unit-managed actions (consultations, questions) may act
 * for, read from the verified token only: the admin any unit, a unit's officer their own.
 */
import type { AuthUser, MessageKey } from '@par/contracts';
import { PortalError } from '@par/service-kit';

export const isAdmin = (user: AuthUser): boolean => user.roles.includes('admin');

/** Refuses with `otherUnit`'s message unless the caller is the admin or an officer of `unitCode`. */
export function assertManagesUnit(user: AuthUser, unitCode: string, otherUnit: MessageKey): void {
  if (isAdmin(user)) return;
  if (user.unit === null || user.unit.toUpperCase() !== unitCode)
    throw new PortalError('E_FORBIDDEN', { key: otherUnit });
}

/**
 * The unit a list is narrowed to: the one the admin asks for (undefined: every unit), an
 * officer's own whatever they ask; an officer bound to no unit is refused.
 */
export function listedUnit(
  user: AuthUser,
  requested: string | undefined,
  otherUnit: MessageKey,
): string | undefined {
  if (isAdmin(user)) return requested;
  if (!user.unit) throw new PortalError('E_FORBIDDEN', { key: otherUnit });
  return user.unit.toUpperCase();
}
