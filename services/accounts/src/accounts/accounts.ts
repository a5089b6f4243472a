/**
 * Accounts: listing, issuing and changing Keycloak users on the admin's behalf. Keycloak holds
 * the users (no copy here); this module checks the rules, keeps creation all-or-nothing and
 * writes every change to the audit trail (never a password).
 */
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import type {
  Account,
  AccountList,
  AccountRole,
  AuthUser,
  CreateAccountsParams,
  CreateAccountsResult,
  IssuedAccount,
  ListAccountsParams,
  TokenRevocation,
} from '@par/contracts';
import { PortalError, fieldError } from '@par/service-kit';
import { recordAudit, type AuditRecord } from '../models/audit-entry.model';
import { unitModel, type UnitDocument } from '../models/unit.model';
import type { DirectoryUser, KeycloakDirectory } from '../keycloak/keycloak-directory';
import {
  deriveUsername,
  generateTemporaryPassword,
  protectionRefusal,
  roleChanges,
  selfChangeRefusal,
} from './account-rules';
import { unitCodesOf } from '../audit/audit-rules';
import { revokeTokens } from './token-revocations';
import { currentYear, isActiveIn } from '../units/unit-lifecycle-rules';

export function toAccount(user: DirectoryUser): Account {
  return {
    id: user.id,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    enabled: user.enabled,
    unit: user.unit,
    roles: user.roles,
    requiredActions: user.requiredActions,
    createdAt: user.createdTimestamp ? new Date(user.createdTimestamp).toISOString() : null,
    protection: user.protection,
  };
}

export async function listAccounts(
  directory: KeycloakDirectory,
  params: z.output<typeof ListAccountsParams>,
): Promise<AccountList> {
  const users = await directory.findUsers(params);
  users.sort((a, b) => a.username.localeCompare(b.username));
  return {
    items: users.slice(params.offset, params.offset + params.limit).map(toAccount),
    total: users.length,
  };
}

export async function createAccounts(
  db: Connection,
  directory: KeycloakDirectory,
  params: z.output<typeof CreateAccountsParams>,
  by: AuthUser,
): Promise<CreateAccountsResult> {
  return issueAccounts(db, directory, await planAccounts(db, params), by);
}

/** The accounts a request asks for, one per unit, after checking that its units exist. */
export async function planAccounts(
  db: Connection,
  params: z.output<typeof CreateAccountsParams>,
): Promise<PlannedAccount[]> {
  const units = await unitsToServe(db, params);
  return units.map((unit) => ({
    unit,
    username: params.username ?? deriveUsername(unit.code, params.roles),
    roles: params.roles,
    firstName: params.firstName,
    lastName: params.lastName,
    email: params.email ?? null,
  }));
}

