/**
 * The evidence of one unit in one period as a whole: today only whether it is frozen. The
 * assessment service's durable `submitted` event (issue 10's submission) will set `frozen`, and a
 * withdrawal clear it; while frozen, no file of the set is added, changed or deleted.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface EvidenceSetDocument {
  _id: Types.ObjectId;
  periodId: Types.ObjectId;
  unitCode: string;
  frozen: boolean;
  frozenAt: Date | null;
}

const evidenceSetSchema = new Schema<EvidenceSetDocument>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    frozen: { type: Boolean, default: false },
    frozenAt: { type: Date, default: null },
  },
  { collection: 'evidenceSets', versionKey: false, timestamps: true },
);
evidenceSetSchema.index({ periodId: 1, unitCode: 1 }, { unique: true });

export function evidenceSetModel(db: Connection): Model<EvidenceSetDocument> {
  return (
    (db.models.EvidenceSet as Model<EvidenceSetDocument>) ??
    db.model('EvidenceSet', evidenceSetSchema)
  );
}
