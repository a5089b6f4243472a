/**
 * The admin's decisions on a period's blockers, one document per period (`_id` the period's id)
 * with one optimistic version over all of them; each decision carries its audit entry in the
 * outbox, written with it in one single-document update.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { BlockerDecision } from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export type StoredBlockerDecision = Omit<BlockerDecision, 'at'> & { at: Date };

export interface BlockerDecisionsDocument {
  _id: string;
  items: StoredBlockerDecision[];
  version: number;
  outbox?: OutboxItem[];
}

const blockerDecisionsSchema = new Schema<BlockerDecisionsDocument>(
  {
    _id: { type: String, required: true },
    items: { type: Schema.Types.Mixed, default: [] },
    version: { type: Number, required: true },
    outbox: outboxSchemaPath,
  },
  { collection: 'blockerDecisions', versionKey: false },
);

export function blockerDecisionsModel(db: Connection): Model<BlockerDecisionsDocument> {
  return (
    (db.models.BlockerDecisions as Model<BlockerDecisionsDocument>) ??
    db.model('BlockerDecisions', blockerDecisionsSchema)
  );
}
