/** An index's classification bands, set by the admin: one document per index code. */
import { Schema, type Connection, type Model } from 'mongoose';

export interface BandTableDocument {
  _id: string;
  bands: Array<{ label: string; minIndex: number }>;
  updatedAt: Date;
  updatedBy: { id: string; username: string | null };
}

const bandTableSchema = new Schema<BandTableDocument>(
  {
    _id: { type: String, required: true },
    bands: { type: [{ _id: false, label: String, minIndex: Number }], required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: {
      type: new Schema({ id: String, username: String }, { _id: false }),
      required: true,
    },
  },
  { collection: 'bandTables', versionKey: false },
);

export function bandTableModel(db: Connection): Model<BandTableDocument> {
  return (
    (db.models.BandTable as Model<BandTableDocument>) ?? db.model('BandTable', bandTableSchema)
  );
}
