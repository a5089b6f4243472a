/**
 * A citizen's comment on a consultation, kept as typed (shown as text, never as HTML): pending
 * until a moderator approves it or rejects it with a reason.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { CommentStatus } from '@par/contracts';

export interface ConsultationCommentDocument {
  _id: Types.ObjectId;
  consultationId: string;
  authorName: string | null;
  text: string;
  status: CommentStatus;
  reason: string | null;
  moderatedBy: string | null;
  moderatedAt: Date | null;
  createdAt: Date;
}

const commentSchema = new Schema<ConsultationCommentDocument>(
  {
    consultationId: { type: String, required: true },
    authorName: { type: String, default: null },
    text: { type: String, required: true },
    status: { type: String, required: true },
    reason: { type: String, default: null },
    moderatedBy: { type: String, default: null },
    moderatedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'consultationComments', versionKey: false, minimize: false },
);
commentSchema.index({ consultationId: 1, status: 1, createdAt: 1 });

export function consultationCommentModel(db: Connection): Model<ConsultationCommentDocument> {
  return (
    (db.models.ConsultationComment as Model<ConsultationCommentDocument>) ??
    db.model('ConsultationComment', commentSchema)
  );
}
