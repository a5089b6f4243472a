/** Units of the province or ministry: the tree that self-assessments and appraisals hang on. */
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { unitKinds, unitLinkKinds } from '@par/contracts';

const nameEntrySchema = new Schema(
  {
    fromYear: { type: Number, default: null },
    name: { type: String, required: true },
    shortName: { type: String, default: null },
  },
  { _id: false },
);

const parentEntrySchema = new Schema(
  {
    fromYear: { type: Number, default: null },
    parentId: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

const linkSchema = new Schema(
  {
    unitId: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    kind: { type: String, required: true, enum: unitLinkKinds },
    year: { type: Number, required: true },
  },
  { _id: false },
);

/**
 * `name`, `shortName` and `parentId` are always the newest entries of `names` and `parents`,
 * so that search, children and old readers need no history. Units written before the history
 * existed have neither array nor years: they read as always active under their one name.
 */
const unitSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    shortName: { type: String, default: null },
    kind: { type: String, required: true, enum: unitKinds },
    parentId: { type: Schema.Types.ObjectId, default: null, index: true },
    unitGroup: { type: String, default: null },
    activeFrom: { type: Number, default: null },
    activeTo: { type: Number, default: null },
    deactivationReason: { type: String, default: null },
    names: { type: [nameEntrySchema], default: undefined },
    parents: { type: [parentEntrySchema], default: undefined },
    predecessors: { type: [linkSchema], default: undefined },
    successors: { type: [linkSchema], default: undefined },
    outbox: outboxSchemaPath,
  },
  { timestamps: true, optimisticConcurrency: true, versionKey: 'version', collection: 'units' },
);

export interface UnitLinkEntry {
  unitId: Types.ObjectId;
  code: string;
  kind: (typeof unitLinkKinds)[number];
  year: number;
}

/** A unit as stored; the optional fields are absent on units written before they existed. */
export interface UnitDocument {
  _id: Types.ObjectId;
  code: string;
  name: string;
  shortName?: string | null;
  kind: string;
  parentId?: Types.ObjectId | null;
  unitGroup?: string | null;
  activeFrom?: number | null;
  activeTo?: number | null;
  deactivationReason?: string | null;
  names?: Array<{ fromYear: number | null; name: string; shortName: string | null }>;
  parents?: Array<{ fromYear: number | null; parentId: Types.ObjectId | null }>;
  predecessors?: UnitLinkEntry[];
  successors?: UnitLinkEntry[];
  /** Events and audit entries of a change, written with it; the outbox relay empties it. */
  outbox?: OutboxItem[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function unitModel(db: Connection): Model<UnitDocument> {
  return (db.models.Unit as Model<UnitDocument>) ?? db.model<UnitDocument>('Unit', unitSchema);
}
