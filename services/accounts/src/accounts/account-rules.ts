/** The pure rules of accounts: usernames, temporary passwords and what an admin may not do to themselves. */
import { randomInt } from 'node:crypto';
import type { AccountProtection, AccountRole, AuthUser, MessageKey } from '@par/contracts';

/** Short, readable prefixes for derived usernames, one per role. */
const usernamePrefixByRole: Record<AccountRole, string> = {
  'data-entry': 'nhaplieu',
  appraisal: 'thamdinh',
  admin: 'quantri',
  'unit-approver': 'lanhdao',
};

/**
 * The username of a unit's account when the admin does not choose one:
 * `<prefix of the first role>.<unit code in lower case>`, e.g. `nhaplieu.snv` for the
 * `data-entry` account of unit SNV; `unit-approver` wins over `data-entry` as the prefix
 * because it names the leader's account. A second account for the same unit and role
 * needs a chosen username (the derived one is then taken: 409).
 */
export function deriveUsername(unitCode: string, roles: readonly AccountRole[]): string {
  const role: AccountRole = roles.includes('unit-approver')
    ? 'unit-approver'
    : (roles[0] ?? 'data-entry');
  return `${usernamePrefixByRole[role]}.${unitCode.toLowerCase()}`;
}

// No 0/O, 1/l/I: the password is read off a printed sheet and typed by hand.
const lower = 'abcdefghijkmnopqrstuvwxyz';
const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';
const symbols = '-_.@#';
const all = lower + upper + digits + symbols;

export const temporaryPasswordLength = 14;

/**
 * A temporary password meeting the realm policy (`length(10) and notUsername`) with a margin:
 * 14 characters from a crypto RNG, at least one lower, upper, digit and symbol, starting with a letter.
 */
export function generateTemporaryPassword(username: string): string {
  for (;;) {
    const chars = [lower, upper, digits, symbols].map((set) => pick(set));
    // Starting with a letter keeps spreadsheets from reading the hand-over cell as a formula.
    chars.unshift(pick(lower + upper));
    while (chars.length < temporaryPasswordLength) chars.push(pick(all));
    for (let i = chars.length - 1; i > 1; i--) {
      const j = 1 + randomInt(i);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (password.toLowerCase() !== username.toLowerCase()) return password;
  }
}

function pick(set: string): string {
  return set[randomInt(set.length)]!;
}

/**
 * Why an admin may not make this change to their own account, or null when they may: an admin
 * cannot remove their own `admin` role or disable themselves, so the province never loses its
 * last admin by a slip of the hand.
 */
export function selfChangeRefusal(
  actor: Pick<AuthUser, 'id'>,
  targetId: string,
  change: { roles?: readonly string[]; enabled?: boolean },
): MessageKey | null {
  if (actor.id !== targetId) return null;
  if (change.enabled === false) return 'account.self.disable';
  if (change.roles && !change.roles.includes('admin')) return 'account.self.removeAdmin';
  return null;
}

/**
 * Why no portal admin may reset the password, change the roles or unit of, or disable an
 * account, or null when they may: Keycloak's own administrators and service accounts are managed
 * in Keycloak's console, so a portal admin's account cannot be used to take them over.
 */
export function protectionRefusal(protection: AccountProtection | null): MessageKey | null {
  if (protection === 'realmManagement') return 'account.protected.realmManagement';
  if (protection === 'serviceAccount') return 'account.protected.serviceAccount';
  return null;
}

/** The roles to grant and to remove to go from `current` to `wanted`. */
export function roleChanges(
  current: readonly AccountRole[],
  wanted: readonly AccountRole[],
): { grant: AccountRole[]; remove: AccountRole[] } {
  return {
    grant: wanted.filter((role) => !current.includes(role)),
    remove: current.filter((role) => !wanted.includes(role)),
  };
}
