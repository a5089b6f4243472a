/**
 * What the assessment service's durable events do to evidence: a submission freezes the unit's
 * set for the period, a withdrawal thaws it, and the end of a trial wipes the files (objects and
 * records) made during the trial. Each is idempotent; the consumer's inbox drops repeats.
 */
import { Types } from 'mongoose';
import type {
  PeriodPhaseChanged,
  SelfAssessmentSubmitted,
  SelfAssessmentWithdrawn,
} from '@par/contracts';
import { evidenceFileModel, type EvidenceFileDocument } from '../models/evidence-file.model';
import { evidenceSetModel } from '../models/evidence-set.model';
import type { EvidenceDeps } from './evidence-files';

/**
 * Sets `frozen` as the event says, unless a later state of the submission (a higher version)
 * was applied already: a withdrawal and a resubmission delivered out of order end as the last one.
 */
async function applySubmissionState(
  deps: EvidenceDeps,
  event: { periodId: string; unitCode: string; version: number; at: string },
  frozen: boolean,
): Promise<void> {
  const periodId = new Types.ObjectId(event.periodId);
  try {
    await evidenceSetModel(deps.db).updateOne(
      {
        periodId,
        unitCode: event.unitCode,
        $or: [{ stateVersion: { $lt: event.version } }, { stateVersion: { $exists: false } }],
      },
      {
        $set: {
          frozen,
          frozenAt: frozen ? new Date(event.at) : null,
          stateVersion: event.version,
        },
      },
      { upsert: true },
    );
  } catch (err) {
    // The set exists at this version or a later one: the insert of the upsert collides.
    if ((err as { code?: number }).code !== 11000) throw err;
  }
}

export function freezeSet(deps: EvidenceDeps, event: SelfAssessmentSubmitted): Promise<void> {
  return applySubmissionState(deps, event, true);
}

export function thawSet(deps: EvidenceDeps, event: SelfAssessmentWithdrawn): Promise<void> {
  return applySubmissionState(deps, event, false);
}

/**
 * When a period leaves its trial, removes what the trial made: every file created before the
 * move (object first, so a crash leaves a record the redelivery finds) and the sets frozen by
 * trial submissions. Files of the real phase stay. Returns how many files went.
 */
export async function wipeTrial(deps: EvidenceDeps, event: PeriodPhaseChanged): Promise<number> {
  if (event.from !== 'trial') return 0;
  const periodId = new Types.ObjectId(event.periodId);
  const before = new Date(event.at);
  const files = evidenceFileModel(deps.db);
  let removed = 0;
  for (;;) {
    const batch = await files
      .find({ periodId, createdAt: { $lt: before } }, { storageKey: 1 })
      .limit(500)
      .lean<Array<Pick<EvidenceFileDocument, '_id' | 'storageKey'>>>();
    if (!batch.length) break;
    for (const doc of batch) {
      await deps.storage.purge(doc.storageKey);
      removed += (await files.deleteOne({ _id: doc._id })).deletedCount;
    }
  }
  await evidenceSetModel(deps.db).deleteMany({ periodId, createdAt: { $lt: before } });
  return removed;
}
