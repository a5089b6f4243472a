/**
 * One survey results import, written whole in one insert (so a refused or interrupted import
 * writes nothing): who, when, which file, and each unit × criterion result with the score it
 * replaced. A period's current results are its imports folded in order, the later replacing.
 */
import { Schema, type Connection, type Model } from 'mongoose';

export interface SurveyResultLine {
  unitCode: string;
  criterionCode: string;
  /** Hundredths of a point. */
  score: number;
  /** The score it replaced, or null. */
  replaces: number | null;
}

export interface SurveyImportDocument {
  _id: string;
  periodId: string;
  fileName: string;
  at: Date;
  by: { id: string; username: string | null };
  results: SurveyResultLine[];
}

const surveyImportSchema = new Schema<SurveyImportDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true },
    fileName: { type: String, required: true },
    at: { type: Date, required: true },
    by: {
      type: new Schema({ id: String, username: String }, { _id: false }),
      required: true,
    },
    results: {
      type: [
        { _id: false, unitCode: String, criterionCode: String, score: Number, replaces: Number },
      ],
      required: true,
    },
  },
  { collection: 'surveyImports', versionKey: false },
);
surveyImportSchema.index({ periodId: 1, at: 1 });

export function surveyImportModel(db: Connection): Model<SurveyImportDocument> {
  return (
    (db.models.SurveyImport as Model<SurveyImportDocument>) ??
    db.model('SurveyImport', surveyImportSchema)
  );
}
