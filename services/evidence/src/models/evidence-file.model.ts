/**
 * One evidence file of a unit in a period: the name the user gave (display only), the key the
 * service chose, what the check of its bytes found, and the criterion codes it serves. A file is
 * `pending` from the upload slot until its bytes are checked, then `attached`; pending files
 * older than a day are swept with their objects.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { evidenceFileStatuses, evidenceKindNames, type EvidenceKind } from '@par/contracts';

export interface EvidenceFileDocument {
  _id: Types.ObjectId;
  periodId: Types.ObjectId;
  unitCode: string;
  name: string;
  /** The object key in the bucket, made by the service (never from `name`). */
  storageKey: string;
  /** The version checked at confirmation; downloads serve exactly this one. */
  versionId: string | null;
  declaredSize: number;
  declaredContentType: string;
  /** The kind the name or declared type claimed, checked against the bytes at confirmation. */
  claimedKind: EvidenceKind;
  size: number | null;
  kind: EvidenceKind | null;
  contentType: string | null;
  sha256: string | null;
  criterionCodes: string[];
  status: (typeof evidenceFileStatuses)[number];
  uploadedBy: string;
  attachedAt: Date | null;
  /** Uploaded in the clarification phase for a questioned entry (deletable until its deadline). */
  addedInClarification?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const evidenceFileSchema = new Schema<EvidenceFileDocument>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    name: { type: String, required: true },
    storageKey: { type: String, required: true },
    versionId: { type: String, default: null },
    declaredSize: { type: Number, required: true },
    declaredContentType: { type: String, default: '' },
    claimedKind: { type: String, enum: evidenceKindNames, required: true },
    size: { type: Number, default: null },
    kind: { type: String, enum: evidenceKindNames, default: null },
    contentType: { type: String, default: null },
    sha256: { type: String, default: null },
    criterionCodes: { type: [String], default: [] },
    status: { type: String, enum: evidenceFileStatuses, required: true },
    uploadedBy: { type: String, required: true },
    attachedAt: { type: Date, default: null },
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
