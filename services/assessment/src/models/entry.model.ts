/**
 * A unit's answer for one leaf criterion in one period: the minimal shape the progress board,
 * the completeness rule (`@par/scoring`'s `completeness`) and the trial wipe need. The
 * self-assessment issue completes it (inputs, chosen option, evidence ids, history) and owns its
 * writes; the fields here keep their meaning.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface Entry {
  periodId: Types.ObjectId;
  unitCode: string;
  criterionCode: string;
  /** Integer hundredths; null until the unit scores the leaf. */
  score: number | null;
  explanation: string;
  /** Evidence files attached to this entry; the leaf's minimum is read from the set. */
  evidenceCount: number;
  /** Why fewer files than the set asks for are attached; blank when none is missing. */
  missingEvidenceExplanation: string;
  version: number;
}

const entrySchema = new Schema<Entry>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    criterionCode: { type: String, required: true },
    score: { type: Number, default: null },
    explanation: { type: String, default: '' },
    evidenceCount: { type: Number, default: 0 },
    missingEvidenceExplanation: { type: String, default: '' },
    version: { type: Number, default: 0 },
  },
  { collection: 'entries', versionKey: false, timestamps: true },
);
// One entry per leaf per unit and period; the board reads a period's entries in one find.
entrySchema.index({ periodId: 1, unitCode: 1, criterionCode: 1 }, { unique: true });

export function entryModel(db: Connection): Model<Entry> {
  return (db.models.Entry as Model<Entry>) ?? db.model('Entry', entrySchema);
}
