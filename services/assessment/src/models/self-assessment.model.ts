/**
 * A unit's self-assessment in one period (one per unit × period): the minimal shape the progress
 * board and the trial wipe need. The self-assessment issue extends it (approval, withdrawal,
 * who submitted) and owns its writes.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export const selfAssessmentStatuses = ['draft', 'submitted'] as const;
export type SelfAssessmentStatus = (typeof selfAssessmentStatuses)[number];

export interface SelfAssessment {
  periodId: Types.ObjectId;
  unitCode: string;
  status: SelfAssessmentStatus;
  submittedAt: Date | null;
  version: number;
}

const selfAssessmentSchema = new Schema<SelfAssessment>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    status: { type: String, enum: selfAssessmentStatuses, default: 'draft' },
    submittedAt: { type: Date, default: null },
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
