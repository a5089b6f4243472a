/**
 * A period's draft consolidations, every version kept: the header (`consolidations`, `_id`
 * `<periodId>:<version>`, so two consolidations racing for one version cannot both land) and one
 * row per unit (`consolidationRows`), written before the header: rows without a header are never
 * read.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Consolidation, ConsolidationRow } from '@par/contracts';
import type { ConsolidatedLeaf } from '@par/scoring';

export type ConsolidationDocument = Omit<Consolidation, 'rows' | 'createdAt'> & {
  _id: string;
  createdAt: Date;
};

export interface ConsolidationRowDocument {
  _id: string;
  periodId: string;
  version: number;
  /** Position in the table: by group, then rank. */
  order: number;
  row: Omit<ConsolidationRow, 'leaves'> & { leaves: ConsolidatedLeaf[] };
}

const consolidationSchema = new Schema<ConsolidationDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'consolidations', versionKey: false, strict: false },
);
consolidationSchema.index({ periodId: 1, version: -1 });

const rowSchema = new Schema<ConsolidationRowDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true },
    version: { type: Number, required: true },
    order: { type: Number, required: true },
    row: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'consolidationRows', versionKey: false },
);
rowSchema.index({ periodId: 1, version: 1, order: 1 });

export function consolidationModel(db: Connection): Model<ConsolidationDocument> {
  return (
    (db.models.Consolidation as Model<ConsolidationDocument>) ??
    db.model('Consolidation', consolidationSchema)
  );
}

export function consolidationRowModel(db: Connection): Model<ConsolidationRowDocument> {
  return (
    (db.models.ConsolidationRow as Model<ConsolidationRowDocument>) ??
    db.model('ConsolidationRow', rowSchema)
  );
}
