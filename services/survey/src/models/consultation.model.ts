/** A draft policy posted for comment by a unit until its deadline, and its published summary. */
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface ConsultationDocument {
  _id: Types.ObjectId;
  unitCode: string;
  title: string;
  text: string;
  closesAt: Date;
  summary: string | null;
  summaryPublishedAt: Date | null;
  summaryBy: string | null;
  createdBy: string;
  createdAt: Date;
}

const consultationSchema = new Schema<ConsultationDocument>(
  {
    unitCode: { type: String, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    closesAt: { type: Date, required: true },
    summary: { type: String, default: null },
    summaryPublishedAt: { type: Date, default: null },
    summaryBy: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'consultations', versionKey: false, minimize: false },
);
consultationSchema.index({ unitCode: 1, closesAt: -1 });

export function consultationModel(db: Connection): Model<ConsultationDocument> {
  return (
    (db.models.Consultation as Model<ConsultationDocument>) ??
    db.model('Consultation', consultationSchema)
  );
}
