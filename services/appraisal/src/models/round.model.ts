/**
 * One appraiser's round in a period: sent (their writes for it locked) or not, and the admin's
 * last reopening. Keyed `<periodId>/<appraiserId>/<round>`; the send and the reopening carry their
 * durable event and audit entry in the outbox.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';
import type { Author } from './appraisal-entry.model';

export interface RoundDocument {
  _id: string;
  periodId: string;
  appraiserId: string;
  appraiserUsername: string;
  round: number;
  sentAt: Date | null;
  reopened: { at: Date; by: Author; reason: string } | null;
  version: number;
  outbox?: OutboxItem[];
}

export const roundId = (periodId: string, appraiserId: string, round: number) =>
  `${periodId}/${appraiserId}/${round}`;

const roundSchema = new Schema<RoundDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true, index: true },
    appraiserId: { type: String, required: true },
    appraiserUsername: { type: String, required: true },
    round: { type: Number, required: true },
    sentAt: { type: Date, default: null },
    reopened: { type: Schema.Types.Mixed, default: null },
    version: { type: Number, required: true },
    outbox: outboxSchemaPath,
  },
  { collection: 'rounds', versionKey: false },
);

export function roundModel(db: Connection): Model<RoundDocument> {
  return (db.models.Round as Model<RoundDocument>) ?? db.model('Round', roundSchema);
}
