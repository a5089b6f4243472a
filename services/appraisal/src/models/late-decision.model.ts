/** The admin's decision on a unit that did not submit by its deadline: one per period × unit. */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { LateUnitDecisionKind } from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export interface LateDecisionDocument {
  _id: Types.ObjectId;
  periodId: string;
  unitCode: string;
  decision: LateUnitDecisionKind;
  reason: string;
  by: { id: string; username: string };
  at: Date;
  outbox?: OutboxItem[];
  version: number;
}

const lateDecisionSchema = new Schema<LateDecisionDocument>(
  {
    periodId: { type: String, required: true },
    unitCode: { type: String, required: true },
    decision: { type: String, required: true },
    reason: { type: String, required: true },
    by: { type: new Schema({ id: String, username: String }, { _id: false }), required: true },
    at: { type: Date, required: true },
    outbox: outboxSchemaPath,
    version: { type: Number, default: 1 },
  },
  { collection: 'lateDecisions', versionKey: false },
);
lateDecisionSchema.index({ periodId: 1, unitCode: 1 }, { unique: true });

export function lateDecisionModel(db: Connection): Model<LateDecisionDocument> {
  return (
    (db.models.LateDecision as Model<LateDecisionDocument>) ??
    db.model('LateDecision', lateDecisionSchema)
  );
}
