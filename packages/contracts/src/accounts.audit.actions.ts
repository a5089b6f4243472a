/**
 * Reading the accounts service's audit trail, and the second factor (TOTP, Keycloak's own
 * `CONFIGURE_TOTP` required action) the admin can require for accounts.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { UnitCode } from './accounts.actions';

/** One changed field of an audited object: its value before and after (null when absent). */
export const AuditChange = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.string(), username: z.string() }),
  /** `unit.created`, `account.rolesChanged`, `account.totpRequired`, … */
  action: z.string(),
  /** `unit:<id>`, `account:<id>` or `units` (an import). */
  target: z.string(),
  /** Unit codes and account ids the entry is about (filled from the object for old entries). */
  units: z.array(z.string()),
  accounts: z.array(z.string()),
  /** Only the fields that changed; secrets are never part of an entry. */
  changes: z.array(AuditChange),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ListAuditEntriesParams = z.object({
  unit: UnitCode.optional(),
  account: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListAuditEntriesParams = z.input<typeof ListAuditEntriesParams>;

export const AuditEntryList = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditEntryList = z.infer<typeof AuditEntryList>;

/** `configured`: an OTP credential exists; `required`: asked for, not set up yet. */
export const totpStates = ['configured', 'required', 'notRequired'] as const;
export const TotpState = z.enum(totpStates);
export type TotpState = z.infer<typeof TotpState>;

export const AccountTotp = z.object({ id: z.string(), totp: TotpState });
export type AccountTotp = z.infer<typeof AccountTotp>;

export const accountAuditActions = {
  listAuditEntries: defineAction({
    name: 'accounts.listAuditEntries',
    summary: 'List audit entries, newest first, filtered by unit code or account id',
    params: ListAuditEntriesParams,
    result: AuditEntryList,
    roles: ['admin'],
    rest: { method: 'GET', path: '/audit' },
  }),
  listAccountTotp: defineAction({
    name: 'accounts.listAccountTotp',
    summary: 'Whether each account has set up TOTP, is required to, or is not',
    params: z.object({}),
    result: z.object({ items: z.array(AccountTotp) }),
    roles: ['admin'],
    rest: { method: 'GET', path: '/accounts/totp' },
  }),
  requireAccountTotp: defineAction({
    name: 'accounts.requireAccountTotp',
    summary: "Require an account to set up TOTP at next login (Keycloak's CONFIGURE_TOTP)",
    params: z.object({ id: z.string({ error: 'field.required' }).trim().min(1).max(64) }),
    result: AccountTotp,
    roles: ['admin'],
    rest: { method: 'PUT', path: '/accounts/:id/totp-required' },
  }),
  requireTotpForPrivileged: defineAction({
    name: 'accounts.requireTotpForPrivileged',
    summary: 'Require TOTP for every admin and appraisal account that has not set it up',
    params: z.object({}),
    result: z.object({ items: z.array(AccountTotp) }),
    roles: ['admin'],
    rest: { method: 'POST', path: '/accounts/totp-required' },
  }),
};
