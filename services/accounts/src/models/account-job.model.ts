/**
 * Account jobs and their items: one job per admin request to issue accounts for many units, one
 * item per unit, each updated on its own as the job progresses (so concurrent workers never
 * rewrite each other's results). FerretDB has no TTL index: the service purges the passwords.
 */
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { Account, AccountJobPasswordState, AccountRole, MessageKey } from '@par/contracts';

export interface AccountJobDocument {
  _id: Types.ObjectId;
  startedBy: string;
  /** Unique with `startedBy`: a retry with the key finds this job. */
  idempotencyKey: string;
  /** SHA-256 of the request without its key, to refuse the key reused for another request. */
  requestHash: string;
  status: 'running' | 'finished';
  total: number;
  startedAt: Date;
  finishedAt: Date | null;
  passwords: AccountJobPasswordState;
  passwordsExpireAt: Date;
  /** The node running the job, until `leaseUntil`; a node whose lease ran out lost the job. */
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

/** `creating`: Keycloak was asked to create the account and the answer is not stored yet. */
export type AccountJobItemState = 'pending' | 'creating' | 'created' | 'exists' | 'failed';

export interface AccountJobItemDocument {
  _id: Types.ObjectId;
  jobId: Types.ObjectId;
  index: number;
  unitCode: string;
  unitName: string;
  username: string;
  roles: AccountRole[];
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  status: AccountJobItemState;
  account: Account | null;
  reason: { key: MessageKey; params?: Record<string, string | number> } | null;
  /** The temporary password, sealed by the password vault; removed when fetched or purged. */
  sealedPassword?: string;
  passwordExpiresAt: Date;
}

const accountJobSchema = new Schema<AccountJobDocument>(
  {
    startedBy: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    status: { type: String, required: true, index: true },
    total: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    passwords: { type: String, required: true },
    passwordsExpireAt: { type: Date, required: true, index: true },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
  },
  { collection: 'accountJobs', versionKey: false },
);
accountJobSchema.index({ startedBy: 1, idempotencyKey: 1 }, { unique: true });

const accountJobItemSchema = new Schema<AccountJobItemDocument>(
  {
    jobId: { type: Schema.Types.ObjectId, required: true, index: true },
    index: { type: Number, required: true },
    unitCode: { type: String, required: true },
    unitName: { type: String, required: true },
    username: { type: String, required: true },
    roles: { type: [String], required: true },
    firstName: { type: String, default: null },
    lastName: { type: String, default: null },
    email: { type: String, default: null },
    status: { type: String, required: true },
    account: { type: Schema.Types.Mixed, default: null },
    reason: { type: Schema.Types.Mixed, default: null },
    sealedPassword: { type: String },
    passwordExpiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'accountJobItems', versionKey: false },
);

export function accountJobModel(db: Connection): Model<AccountJobDocument> {
  return (
    (db.models.AccountJob as Model<AccountJobDocument>) ??
    db.model<AccountJobDocument>('AccountJob', accountJobSchema)
  );
}

export function accountJobItemModel(db: Connection): Model<AccountJobItemDocument> {
  return (
    (db.models.AccountJobItem as Model<AccountJobItemDocument>) ??
    db.model<AccountJobItemDocument>('AccountJobItem', accountJobItemSchema)
  );
}
