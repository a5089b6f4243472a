/**
 * Who may do what with a unit's evidence. The unit is always the token's (`user.unit`), never a
 * param: an officer reads and writes only the files of that unit, an admin reads every unit's
 * and writes none. Appraisers read the files of their assigned entries from issue 11 on.
 */
import type { AuthUser } from '@par/contracts';

export type AccessVerdict = 'allowed' | 'noUnit' | 'otherUnit' | 'forbidden';

const isOfficer = (user: AuthUser) => user.roles.includes('data-entry');
const isAdmin = (user: AuthUser) => user.roles.includes('admin');

/** May the caller add, change or delete files of `unitCode`? */
export function writeAccess(user: AuthUser, unitCode: string): AccessVerdict {
  if (!isOfficer(user)) return 'forbidden';
  if (user.unit === null) return 'noUnit';
  return user.unit === unitCode ? 'allowed' : 'otherUnit';
}

/** May the caller see (list, download) files of `unitCode`? */
export function readAccess(user: AuthUser, unitCode: string): AccessVerdict {
  if (isAdmin(user)) return 'allowed';
  return writeAccess(user, unitCode);
}

/**
 * Which unit's files a listing shows: an admin's choice (null: every unit), or the officer's own
 * unit, and a refusal when an officer names another unit.
 */
export function listingUnit(
  user: AuthUser,
  asked: string | undefined,
): { unitCode: string | null } | { refused: AccessVerdict } {
  if (isAdmin(user)) return { unitCode: asked ?? null };
  const unitCode = asked ?? user.unit ?? '';
  const verdict = readAccess(user, unitCode);
  return verdict === 'allowed' ? { unitCode } : { refused: verdict };
}
