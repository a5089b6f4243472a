/**
 * Account requests: a unit's `unit-approver` asks for accounts for their unit or a unit below
 * it; an admin approves (which creates the accounts) or rejects with a reason.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { unitApproverRole } from './auth';
import { Unit, UnitCode } from './accounts.actions';
import { IssuedAccount } from './accounts.users.actions';

/** What a unit may ask for: data entry, optionally with approval; never appraisal or admin. */
export const requestableRoles = ['data-entry', unitApproverRole] as const;
export const RequestableRole = z.enum(requestableRoles, {
  error: 'accountRequest.role.notRequestable',
});
export type RequestableRole = z.infer<typeof RequestableRole>;

export const accountRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export const AccountRequestStatus = z.enum(accountRequestStatuses);
export type AccountRequestStatus = z.infer<typeof AccountRequestStatus>;

const requiredText = (
  max: number,
  tooLong: 'accountRequest.reason.length' | 'account.name.length',
) =>
  z
    .string({ error: 'field.required' })
    .trim()
    .min(1, { error: 'field.required' })
    .max(max, { error: tooLong });

/** One person asked for; `unit-approver` always comes with `data-entry`. */
export const RequestedPerson = z.object({
  fullName: requiredText(100, 'account.name.length'),
  email: z
    .email({ error: 'account.email.format' })
    .optional()
    .nullable()
    .or(z.literal('').transform(() => null))
    .transform((value) => value ?? null),
  roles: z
    .array(RequestableRole)
    .min(1, { error: 'account.roles.required' })
    .refine((roles) => roles.includes('data-entry'), { error: 'accountRequest.role.dataEntry' })
    .transform((roles) => [...new Set(roles)]),
});
export type RequestedPerson = z.input<typeof RequestedPerson>;

export const CreateAccountRequestParams = z.object({
  unitCode: UnitCode,
  people: z
    .array(RequestedPerson)
    .min(1, { error: 'accountRequest.people.required' })
    .max(50, { error: 'accountRequest.people.tooMany' }),
  reason: requiredText(1000, 'accountRequest.reason.length'),
});
export type CreateAccountRequestParams = z.input<typeof CreateAccountRequestParams>;

const Actor = z.object({ id: z.string(), username: z.string() });

export const AccountRequest = z.object({
  id: z.string(),
  requester: Actor.extend({ unit: z.string() }),
  unitCode: z.string(),
  people: z.array(
    z.object({
      fullName: z.string(),
      email: z.string().nullable(),
      roles: z.array(RequestableRole),
    }),
  ),
  reason: z.string(),
  status: AccountRequestStatus,
  decidedBy: Actor.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  /** Usernames of the accounts created on approval, in the order of `people`. */
  usernames: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type AccountRequest = z.infer<typeof AccountRequest>;

export const ListAccountRequestsParams = z.object({
  status: AccountRequestStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListAccountRequestsParams = z.input<typeof ListAccountRequestsParams>;

export const AccountRequestList = z.object({ items: z.array(AccountRequest) });
export type AccountRequestList = z.infer<typeof AccountRequestList>;

const RequestId = z.string({ error: 'field.required' }).trim().min(1).max(64);
/** The version the admin saw; a request changed since then is refused (409). */
const SeenVersion = z.coerce.number({ error: 'field.required' }).int().min(0);

export const ApproveAccountRequestResult = z.object({
  request: AccountRequest,
  /** The created accounts with their temporary passwords: returned once, never stored. */
  items: z.array(IssuedAccount),
});
export type ApproveAccountRequestResult = z.infer<typeof ApproveAccountRequestResult>;

export const RequestableUnitList = z.object({ items: z.array(Unit) });
export type RequestableUnitList = z.infer<typeof RequestableUnitList>;

export const accountRequestActions = {
  listRequestableUnits: defineAction({
    name: 'accounts.listRequestableUnits',
    summary:
      'Units the caller may ask accounts for: their own unit first, then every unit below it',
    params: z.object({}),
    result: RequestableUnitList,
    roles: [unitApproverRole],
    rest: { method: 'GET', path: '/account-requests/units' },
  }),
  createAccountRequest: defineAction({
    name: 'accounts.createAccountRequest',
    summary: "Ask for accounts for the caller's unit or a unit below it",
    params: CreateAccountRequestParams,
    result: AccountRequest,
    roles: [unitApproverRole],
    rest: { method: 'POST', path: '/account-requests', status: 201 },
  }),
  listAccountRequests: defineAction({
    name: 'accounts.listAccountRequests',
    summary: "List account requests, pending first: all for an admin, the own unit's otherwise",
    params: ListAccountRequestsParams,
    result: AccountRequestList,
    roles: ['admin', unitApproverRole],
    rest: { method: 'GET', path: '/account-requests' },
  }),
  approveAccountRequest: defineAction({
    name: 'accounts.approveAccountRequest',
    summary: 'Approve a pending account request: creates its accounts, all or nothing',
    params: z.object({ id: RequestId, version: SeenVersion }),
    result: ApproveAccountRequestResult,
    roles: ['admin'],
    rest: { method: 'POST', path: '/account-requests/:id/approval' },
  }),
  rejectAccountRequest: defineAction({
    name: 'accounts.rejectAccountRequest',
    summary: 'Reject a pending account request with a reason the requester sees',
    params: z.object({
      id: RequestId,
      version: SeenVersion,
      reason: requiredText(1000, 'accountRequest.reason.length'),
    }),
    result: AccountRequest,
    roles: ['admin'],
    rest: { method: 'POST', path: '/account-requests/:id/rejection' },
  }),
};
