/**
 * A past period's results imported from a sheet, written whole in one insert (so a refused or
 * interrupted import writes nothing): who, when, which file, which import it replaced, and each
 * unit × leaf's self and appraised score. The period's past results are its latest import: a
 * re-import replaces the earlier one whole, which stays as the record of what was there.
 */
import { Schema, type Connection, type Model } from 'mongoose';

export interface PastResultLine {
  unitCode: string;
  criterionCode: string;
  /** Hundredths (a deduction's penalty negative); null when the sheet gave none. */
  selfScore: number | null;
  appraisedScore: number;
}

export interface PastResultsImportDocument {
  _id: string;
  periodId: string;
  fileName: string;
  at: Date;
  by: { id: string; username: string | null };
  /** The import of the period this one replaced, or null. */
  replaces: string | null;
  results: PastResultLine[];
}

const pastResultsImportSchema = new Schema<PastResultsImportDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true },
    fileName: { type: String, required: true },
    at: { type: Date, required: true },
    by: {
      type: new Schema({ id: String, username: String }, { _id: false }),
      required: true,
    },
    replaces: { type: String, default: null },
    results: {
      type: [
        {
          _id: false,
          unitCode: String,
          criterionCode: String,
          selfScore: Number,
          appraisedScore: Number,
        },
      ],
      required: true,
    },
  },
  { collection: 'pastResultsImports', versionKey: false },
);
pastResultsImportSchema.index({ periodId: 1, at: -1 });

export function pastResultsImportModel(db: Connection): Model<PastResultsImportDocument> {
  return (
    (db.models.PastResultsImport as Model<PastResultsImportDocument>) ??
    db.model('PastResultsImport', pastResultsImportSchema)
  );
}

/** The period's past results in force: its latest import, or null. */
export function latestPastResults(db: Connection, periodId: string) {
  return pastResultsImportModel(db)
    .findOne({ periodId })
    .sort({ at: -1, _id: -1 })
    .lean<PastResultsImportDocument | null>();
}
