/**
 * A published questionnaire version: written once, never changed. Its `_id` is
 * `<questionnaire id>/<number>`, so two publications racing for one number cannot both land.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { QuestionnaireDefinition } from '@par/contracts';

export interface QuestionnaireVersionDocument {
  _id: string;
  questionnaireId: string;
  number: number;
  definition: QuestionnaireDefinition;
  publishedAt: Date;
  publishedBy: { id: string; username: string };
}

const questionnaireVersionSchema = new Schema<QuestionnaireVersionDocument>(
  {
    _id: { type: String, required: true },
    questionnaireId: { type: String, required: true, index: true },
    number: { type: Number, required: true },
    definition: { type: Schema.Types.Mixed, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: {
      type: new Schema({ id: String, username: String }, { _id: false }),
      required: true,
    },
  },
  { collection: 'questionnaireVersions', versionKey: false, minimize: false },
);

export const questionnaireVersionId = (questionnaireId: string, number: number) =>
  `${questionnaireId}/${number}`;

export function questionnaireVersionModel(db: Connection): Model<QuestionnaireVersionDocument> {
  return (
    (db.models.QuestionnaireVersion as Model<QuestionnaireVersionDocument>) ??
    db.model('QuestionnaireVersion', questionnaireVersionSchema)
  );
}
