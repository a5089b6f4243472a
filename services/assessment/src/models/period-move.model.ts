/**
 * Claims on phase moves: before a node moves a period from version `fromVersion`, it inserts a
 * claim here. The unique index makes the insert the one atomic step on every database we run
 * on: FerretDB v1 (SQLite) applies a conditional update on `version` from several connections
 * at once without excluding the others, a unique index it does enforce. The claims also form
 * the log of every move.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { periodPhases, type PeriodPhase } from '@par/contracts';

export interface PeriodMove {
  periodId: Types.ObjectId;
  fromVersion: number;
  /** 0 for the first claim; a claim left by a node that died is taken over with the next. */
  attempt: number;
  from: PeriodPhase;
  to: PeriodPhase;
  at: Date;
  by: string;
  eventId: string;
}

const periodMoveSchema = new Schema<PeriodMove>(
  {
    periodId: { type: Schema.Types.ObjectId, required: true },
    fromVersion: { type: Number, required: true },
    attempt: { type: Number, required: true },
    from: { type: String, enum: periodPhases, required: true },
    to: { type: String, enum: periodPhases, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    eventId: { type: String, required: true },
  },
  { collection: 'periodMoves', versionKey: false },
);
periodMoveSchema.index({ periodId: 1, fromVersion: 1, attempt: 1 }, { unique: true });

export function periodMoveModel(db: Connection): Model<PeriodMove> {
  return (db.models.PeriodMove as Model<PeriodMove>) ?? db.model('PeriodMove', periodMoveSchema);
}
