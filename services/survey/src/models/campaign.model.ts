/** A survey campaign: a questionnaire version asked of a period's units, with its state. */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type {
  CampaignCriterion,
  CampaignStatus,
  CampaignUnit,
  SatisfactionIndexMethod,
} from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export interface CampaignDocument {
  _id: Types.ObjectId;
  periodId: string;
  name: string;
  questionnaireId: string;
  questionnaireVersion: number;
  questionnaireTitle: string;
  units: CampaignUnit[];
  marginOfError: number;
  index: SatisfactionIndexMethod;
  criteria: CampaignCriterion[];
  closesAt: Date | null;
  status: CampaignStatus;
  openedAt: Date | null;
  closedAt: Date | null;
  resultsSent: number;
  outbox?: OutboxItem[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const campaignSchema = new Schema<CampaignDocument>(
  {
    periodId: { type: String, required: true },
    name: { type: String, required: true },
    questionnaireId: { type: String, required: true },
    questionnaireVersion: { type: Number, required: true },
    questionnaireTitle: { type: String, required: true },
    units: { type: Schema.Types.Mixed, required: true },
    marginOfError: { type: Number, required: true },
    index: { type: Schema.Types.Mixed, required: true },
    criteria: { type: Schema.Types.Mixed, required: true },
    closesAt: { type: Date, default: null },
    status: { type: String, required: true },
    openedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    resultsSent: { type: Number, default: 0 },
    outbox: outboxSchemaPath,
    version: { type: Number, default: 1 },
  },
  { collection: 'campaigns', versionKey: false, timestamps: true, minimize: false },
);
campaignSchema.index({ periodId: 1, createdAt: -1 });
campaignSchema.index({ status: 1 });

export function campaignModel(db: Connection): Model<CampaignDocument> {
  return (db.models.Campaign as Model<CampaignDocument>) ?? db.model('Campaign', campaignSchema);
}
