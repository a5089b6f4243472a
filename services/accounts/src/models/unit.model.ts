/** Units of the province or ministry: the tree that self-assessments and appraisals hang on. */
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { unitKinds } from '@par/contracts';

const unitSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    shortName: { type: String, default: null },
    kind: { type: String, required: true, enum: unitKinds },
    parentId: { type: Schema.Types.ObjectId, default: null, index: true },
    unitGroup: { type: String, default: null },
  },
  { timestamps: true, optimisticConcurrency: true, versionKey: 'version', collection: 'units' },
);

export type UnitDocument = InferSchemaType<typeof unitSchema> & {
  _id: import('mongoose').Types.ObjectId;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export function unitModel(db: Connection): Model<UnitDocument> {
  return (db.models.Unit as Model<UnitDocument>) ?? db.model<UnitDocument>('Unit', unitSchema);
}
