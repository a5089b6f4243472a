/** A questionnaire's draft, which the admin edits; its published versions live apart, frozen. */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { QuestionnaireDefinition } from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export interface QuestionnaireDocument {
  _id: Types.ObjectId;
  draft: QuestionnaireDefinition;
  /** The number of the newest published version; 0 before the first. */
  latestVersion: number;
  outbox?: OutboxItem[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const questionnaireSchema = new Schema<QuestionnaireDocument>(
  {
    draft: { type: Schema.Types.Mixed, required: true },
    latestVersion: { type: Number, default: 0 },
    outbox: outboxSchemaPath,
    version: { type: Number, default: 1 },
  },
  { collection: 'questionnaires', versionKey: false, timestamps: true, minimize: false },
);
questionnaireSchema.index({ updatedAt: -1 });

export function questionnaireModel(db: Connection): Model<QuestionnaireDocument> {
  return (
    (db.models.Questionnaire as Model<QuestionnaireDocument>) ??
    db.model('Questionnaire', questionnaireSchema)
  );
}
