/**
 * Account requests: a unit's approver asks, an admin approves (creating the accounts through the
 * same all-or-nothing path as the accounts page) or rejects; every step is audited.
 */
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import type {
  AccountRequest,
  AccountRequestList,
  ApproveAccountRequestResult,
  AuthUser,
  CreateAccountRequestParams,
  ListAccountRequestsParams,
  RequestableUnitList,
} from '@par/contracts';
import {
  PortalError,
  fieldError,
  versionedDocuments,
  wakeOutboxRelay,
  withOutbox,
  type OutboxItem,
} from '@par/service-kit';
import { auditItems } from '../models/audit-entry.model';
import { unitModel, type UnitDocument } from '../models/unit.model';
import { accountRequestModel, type AccountRequestDocument } from '../models/account-request.model';
import type { KeycloakDirectory } from '../keycloak/keycloak-directory';
import { issueAccounts, type PlannedAccount } from '../accounts/accounts';
import { deriveUsername } from '../accounts/account-rules';
import {
  decisionRefusal,
  isWithinSubtree,
  numberedUsername,
  splitFullName,
  subtreeCodes,
  type UnitLink,
} from './request-rules';
import { toUnit } from '../units/units';

export function toAccountRequest(doc: AccountRequestDocument): AccountRequest {
  return {
    id: doc._id.toHexString(),
    requester: { id: doc.requester.id, username: doc.requester.username, unit: doc.requester.unit },
    unitCode: doc.unitCode,
    people: doc.people.map((p) => ({
      fullName: p.fullName,
      email: p.email ?? null,
      roles: p.roles,
    })),
    reason: doc.reason,
    status: doc.status,
    decidedBy: doc.decidedBy ? { id: doc.decidedBy.id, username: doc.decidedBy.username } : null,
    decidedAt: doc.decidedAt ? doc.decidedAt.toISOString() : null,
    rejectionReason: doc.rejectionReason ?? null,
    usernames: doc.usernames ?? [],
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** The caller's unit and the units below it, the units they may ask accounts for. */
export async function listRequestableUnits(
  db: Connection,
  by: AuthUser,
): Promise<RequestableUnitList> {
  if (!by.unit) throw new PortalError('E_FORBIDDEN', { key: 'accountRequest.requester.noUnit' });
  const docs = await unitModel(db).find({}).lean<UnitDocument[]>();
  const byCode = new Map(docs.map((doc) => [doc.code, doc]));
  const codes = subtreeCodes(by.unit, docs.map(toUnitLink));
  return { items: codes.map((code) => toUnit(byCode.get(code)!)) };
}

export async function createAccountRequest(
  db: Connection,
  params: z.output<typeof CreateAccountRequestParams>,
  by: AuthUser,
): Promise<AccountRequest> {
  if (!by.unit) throw new PortalError('E_FORBIDDEN', { key: 'accountRequest.requester.noUnit' });
  const links = (await unitModel(db).find({}, { code: 1, parentId: 1 }).lean<UnitDocument[]>()).map(
    toUnitLink,
  );
  if (!links.some((unit) => unit.code === params.unitCode))
    throw fieldError('E_VALIDATION', 'unitCode', 'account.unit.notFound', {
      code: params.unitCode,
    });
  if (!isWithinSubtree(params.unitCode, by.unit, links))
    throw fieldError('E_FORBIDDEN', 'unitCode', 'accountRequest.unit.outsideSubtree', {
      code: params.unitCode,
      unit: by.unit,
    });
  const doc = new (accountRequestModel(db))({
    requester: { id: by.id, username: by.username, unit: by.unit },
    unitCode: params.unitCode,
    people: params.people,
    reason: params.reason,
    status: 'pending',
  });
  const now = new Date();
  const planned = { ...(doc.toObject() as AccountRequestDocument), createdAt: now, updatedAt: now };
  doc.outbox = audit(by, 'accountRequest.created', toAccountRequest(planned), null);
  await doc.save();
  await wakeOutboxRelay(db, accountRequestModel(db), doc._id);
  return toAccountRequest(doc.toObject() as AccountRequestDocument);
}

/** Pending first, newest first within a status; an approver sees only their unit's requests. */
export async function listAccountRequests(
  db: Connection,
  params: z.output<typeof ListAccountRequestsParams>,
  by: AuthUser,
): Promise<AccountRequestList> {
  const filter: Record<string, unknown> = {};
  if (params.status) filter.status = params.status;
  if (!by.roles.includes('admin')) {
    // An approver bound to no unit has no requests; saying why beats an empty list.
    if (!by.unit) throw new PortalError('E_FORBIDDEN', { key: 'accountRequest.requester.noUnit' });
    filter['requester.unit'] = by.unit;
  }
  const docs = await accountRequestModel(db)
    .find(filter)
    .sort({ createdAt: -1 })
    .limit(params.limit)
    .lean<AccountRequestDocument[]>();
  const rank = (doc: AccountRequestDocument) => (doc.status === 'pending' ? 0 : 1);
  docs.sort((a, b) => rank(a) - rank(b));
  return { items: docs.map(toAccountRequest) };
}

export async function approveAccountRequest(
  db: Connection,
  directory: KeycloakDirectory,
  params: { id: string; version: number },
  by: AuthUser,
): Promise<ApproveAccountRequestResult> {
  const { before } = await claim(db, params, by, { status: 'approved' });
  const unit = await unitModel(db).findOne({ code: before.unitCode }).lean<UnitDocument>();
  let issued: ApproveAccountRequestResult['items'];
  try {
    if (!unit)
      throw fieldError('E_VALIDATION', 'unitCode', 'account.unit.notFound', {
        code: before.unitCode,
      });
    issued = (await issueAccounts(db, directory, await plan(directory, before, unit), by)).items;
  } catch (err) {
    // No account was left behind (issueAccounts is all or nothing): the request is pending again.
    await accountRequestModel(db).updateOne(
      { _id: before._id },
      { $set: { status: 'pending', decidedBy: null, decidedAt: null }, $inc: { version: 1 } },
    );
    throw err;
  }
  const usernames = issued.map(({ account }) => account.username);
  const approved = await accountRequestModel(db)
    .findById(before._id)
    .lean<AccountRequestDocument>();
  // The approval's audit entry is written with the usernames it produced.
  const after = await accountRequestModel(db)
    .findOneAndUpdate(
      { _id: before._id },
      withOutbox<AccountRequestDocument>(
        { $set: { usernames } },
        audit(
          by,
          'accountRequest.approved',
          toAccountRequest({ ...approved!, usernames }),
          toAccountRequest(before),
        ),
      ),
      { returnDocument: 'after' },
    )
    .lean<AccountRequestDocument>();
  await wakeOutboxRelay(db, accountRequestModel(db), before._id);
  return { request: toAccountRequest(after!), items: issued };
}

export async function rejectAccountRequest(
  db: Connection,
  params: { id: string; version: number; reason: string },
  by: AuthUser,
): Promise<AccountRequest> {
  const { decided } = await claim(
    db,
    params,
    by,
    { status: 'rejected', rejectionReason: params.reason },
    (before, after) =>
      audit(by, 'accountRequest.rejected', toAccountRequest(after), toAccountRequest(before)),
  );
  return toAccountRequest(decided);
}

/** Requests are decided at the version the admin saw; a 409 carries the request as it is now. */
const versionedRequests = versionedDocuments({
  model: accountRequestModel,
  toCurrent: toAccountRequest,
  stale: () => ({ key: 'accountRequest.changed' }),
  notFound: { key: 'accountRequest.notFound' },
  refuse: (doc: AccountRequestDocument) => {
    const key = decisionRefusal(doc);
    return key && { key, params: { status: doc.status }, field: 'version' };
  },
});

/**
 * Decides a pending request in the version the admin saw, in one atomic update, so that two
 * admins (or one double click) cannot both decide it; `outbox` gives what the decision writes
 * with it (its audit entry), from the request before and as it will be.
 */
async function claim(
  db: Connection,
  params: { id: string; version: number },
  by: AuthUser,
  decision: { status: 'approved' | 'rejected'; rejectionReason?: string },
  outbox: (
    before: AccountRequestDocument,
    after: AccountRequestDocument,
  ) => OutboxItem[] = () => [],
): Promise<{ before: AccountRequestDocument; decided: AccountRequestDocument }> {
  const before = await versionedRequests.findAt(db, params.id, params.version);
  const $set = {
    ...decision,
    decidedBy: { id: by.id, username: by.username },
    decidedAt: new Date(),
  };
  const planned = { ...before, ...$set, version: before.version + 1, updatedAt: new Date() };
  const decided = await versionedRequests.write(
    db,
    before._id,
    before.version,
    { $set },
    {
      where: { status: 'pending' },
      outbox: outbox(before, planned),
    },
  );
  return { before, decided };
}

function toUnitLink(unit: UnitDocument): UnitLink {
  return {
    id: unit._id.toHexString(),
    code: unit.code,
    parentId: unit.parentId ? unit.parentId.toHexString() : null,
  };
}

/** One account per person: the derived username, numbered when it is taken. */
async function plan(
  directory: KeycloakDirectory,
  request: AccountRequestDocument,
  unit: UnitDocument,
): Promise<PlannedAccount[]> {
  const used = new Set<string>();
  const planned: PlannedAccount[] = [];
  for (const person of request.people) {
    const base = deriveUsername(unit.code, person.roles);
    let n = 1;
    while (
      used.has(numberedUsername(base, n)) ||
      (await directory.findByUsername(numberedUsername(base, n)))
    )
      n += 1;
    const username = numberedUsername(base, n);
    used.add(username);
    planned.push({
      unit,
      username,
      roles: person.roles,
      ...splitFullName(person.fullName),
      email: person.email ?? null,
    });
  }
  return planned;
}

function audit(
  by: AuthUser,
  action: string,
  after: AccountRequest,
  before: AccountRequest | null,
): OutboxItem[] {
  return auditItems(by, {
    action,
    target: `accountRequest:${after.id}`,
    before,
    after,
    units: [...new Set([after.unitCode, after.requester.unit])],
  });
}
