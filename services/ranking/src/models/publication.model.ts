/**
 * A period's published versions: one document per publication, `_id` `<periodId>:<number>`, so
 * two publications racing for one number cannot both land. It names the draft version it
 * publishes (drafts and their rows are never changed, so every publication stays readable) and
 * carries its durable `ranking.published` event and audit entry in the outbox.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export interface PublicationDocument {
  _id: string;
  periodId: string;
  indexCode: string;
  year: number;
  number: number;
  consolidationVersion: number;
  reason: string;
  publishedAt: Date;
  publishedBy: { id: string; username: string | null };
  outbox?: OutboxItem[];
}

export const publicationId = (periodId: string, number: number) => `${periodId}:${number}`;

const publicationSchema = new Schema<PublicationDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true },
    indexCode: { type: String, required: true },
    year: { type: Number, required: true },
    number: { type: Number, required: true },
    consolidationVersion: { type: Number, required: true },
    reason: { type: String, default: '' },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: Schema.Types.Mixed, required: true },
    outbox: outboxSchemaPath,
  },
  { collection: 'publications', versionKey: false },
);
publicationSchema.index({ periodId: 1, number: 1 });

export function publicationModel(db: Connection): Model<PublicationDocument> {
  return (
    (db.models.Publication as Model<PublicationDocument>) ??
    db.model('Publication', publicationSchema)
  );
}
