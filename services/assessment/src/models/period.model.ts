/**
 * Assessment periods: the sets per group, the participating units, the phases and where the
 * period stands. Every change, a phase move included, is a conditional update on `version`
 * (FerretDB has no transactions), and what must follow a phase move — marking sets in use,
 * wiping the trial, the durable event and the audit entries — is written into the same document
 * (`tasks`, `outbox`) so that a node that dies half-way leaves the work for the next tick or the
 * outbox relay instead of losing it.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { outboxSchemaPath, type OutboxItem } from '@par/service-kit';
import { extendablePhases, periodPhases, type PeriodPhase } from '@par/contracts';

export interface PeriodPhaseTimes {
  phase: PeriodPhase;
  startsAt: Date;
  endsAt: Date | null;
}

export interface PeriodExtension {
  unitCode: string;
  phase: (typeof extendablePhases)[number];
  endsAt: Date;
  reason: string;
  by: string;
  at: Date;
}

/** Follow-ups of a phase move, done (idempotently) after the move is stored. */
export const periodTasks = ['markSetsInUse', 'wipeTrial'] as const;
export type PeriodTask = (typeof periodTasks)[number];

export interface PeriodDocument {
  _id: Types.ObjectId;
  indexCode: string;
  year: number;
  name: string;
  criteriaSets: Array<{ unitGroup: string; criteriaSetId: string }>;
  /** As in the period's year: that year's name and parent (the accounts service's unit id). */
  units: Array<{ code: string; name: string; parentId?: string | null; unitGroup: string }>;
  phases: PeriodPhaseTimes[];
  currentPhase: PeriodPhase;
  extensions: PeriodExtension[];
  transitions: Array<{ from: PeriodPhase; to: PeriodPhase; at: Date; by: string }>;
  tasks: Array<{ task: PeriodTask; at: Date }>;
  /** Events and audit entries of changes, relayed by the service kit's outbox relay. */
  outbox?: OutboxItem[];
  /** False while tasks of a move are still to be done; the scheduler looks for it. */
  settled: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const phaseTimesSchema = new Schema<PeriodPhaseTimes>(
  {
    phase: { type: String, enum: periodPhases, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, default: null },
  },
  { _id: false },
);

const periodSchema = new Schema<PeriodDocument>(
  {
    indexCode: { type: String, required: true },
    year: { type: Number, required: true, index: true },
    name: { type: String, required: true },
    criteriaSets: {
      type: [{ _id: false, unitGroup: String, criteriaSetId: String }],
      default: [],
    },
    units: {
      type: [{ _id: false, code: String, name: String, parentId: String, unitGroup: String }],
      default: [],
    },
    phases: { type: [phaseTimesSchema], default: [] },
    currentPhase: { type: String, enum: periodPhases, required: true, index: true },
    extensions: {
      type: [
        {
          _id: false,
          unitCode: String,
          phase: { type: String, enum: extendablePhases },
          endsAt: Date,
          reason: String,
          by: String,
          at: Date,
        },
      ],
      default: [],
    },
    transitions: {
      type: [{ _id: false, from: String, to: String, at: Date, by: String }],
      default: [],
    },
    tasks: { type: [{ _id: false, task: String, at: Date }], default: [] },
    outbox: outboxSchemaPath,
    settled: { type: Boolean, default: true, index: true },
    version: { type: Number, default: 0 },
  },
  { collection: 'periods', versionKey: false, timestamps: true },
);

export function periodModel(db: Connection): Model<PeriodDocument> {
  return (db.models.Period as Model<PeriodDocument>) ?? db.model('Period', periodSchema);
}
