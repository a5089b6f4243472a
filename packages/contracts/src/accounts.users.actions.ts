/**
 * Actions on accounts (Keycloak users) of the accounts service. Keycloak is the source of truth:
 * the service reads and writes users through Keycloak's admin API and keeps no copy.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { realmRoles, unitApproverRole } from './auth';
import { UnitCode } from './accounts.actions';

/** The roles the portal grants: the realm roles and the portal client's `unit-approver`. */
export const accountRoles = [...realmRoles, unitApproverRole] as const;
export const AccountRole = z.enum(accountRoles, { error: 'account.role.unknown' });
export type AccountRole = z.infer<typeof AccountRole>;

/** Keycloak lower-cases usernames; we accept what it would keep, 3–64 characters. */
export const Username = z
  .string({ error: 'field.required' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: 'account.username.format' });

/**
 * Why the portal may not change an account: it holds a Keycloak `realm-management` role
 * (directly, through a composite role or a group), or it is a client's service account. Such
 * accounts are managed in Keycloak's own console, never through the portal (issue 15).
 */
export const AccountProtection = z.enum(['realmManagement', 'serviceAccount']);
export type AccountProtection = z.infer<typeof AccountProtection>;

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  enabled: z.boolean(),
  /** Code of the unit in the `unit` attribute; null for accounts bound to no unit. */
  unit: z.string().nullable(),
  roles: z.array(AccountRole),
  /** Keycloak required actions still pending, e.g. `UPDATE_PASSWORD`. */
  requiredActions: z.array(z.string()),
  createdAt: z.iso.datetime().nullable(),
  /** Set when the portal refuses to change this account (see `AccountProtection`); absent or
   * null for the others. */
  protection: AccountProtection.nullable().optional(),
});
export type Account = z.infer<typeof Account>;

const booleanFromQuery = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((value) => value === true || value === 'true');

export const ListAccountsParams = z.object({
  unit: UnitCode.optional(),
  role: AccountRole.optional(),
  enabled: booleanFromQuery.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListAccountsParams = z.input<typeof ListAccountsParams>;

export const AccountList = z.object({ items: z.array(Account), total: z.number().int() });
export type AccountList = z.infer<typeof AccountList>;

const optionalName = z
  .string()
  .trim()
  .max(100, { error: 'account.name.length' })
  .optional()
  .nullable()
  .transform((value) => (value ? value : null));

/**
 * Accounts for one unit (`unitCodes` with one code, optionally with a chosen `username`) or for
 * many (every listed unit, or every unit of `unitGroup`); see account-rules.ts for usernames.
 */
export const CreateAccountsParams = z
  .object({
    unitCodes: z.array(UnitCode).max(1000).default([]),
    unitGroup: z
      .string()
      .trim()
      .max(64)
      .optional()
      .nullable()
      .transform((value) => value || null),
    roles: z.array(AccountRole).min(1, { error: 'account.roles.required' }),
    username: Username.optional()
      .nullable()
      .or(z.literal('').transform(() => null)),
    firstName: optionalName,
    lastName: optionalName,
    email: z
      .email({ error: 'account.email.format' })
      .optional()
      .nullable()
      .or(z.literal('').transform(() => null)),
  })
  .refine((p) => p.unitCodes.length > 0 || p.unitGroup, {
    error: 'account.units.required',
    path: ['unitCodes'],
  })
  .refine((p) => !p.username || (p.unitCodes.length === 1 && !p.unitGroup), {
    error: 'account.username.oneUnitOnly',
    path: ['username'],
  });
export type CreateAccountsParams = z.input<typeof CreateAccountsParams>;

/** An account with its temporary password: returned once, never stored or logged. */
export const IssuedAccount = z.object({ account: Account, temporaryPassword: z.string() });
export type IssuedAccount = z.infer<typeof IssuedAccount>;

export const CreateAccountsResult = z.object({ items: z.array(IssuedAccount) });
export type CreateAccountsResult = z.infer<typeof CreateAccountsResult>;

const AccountId = z.string({ error: 'field.required' }).trim().min(1).max(64);

/**
 * The portal disabled an account at `revokedAt`: every token of `userId` issued at or before it
 * is refused by the gateway, though its signature and expiry are still good.
 */
export const TokenRevocation = z.object({ userId: z.string(), revokedAt: z.iso.datetime() });
export type TokenRevocation = z.infer<typeof TokenRevocation>;

export const TokenRevocationList = z.object({ items: z.array(TokenRevocation) });
export type TokenRevocationList = z.infer<typeof TokenRevocationList>;

export const accountUserActions = {
  listAccounts: defineAction({
    name: 'accounts.listAccounts',
    summary: 'List accounts from Keycloak, filtered by unit, role and enabled',
    params: ListAccountsParams,
    result: AccountList,
    roles: ['admin'],
    rest: { method: 'GET', path: '/accounts' },
  }),
  createAccounts: defineAction({
    name: 'accounts.createAccounts',
    summary: 'Create accounts for one or many units, each with a temporary password',
    params: CreateAccountsParams,
    result: CreateAccountsResult,
    roles: ['admin'],
    rest: { method: 'POST', path: '/accounts', status: 201 },
  }),
  setAccountRoles: defineAction({
    name: 'accounts.setAccountRoles',
    summary: "Set an account's portal roles (grants the missing ones, removes the others)",
    params: z.object({ id: AccountId, roles: z.array(AccountRole) }),
    result: Account,
    roles: ['admin'],
    rest: { method: 'PUT', path: '/accounts/:id/roles' },
  }),
  moveAccount: defineAction({
    name: 'accounts.moveAccount',
    summary: 'Move an account to another unit',
    params: z.object({ id: AccountId, unit: UnitCode }),
    result: Account,
    roles: ['admin'],
    rest: { method: 'PUT', path: '/accounts/:id/unit' },
  }),
  setAccountEnabled: defineAction({
    name: 'accounts.setAccountEnabled',
    summary: 'Enable or disable an account',
    params: z.object({ id: AccountId, enabled: z.boolean({ error: 'field.required' }) }),
    result: Account,
    roles: ['admin'],
    rest: { method: 'PUT', path: '/accounts/:id/enabled' },
  }),
  resetAccountPassword: defineAction({
    name: 'accounts.resetAccountPassword',
    summary: 'Give an account a new temporary password that must be changed at next login',
    params: z.object({ id: AccountId }),
    result: IssuedAccount,
    roles: ['admin'],
    rest: { method: 'POST', path: '/accounts/:id/password-reset' },
  }),
  /**
   * Bus only, no REST route, no person (`roles: []`): only the gateway's service principal
   * (`par-gateway`) — every gateway node loads the revocations still younger than the longest
   * access-token lifetime at start, when a node reconnects and every minute. Whoever else could
   * read it would learn which accounts were just disabled or changed.
   */
  listTokenRevocations: defineAction({
    name: 'accounts.listTokenRevocations',
    summary: 'Revocations of disabled accounts whose tokens may still be unexpired',
    params: z.object({}),
    result: TokenRevocationList,
    roles: [],
    services: ['gateway'],
  }),
};