/** One account to create: its unit, username, roles and names. */
export interface PlannedAccount {
  unit: Pick<UnitDocument, 'code' | 'name'>;
  username: string;
  roles: AccountRole[];
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/**
 * Creates the planned accounts all or nothing (a failure deletes the ones already created) and
 * audits them; the admin's form and approved account requests both go through here.
 */
export async function issueAccounts(
  db: Connection,
  directory: KeycloakDirectory,
  planned: PlannedAccount[],
  by: AuthUser,
): Promise<CreateAccountsResult> {
  // Refuse before creating anything, so a taken name never leaves the others half-done.
  for (const { username } of planned) {
    if (await directory.findByUsername(username))
      throw fieldError('E_CONFLICT', 'username', 'account.username.taken', { username });
  }

  const issued: IssuedAccount[] = [];
  try {
    for (const plan of planned) issued.push(await createOne(directory, plan));
  } catch (err) {
    // All or nothing: the accounts of this request that were created go again.
    await Promise.allSettled(issued.map(({ account }) => directory.deleteUser(account.id)));
    throw err;
  }
  await recordAudit(
    db,
    by,
    ...issued.map(({ account }) => audit('account.created', account.id, null, account)),
  );
  return { items: issued };
}

/** Creates one planned account with its roles; a failure leaves no half-created user. */
export async function createOne(
  directory: KeycloakDirectory,
  { unit, username, roles, firstName, lastName, email }: PlannedAccount,
): Promise<IssuedAccount> {
  const temporaryPassword = generateTemporaryPassword(username);
  const id = await directory.createUser({
    username,
    firstName,
    lastName: lastName ?? unit.name,
    email,
    unit: unit.code,
    temporaryPassword,
  });
  try {
    await directory.grantRoles(id, roles);
    return { account: toAccount(await directory.getUser(id)), temporaryPassword };
  } catch (err) {
    // No half-created account: a user without its roles is removed again.
    await directory.deleteUser(id).catch(() => undefined);
    if (err instanceof PortalError && err.type !== 'E_UNAVAILABLE') throw err;
    throw new PortalError(err instanceof PortalError ? 'E_UNAVAILABLE' : 'E_INTERNAL', {
      key: 'account.create.failed',
      params: { username },
      // Keycloak's own text is for the logs: the client never sees an exception's message.
      cause: err instanceof Error ? err.message : String(err),
    });
  }
}

async function unitsToServe(
  db: Connection,
  params: z.output<typeof CreateAccountsParams>,
): Promise<UnitDocument[]> {
  const Units = unitModel(db);
  const byCode = params.unitCodes.length
    ? await Units.find({ code: { $in: params.unitCodes } }).lean<UnitDocument[]>()
    : [];
  const missing = params.unitCodes.find((code) => !byCode.some((unit) => unit.code === code));
  if (missing)
    throw fieldError('E_VALIDATION', 'unitCodes', 'account.unit.notFound', { code: missing });
  // A group's merged or deactivated units keep their history but get no new accounts.
  const year = currentYear();
  const inGroup = params.unitGroup
    ? (
        await Units.find({ unitGroup: params.unitGroup }).sort({ code: 1 }).lean<UnitDocument[]>()
      ).filter((unit) =>
        isActiveIn({ activeFrom: unit.activeFrom ?? null, activeTo: unit.activeTo ?? null }, year),
      )
    : [];
  if (params.unitGroup && inGroup.length === 0)
    throw fieldError('E_VALIDATION', 'unitGroup', 'account.unitGroup.empty', {
      group: params.unitGroup,
    });
  const seen = new Set<string>();
  return [...byCode, ...inGroup].filter((unit) => !seen.has(unit.code) && seen.add(unit.code));
}

/**
 * An account change, and the revocation of the user's older tokens when the change altered
 * what their token says (enabled, roles, unit): the service broadcasts it to every gateway.
 */
export interface AccountChange {
  account: Account;
  revocation: TokenRevocation | null;
}

export async function setAccountRoles(
  db: Connection,
  directory: KeycloakDirectory,
  params: { id: string; roles: AccountRole[] },
  by: AuthUser,
): Promise<AccountChange> {
  refuseSelfChange(by, params.id, { roles: params.roles });
  const before = unprotected(await directory.getUser(params.id));
  const { grant, remove } = roleChanges(before.roles, [...new Set(params.roles)]);
  await directory.grantRoles(params.id, grant);
  await directory.removeRoles(params.id, remove);
  // Tokens issued before carry the old roles: refused from now on, not at their expiry.
  const revocation =
    grant.length + remove.length > 0 ? await revokeTokens(db, directory, params.id) : null;
  const account = await changed(db, directory, by, 'account.rolesChanged', before);
  return { account, revocation };
}

export async function moveAccount(
  db: Connection,
  directory: KeycloakDirectory,
  params: { id: string; unit: string },
  by: AuthUser,
): Promise<AccountChange> {
  if (!(await unitModel(db).exists({ code: params.unit })))
    throw fieldError('E_VALIDATION', 'unit', 'account.unit.notFound', { code: params.unit });
  const before = unprotected(await directory.getUser(params.id));
  await directory.setUnit(params.id, params.unit);
  // Tokens issued before name the old unit, whose data they would still reach.
  const revocation =
    before.unit !== params.unit ? await revokeTokens(db, directory, params.id) : null;
  const account = await changed(db, directory, by, 'account.unitChanged', before);
  return { account, revocation };
}

export async function setAccountEnabled(
  db: Connection,
  directory: KeycloakDirectory,
  params: { id: string; enabled: boolean },
  by: AuthUser,
): Promise<AccountChange> {
  refuseSelfChange(by, params.id, { enabled: params.enabled });
  const before = unprotected(await directory.getUser(params.id));
  await directory.setEnabled(params.id, params.enabled);
  // Disabling twice revokes again: the admin's retry must work if the first revocation failed.
  const revocation = params.enabled ? null : await revokeTokens(db, directory, params.id);
  const account = await changed(
    db,
    directory,
    by,
    params.enabled ? 'account.enabled' : 'account.disabled',
    before,
  );
  return { account, revocation };
}

export async function resetAccountPassword(
  db: Connection,
  directory: KeycloakDirectory,
  params: { id: string },
  by: AuthUser,
): Promise<IssuedAccount> {
  const before = unprotected(await directory.getUser(params.id));
  const temporaryPassword = generateTemporaryPassword(before.username);
  await directory.resetPassword(params.id, temporaryPassword);
  const account = await changed(db, directory, by, 'account.passwordReset', before);
  return { account, temporaryPassword };
}

/**
 * The target of an admin's change, unless it is an account the portal must leave alone
 * (`protectionRefusal`): 403 naming it, before anything is written.
 */
function unprotected(user: DirectoryUser): DirectoryUser {
  const key = protectionRefusal(user.protection);
  if (key) throw new PortalError('E_FORBIDDEN', { key, params: { username: user.username } });
  return user;
}

function refuseSelfChange(
  by: AuthUser,
  targetId: string,
  change: Parameters<typeof selfChangeRefusal>[2],
): void {
  const key = selfChangeRefusal(by, targetId, change);
  if (key) throw new PortalError('E_FORBIDDEN', { key });
}

async function changed(
  db: Connection,
  directory: KeycloakDirectory,
  by: AuthUser,
  action: string,
  before: DirectoryUser,
): Promise<Account> {
  const after = toAccount(await directory.getUser(before.id));
  await recordAudit(db, by, audit(action, before.id, toAccount(before), after));
  return after;
}

/** The audit record of a change to account `id`, filed under its units and itself. */
export function audit(action: string, id: string, before: unknown, after: unknown): AuditRecord {
  const units = unitCodesOf(before, after);
  return {
    action,
    target: `account:${id}`,
    before,
    after,
    units,
    accounts: [id],
  };
}
