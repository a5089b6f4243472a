/** When an appraiser first opened a unit (the assessment service holds the truth; this is for lists). */
import { Schema, type Connection, type Model } from 'mongoose';

export interface OpeningDocument {
  _id: string;
  periodId: string;
  unitCode: string;
  openedAt: Date;
}

const openingSchema = new Schema<OpeningDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true, index: true },
    unitCode: { type: String, required: true },
    openedAt: { type: Date, required: true },
  },
  { collection: 'openings', versionKey: false },
);

export function openingModel(db: Connection): Model<OpeningDocument> {
  return (db.models.Opening as Model<OpeningDocument>) ?? db.model('Opening', openingSchema);
}
