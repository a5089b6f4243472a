/**
 * A citizen's question to a unit, kept as typed (shown as text, never as HTML), with its routing
 * history, its answer and its state; versioned, and carrying its audit entries in its outbox.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { QuestionStatus } from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export interface QuestionRoutingDocument {
  fromUnitCode: string;
  toUnitCode: string;
  note: string;
  by: string;
  at: Date;
}

export interface QuestionDocument {
  _id: Types.ObjectId;
  unitCode: string;
  title: string;
  text: string;
  authorName: string | null;
  status: QuestionStatus;
  askedAt: Date;
  unitSince: Date;
  routings: QuestionRoutingDocument[];
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  rejectReason: string | null;
  rejectedBy: string | null;
  rejectedAt: Date | null;
  outbox?: OutboxItem[];
  version: number;
}

const routingSchema = new Schema<QuestionRoutingDocument>(
  {
    fromUnitCode: { type: String, required: true },
    toUnitCode: { type: String, required: true },
    note: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const questionSchema = new Schema<QuestionDocument>(
  {
    unitCode: { type: String, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    authorName: { type: String, default: null },
    status: { type: String, required: true },
    askedAt: { type: Date, required: true },
    unitSince: { type: Date, required: true },
    routings: { type: [routingSchema], default: [] },
    answer: { type: String, default: null },
    answeredBy: { type: String, default: null },
    answeredAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: String, default: null },
    rejectReason: { type: String, default: null },
    rejectedBy: { type: String, default: null },
    rejectedAt: { type: Date, default: null },
    outbox: outboxSchemaPath,
    version: { type: Number, default: 1 },
  },
  { collection: 'questions', versionKey: false, minimize: false },
);
questionSchema.index({ unitCode: 1, status: 1, askedAt: -1 });
questionSchema.index({ status: 1, publishedAt: -1 });

export function questionModel(db: Connection): Model<QuestionDocument> {
  return (db.models.Question as Model<QuestionDocument>) ?? db.model('Question', questionSchema);
}
