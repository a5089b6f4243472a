/**
 * Criteria sets: one document per set, its nodes embedded as a flat list in display order, so a
 * save is one conditional update on `version` (FerretDB has no transactions). The summary
 * figures (valid, totalMax, leafCount) are stored with each save so lists need not recompute.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';
import { criteriaSetStatuses, type CriteriaSetStatus, type CriterionNode } from '@par/contracts';

const criteriaSetSchema = new Schema(
  {
    indexCode: { type: String, required: true },
    year: { type: Number, required: true },
    unitGroup: { type: String, required: true },
    /** The version users see; unique per index × year × unit group. */
    edition: { type: Number, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    status: { type: String, required: true, enum: criteriaSetStatuses, default: 'draft' },
    basedOnId: { type: Schema.Types.ObjectId, default: null },
    templateKey: { type: String, default: null },
    nodes: { type: [Schema.Types.Mixed], default: [] },
    valid: { type: Boolean, required: true },
    totalMax: { type: Number, required: true },
    leafCount: { type: Number, required: true },
    /** Optimistic concurrency: every write is conditional on it and increments it. */
    version: { type: Number, required: true, default: 1 },
    /**
     * Bumped by every period write that chooses this set, after the period is stored; a delete
     * is conditional on the count it read before looking for periods that use the set, so a
     * period choosing it meanwhile makes the delete fail (see `claimCriteriaSets`). Not the
     * version: an editor's save must not conflict with a period being set up.
     */
    periodClaims: { type: Number, default: 0 },
    /** Audit entries of a change, written with it and appended by the outbox relay. */
    outbox: outboxSchemaPath,
  },
  { timestamps: true, versionKey: false, collection: 'criteriaSets', minimize: false },
);
criteriaSetSchema.index({ indexCode: 1, year: 1, unitGroup: 1, edition: 1 }, { unique: true });

export interface CriteriaSetDocument {
  _id: Types.ObjectId;
  indexCode: string;
  year: number;
  unitGroup: string;
  edition: number;
  name: string;
  description: string | null;
  status: CriteriaSetStatus;
  basedOnId: Types.ObjectId | null;
  templateKey: string | null;
  nodes: CriterionNode[];
  valid: boolean;
  totalMax: number;
  leafCount: number;
  outbox?: OutboxItem[];
  version: number;
  /** Absent on sets stored before periods claimed them. */
  periodClaims?: number;
  createdAt: Date;
  updatedAt: Date;
}

export function criteriaSetModel(db: Connection): Model<CriteriaSetDocument> {
  return (
    (db.models.CriteriaSet as Model<CriteriaSetDocument>) ??
    db.model<CriteriaSetDocument>('CriteriaSet', criteriaSetSchema)
  );
}
