/**
 * The second factor: the admin requires TOTP (Keycloak's own `CONFIGURE_TOTP` required action)
 * for an account or for every admin and appraisal account, and sees who has set it up.
 */
import type { Connection } from 'mongoose';
import type { AccountTotp, AuthUser, TotpState } from '@par/contracts';
import { recordAudit } from '../models/audit-entry.model';
import type { DirectoryUser, KeycloakDirectory } from '../keycloak/keycloak-directory';

export const configureTotp = 'CONFIGURE_TOTP';

/** An OTP credential wins over a still-pending required action (Keycloak clears it anyway). */
export function totpState(requiredActions: readonly string[], hasOtp: boolean): TotpState {
  if (hasOtp) return 'configured';
  return requiredActions.includes(configureTotp) ? 'required' : 'notRequired';
}

async function stateOf(directory: KeycloakDirectory, user: DirectoryUser): Promise<AccountTotp> {
  return { id: user.id, totp: totpState(user.requiredActions, await directory.hasOtp(user.id)) };
}

export async function listAccountTotp(
  directory: KeycloakDirectory,
): Promise<{ items: AccountTotp[] }> {
  const users = await directory.findUsers({});
  return { items: await Promise.all(users.map((user) => stateOf(directory, user))) };
}

export async function requireAccountTotp(
  db: Connection,
  directory: KeycloakDirectory,
  id: string,
  by: AuthUser,
): Promise<AccountTotp> {
  const user = await directory.getUser(id);
  const before = await stateOf(directory, user);
  if (before.totp !== 'notRequired') return before;
  await directory.addRequiredAction(id, configureTotp);
  const after: AccountTotp = { id, totp: 'required' };
  await recordAudit(db, by, {
    action: 'account.totpRequired',
    target: `account:${id}`,
    before: { totp: before.totp },
    after: { totp: after.totp },
    units: user.unit ? [user.unit] : [],
    accounts: [id],
  });
  return after;
}

/** Requires TOTP of every admin and appraisal account that has not set it up nor been asked. */
export async function requireTotpForPrivileged(
  db: Connection,
  directory: KeycloakDirectory,
  by: AuthUser,
): Promise<{ items: AccountTotp[] }> {
  const [admins, appraisers] = await Promise.all([
    directory.findUsers({ role: 'admin' }),
    directory.findUsers({ role: 'appraisal' }),
  ]);
  const unique = new Map([...admins, ...appraisers].map((user) => [user.id, user]));
  const items: AccountTotp[] = [];
  for (const id of unique.keys()) items.push(await requireAccountTotp(db, directory, id, by));
  return { items };
}
