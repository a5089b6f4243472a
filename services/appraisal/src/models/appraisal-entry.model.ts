/**
 * One appraisal entry per (period, unit, leaf): both rounds' values, the clarification question
 * and the unit's answer, one optimistic version over all of it. Keyed `<periodId>/<unit>/<leaf>`,
 * so the first write of an entry is an insert that exactly one racing writer wins.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { CriterionNode, EntryInputs } from '@par/contracts';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';

export interface Author {
  id: string;
  username: string;
}

export interface StoredAppraisalValue {
  inputs: EntryInputs;
  score: number | null;
  percent: number | null;
  reason: string;
  by: Author;
  at: Date;
}

export interface StoredQuestion {
  text: string;
  askedBy: Author;
  askedAt: Date;
  /** The self-score when asked, shown to the unit beside the question. */
  selfScore: number | null;
  /** The leaf's maximum and rule (sets in use never change), to score a revised self-score. */
  leaf: Pick<CriterionNode, 'maxScore' | 'rule' | 'title'>;
  answer: {
    text: string;
    revisedInputs: EntryInputs | null;
    revisedScore: number | null;
    by: Author;
    at: Date;
  } | null;
}

export interface AppraisalEntryDocument {
  _id: string;
  periodId: string;
  unitCode: string;
  criterionCode: string;
  round1: StoredAppraisalValue | null;
  round2: StoredAppraisalValue | null;
  question: StoredQuestion | null;
  version: number;
  updatedAt: Date;
  outbox?: OutboxItem[];
}

export const appraisalEntryId = (periodId: string, unitCode: string, criterionCode: string) =>
  `${periodId}/${unitCode}/${criterionCode}`;

const appraisalEntrySchema = new Schema<AppraisalEntryDocument>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true },
    unitCode: { type: String, required: true },
    criterionCode: { type: String, required: true },
    round1: { type: Schema.Types.Mixed, default: null },
    round2: { type: Schema.Types.Mixed, default: null },
    question: { type: Schema.Types.Mixed, default: null },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaPath,
  },
  { collection: 'appraisalEntries', versionKey: false },
);
appraisalEntrySchema.index({ periodId: 1, unitCode: 1 });

export function appraisalEntryModel(db: Connection): Model<AppraisalEntryDocument> {
  return (
    (db.models.AppraisalEntry as Model<AppraisalEntryDocument>) ??
    db.model('AppraisalEntry', appraisalEntrySchema)
  );
}
