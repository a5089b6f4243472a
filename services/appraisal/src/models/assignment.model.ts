/**
 * A period's appraiser assignment: appraisers (one, or a council) × criterion codes × a unit
 * choice. Stored as the admin gave it (a group or a subtree stays a rule, not a list), so it
 * follows the period's units; each change carries its audit entry in `outbox`.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { AssignmentAppraiser, AssignmentUnits } from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export interface AssignmentDocument {
  _id: Types.ObjectId;
  periodId: string;
  name: string;
  appraisers: AssignmentAppraiser[];
  criterionCodes: string[];
  units: AssignmentUnits;
  outbox?: OutboxItem[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const assignmentSchema = new Schema<AssignmentDocument>(
  {
    periodId: { type: String, required: true },
    name: { type: String, default: '' },
    appraisers: { type: [{ _id: false, id: String, username: String }], default: [] },
    criterionCodes: { type: [String], default: [] },
    units: { type: Schema.Types.Mixed, required: true },
    outbox: outboxSchemaPath,
    version: { type: Number, default: 1 },
  },
  { collection: 'assignments', versionKey: false, timestamps: true },
);
// An appraiser's own assignments in a period (the worklist) are one index lookup.
assignmentSchema.index({ periodId: 1, 'appraisers.id': 1 });

export function assignmentModel(db: Connection): Model<AssignmentDocument> {
  return (
    (db.models.Assignment as Model<AssignmentDocument>) ?? db.model('Assignment', assignmentSchema)
  );
}
