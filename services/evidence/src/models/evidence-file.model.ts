/**
 * One evidence file of a unit in a period (the fields of every uploaded file,
 * `UploadedFileFields`) and the criterion codes it serves. A file is `pending` from the upload
 * slot until its bytes are checked, then `attached`; pending files older than a day are swept
 * with their objects.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { evidenceFileStatuses } from '@par/contracts';
import { uploadedFileSchemaPaths, type UploadedFileFields } from '@par/service-kit';

export interface EvidenceFileDocument extends UploadedFileFields {
  _id: Types.ObjectId;
  periodId: Types.ObjectId;
  unitCode: string;
  criterionCodes: string[];
  status: (typeof evidenceFileStatuses)[number];
  /** Uploaded in the clarification phase for a questioned entry (deletable until its deadline). */
  addedInClarification?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const evidenceFileSchema = new Schema<EvidenceFileDocument>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    ...uploadedFileSchemaPaths,
    criterionCodes: { type: [String], default: [] },
    status: { type: String, enum: evidenceFileStatuses, required: true },
    addedInClarification: { type: Boolean, default: false },
  },
  { collection: 'evidenceFiles', versionKey: false, timestamps: true },
);
// A unit's listing for a period is one find; the sweep looks for old pending files.
evidenceFileSchema.index({ periodId: 1, unitCode: 1 });
evidenceFileSchema.index({ status: 1, createdAt: 1 });
evidenceFileSchema.index({ storageKey: 1 }, { unique: true });

export function evidenceFileModel(db: Connection): Model<EvidenceFileDocument> {
  return (
    (db.models.EvidenceFile as Model<EvidenceFileDocument>) ??
    db.model('EvidenceFile', evidenceFileSchema)
  );
}
