/**
 * One citizen's answers. The `_id` is what makes "once" hold without a transaction or a partial
 * index: `d:<hash of campaign, unit and device token>` online (one per device per campaign and
 * unit), `p:<campaign>/<paper id>` for a paper form (each paper id once per campaign).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { CheckedAnswers } from '@par/contracts';

export interface ResponseDocument {
  _id: string;
  campaignId: string;
  unitCode: string;
  channel: 'online' | 'paper';
  paperId?: string;
  /** Who typed a paper form in. */
  enteredBy?: { id: string; username: string };
  answers: CheckedAnswers;
  consent: boolean;
  receivedAt: Date;
}

const responseSchema = new Schema<ResponseDocument>(
  {
    _id: { type: String, required: true },
    campaignId: { type: String, required: true },
    unitCode: { type: String, required: true },
    channel: { type: String, required: true },
    paperId: { type: String, default: undefined },
    enteredBy: {
      type: new Schema({ id: String, username: String }, { _id: false }),
      default: undefined,
    },
    answers: { type: Schema.Types.Mixed, required: true },
    consent: { type: Boolean, default: false },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'responses', versionKey: false, minimize: false },
);
responseSchema.index({ campaignId: 1, unitCode: 1 });

export function responseModel(db: Connection): Model<ResponseDocument> {
  return (db.models.Response as Model<ResponseDocument>) ?? db.model('Response', responseSchema);
}
