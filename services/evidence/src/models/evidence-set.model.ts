/**
 * The evidence of one unit in one period as a whole: whether it is frozen. The assessment
 * service's durable `submitted` event sets `frozen` and a withdrawal clears it, each only if its
 * submission state's version is later than the one applied; while frozen, no file of the set is
 * added, changed or deleted.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface EvidenceSetDocument {
  _id: Types.ObjectId;
  periodId: Types.ObjectId;
  unitCode: string;
  frozen: boolean;
  frozenAt: Date | null;
  /** The submission state's version of the last event applied (0: none). */
  stateVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

const evidenceSetSchema = new Schema<EvidenceSetDocument>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    frozen: { type: Boolean, default: false },
    frozenAt: { type: Date, default: null },
    stateVersion: { type: Number, default: 0 },
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
