/**
 * Account jobs: issuing accounts for many units (up to a thousand) as a job of the accounts
 * service that no request timeout can cut. The admin starts it with an idempotency key, polls
 * its progress, and fetches the temporary passwords once when it has finished.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { CreateAccountsParams, IssuedAccount } from './accounts.users.actions';

/**
 * Chosen by the client once per job (a UUID): a retry with the same key and the same body
 * gets the same job; the same key with another body is refused.
 */
export const IdempotencyKey = z
  .string({ error: 'accountJob.idempotencyKey.required' })
  .trim()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, { error: 'accountJob.idempotencyKey.format' });

/** What `createAccounts` takes (with its checks), plus the idempotency key. */
export const StartAccountJobParams = CreateAccountsParams.safeExtend({
  idempotencyKey: IdempotencyKey,
});
export type StartAccountJobParams = z.input<typeof StartAccountJobParams>;

/**
 * One unit's result: `pending` until processed, `created` (a new account, its password kept
 * until fetched), `exists` (the username was already taken: nothing changed, no password),
 * `failed` (with the reason, in the caller's language).
 */
export const accountJobItemStatuses = ['pending', 'created', 'exists', 'failed'] as const;
export const AccountJobItemStatus = z.enum(accountJobItemStatuses);
export type AccountJobItemStatus = z.infer<typeof AccountJobItemStatus>;

export const AccountJobItem = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  username: z.string(),
  status: AccountJobItemStatus,
  accountId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AccountJobItem = z.infer<typeof AccountJobItem>;

/**
 * Where the job's temporary passwords are: `pending` while it runs, `available` until the
 * admin who started it fetches them, then `taken`; `expired` when purged unfetched;
 * `none` when the job created no account.
 */
export const accountJobPasswordStates = [
  'pending',
  'available',
  'taken',
  'expired',
  'none',
] as const;
export const AccountJobPasswordState = z.enum(accountJobPasswordStates);
export type AccountJobPasswordState = z.infer<typeof AccountJobPasswordState>;

export const AccountJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'finished']),
  /** Units in the job, and how many are no longer pending. */
  total: z.number().int(),
  done: z.number().int(),
  created: z.number().int(),
  existed: z.number().int(),
  failed: z.number().int(),
  startedBy: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  passwords: AccountJobPasswordState,
  /** After this, passwords not fetched are deleted (an hour at most after the start). */
  passwordsExpireAt: z.iso.datetime(),
  items: z.array(AccountJobItem),
});
export type AccountJob = z.infer<typeof AccountJob>;

const AccountJobId = z
  .string({ error: 'field.required' })
  .trim()
  .regex(/^[0-9a-f]{24}$/, {
    error: 'accountJob.notFound',
  });

export const AccountJobPasswords = z.object({ items: z.array(IssuedAccount) });
export type AccountJobPasswords = z.infer<typeof AccountJobPasswords>;

export const accountJobActions = {
  startAccountJob: defineAction({
    name: 'accounts.startAccountJob',
    summary:
      'Start issuing accounts for one or many units as a job (same idempotency key and body: same job)',
    params: StartAccountJobParams,
    result: AccountJob,
    roles: ['admin'],
    rest: { method: 'POST', path: '/account-jobs', status: 202 },
  }),
  getAccountJob: defineAction({
    name: 'accounts.getAccountJob',
    summary: "An account job's progress and per-unit results",
    params: z.object({ id: AccountJobId }),
    result: AccountJob,
    roles: ['admin'],
    rest: { method: 'GET', path: '/account-jobs/:id' },
  }),
  takeAccountJobPasswords: defineAction({
    name: 'accounts.takeAccountJobPasswords',
    summary:
      "A finished job's temporary passwords, once, for the admin who started it (then deleted)",
    params: z.object({ id: AccountJobId }),
    result: AccountJobPasswords,
    roles: ['admin'],
    rest: { method: 'POST', path: '/account-jobs/:id/passwords' },
  }),
};
