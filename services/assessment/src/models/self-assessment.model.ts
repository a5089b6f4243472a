/**
 * A unit's self-assessment in one period as a whole (one per unit × period): whether its
 * approver submitted it, who and when, whether an appraiser opened it, and the optimistic
 * version of that state. The entries live apart (`entry.model.ts`). The document is made by the
 * first submission; until then the state is a draft at version 0. Submissions and withdrawals
 * write their durable event and audit entry in its `outbox`, with the change.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { selfAssessmentStatuses, type SelfAssessmentStatus } from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export { selfAssessmentStatuses, type SelfAssessmentStatus };

export interface SelfAssessment {
  _id: Types.ObjectId;
  periodId: Types.ObjectId;
  unitCode: string;
  status: SelfAssessmentStatus;
  submittedAt: Date | null;
  submittedBy: { id: string; username: string } | null;
  /** Set when an appraiser first opens it (the appraisal issue); withdrawal ends then. */
  appraisalOpenedAt: Date | null;
  /** Each withdrawal: who, when, why (the audit trail holds them too). */
  withdrawals: Array<{ at: Date; by: string; username: string; reason: string }>;
  outbox?: OutboxItem[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const selfAssessmentSchema = new Schema<SelfAssessment>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    status: { type: String, enum: selfAssessmentStatuses, default: 'draft' },
    submittedAt: { type: Date, default: null },
    submittedBy: {
      type: new Schema({ id: String, username: String }, { _id: false }),
      default: null,
    },
    appraisalOpenedAt: { type: Date, default: null },
    withdrawals: {
      type: [{ _id: false, at: Date, by: String, username: String, reason: String }],
      default: [],
    },
    outbox: outboxSchemaPath,
    version: { type: Number, default: 0 },
  },
  { collection: 'selfAssessments', versionKey: false, timestamps: true },
);
selfAssessmentSchema.index({ periodId: 1, unitCode: 1 }, { unique: true });

export function selfAssessmentModel(db: Connection): Model<SelfAssessment> {
  return (
    (db.models.SelfAssessment as Model<SelfAssessment>) ??
    db.model('SelfAssessment', selfAssessmentSchema)
  );
}
