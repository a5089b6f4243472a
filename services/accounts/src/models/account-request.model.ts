/** Account requests: who asked for which accounts for which unit, and what the admin decided. */
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { accountRequestStatuses, requestableRoles } from '@par/contracts';

const actorSchema = new Schema(
  { id: { type: String, required: true }, username: { type: String, required: true } },
  { _id: false },
);

const personSchema = new Schema(
  {
    fullName: { type: String, required: true },
    email: { type: String, default: null },
    roles: { type: [{ type: String, enum: requestableRoles }], required: true },
  },
  { _id: false },
);

export interface AccountRequestDocument {
  _id: Types.ObjectId;
  requester: { id: string; username: string; unit: string };
  unitCode: string;
  people: { fullName: string; email: string | null; roles: ('data-entry' | 'unit-approver')[] }[];
  reason: string;
  status: (typeof accountRequestStatuses)[number];
  decidedBy: { id: string; username: string } | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  usernames: string[];
  outbox?: OutboxItem[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const accountRequestSchema = new Schema<AccountRequestDocument>(
  {
    requester: {
      type: new Schema(
        {
          id: { type: String, required: true },
          username: { type: String, required: true },
          unit: { type: String, required: true, index: true },
        },
        { _id: false },
      ),
      required: true,
    },
    unitCode: { type: String, required: true },
    people: { type: [personSchema], required: true },
    reason: { type: String, required: true },
    status: { type: String, required: true, enum: accountRequestStatuses, index: true },
    decidedBy: { type: actorSchema, default: null },
    decidedAt: { type: Date, default: null },
    rejectionReason: { type: String, default: null },
    usernames: { type: [String], default: [] },
    outbox: outboxSchemaPath,
  },
  {
    timestamps: true,
    optimisticConcurrency: true,
    versionKey: 'version',
    collection: 'accountRequests',
  },
);

export function accountRequestModel(db: Connection): Model<AccountRequestDocument> {
  return (
    (db.models.AccountRequest as Model<AccountRequestDocument>) ??
    db.model<AccountRequestDocument>('AccountRequest', accountRequestSchema)
  );
}
