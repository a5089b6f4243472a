/** Indices (PAR, DTI, …) that criteria sets belong to; the code is unique. */
import { outboxSchemaPath } from '@par/service-kit';
import { Schema, type Connection, type InferSchemaType, type Model, type Types } from 'mongoose';

const indexSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    outbox: outboxSchemaPath,
  },
  { timestamps: true, collection: 'indices' },
);

export type IndexDocument = InferSchemaType<typeof indexSchema> & { _id: Types.ObjectId };

export function indexModel(db: Connection): Model<IndexDocument> {
  return (db.models.Index as Model<IndexDocument>) ?? db.model<IndexDocument>('Index', indexSchema);
}
