/**
 * One attached file of a consultation (the fields of every uploaded file, `UploadedFileFields`).
 * `pending` from the upload slot until its bytes are checked, then `attached`; only attached
 * files are listed and downloaded.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { uploadedFileSchemaPaths, type UploadedFileFields } from '@par/service-kit';

export interface ConsultationAttachmentDocument extends UploadedFileFields {
  _id: Types.ObjectId;
  consultationId: Types.ObjectId;
  unitCode: string;
  status: 'pending' | 'attached';
  createdAt: Date;
  updatedAt: Date;
}

const consultationAttachmentSchema = new Schema<ConsultationAttachmentDocument>(
  {
    consultationId: { type: Schema.Types.ObjectId, required: true },
    unitCode: { type: String, required: true },
    ...uploadedFileSchemaPaths,
    status: { type: String, enum: ['pending', 'attached'], required: true },
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
