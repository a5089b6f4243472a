/**
 * One attached file of a consultation: the name the uploader gave (display only), the key the
 * service chose, and what the check of its bytes found. `pending` from the upload slot until its
 * bytes are checked, then `attached`; only attached files are listed and downloaded.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { evidenceKindNames, type EvidenceKind } from '@par/contracts';

export interface ConsultationAttachmentDocument {
  _id: Types.ObjectId;
  consultationId: Types.ObjectId;
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
  status: 'pending' | 'attached';
  uploadedBy: string;
  attachedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const consultationAttachmentSchema = new Schema<ConsultationAttachmentDocument>(
  {
    consultationId: { type: Schema.Types.ObjectId, required: true },
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
    status: { type: String, enum: ['pending', 'attached'], required: true },
    uploadedBy: { type: String, required: true },
    attachedAt: { type: Date, default: null },
  },
  { collection: 'consultationAttachments', versionKey: false, timestamps: true },
);
consultationAttachmentSchema.index({ consultationId: 1, createdAt: 1 });
consultationAttachmentSchema.index({ storageKey: 1 }, { unique: true });

export function consultationAttachmentModel(db: Connection): Model<ConsultationAttachmentDocument> {
  return (
    (db.models.ConsultationAttachment as Model<ConsultationAttachmentDocument>) ??
    db.model('ConsultationAttachment', consultationAttachmentSchema)
  );
}
