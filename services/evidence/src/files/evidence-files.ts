/**
 * Evidence files of a unit in a period: issuing upload slots, checking uploaded bytes before a
 * file counts, listing, downloading, (de)attaching criteria, deleting, and sweeping files never
 * confirmed. The unit of a write is always the caller's token unit; a file of another unit is
 * refused with 403 before anything is written.
 */
import { randomUUID } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { contentDisposition, dispositionOf } from '@par/contracts';
import type {
  AuthUser,
  CountEvidenceParams,
  DownloadUrl,
  EvidenceCounts,
  EvidenceCriteriaParams,
  EvidenceFile,
  EvidenceFileList,
  ListEvidenceParams,
  Locale,
  MessageKey,
  RequestUploadParams,
  UploadSlot,
} from '@par/contracts';
import {
  checkUploadedObject,
  checkUploadRequest,
  openUploadSlot,
  PortalError,
  sweepPendingUploads,
  type ObjectStorage,
} from '@par/service-kit';
import type { z } from 'zod';
import type { EvidenceSettings } from '../evidence-settings';
import { evidenceFileModel, type EvidenceFileDocument } from '../models/evidence-file.model';
import { evidenceSetModel } from '../models/evidence-set.model';
import { listingUnit, readAccess, writeAccess, type AccessVerdict } from './file-access';
import {
  clarificationRefusal,
  criteriaOutside,
  windowRefusal,
  type AskClarification,
  type AskWriteWindow,
} from './write-window';
import { storageKey } from './file-rules';

export interface EvidenceDeps {
  db: Connection;
  storage: ObjectStorage;
  settings: EvidenceSettings;
  /** The unit's write window in a period, from the assessment service. */
  askWindow: AskWriteWindow;
}

function toContract(doc: EvidenceFileDocument): EvidenceFile {
  return {
    id: doc._id.toHexString(),
    periodId: doc.periodId.toHexString(),
    unitCode: doc.unitCode,
    name: doc.name,
    size: doc.size ?? doc.declaredSize,
    contentType: doc.contentType ?? doc.declaredContentType,
    kind: doc.kind,
    sha256: doc.sha256,
    criterionCodes: doc.criterionCodes,
    status: doc.status,
    uploadedBy: doc.uploadedBy,
    createdAt: doc.createdAt.toISOString(),
    attachedAt: doc.attachedAt?.toISOString() ?? null,
    addedInClarification: doc.addedInClarification === true,
  };
}

const refusalKeys: Record<Exclude<AccessVerdict, 'allowed'>, MessageKey> = {
  forbidden: 'error.forbidden',
  noUnit: 'evidence.unit.none',
  otherUnit: 'evidence.file.otherUnit',
};

function assertAccess(verdict: AccessVerdict): void {
  if (verdict !== 'allowed') throw new PortalError('E_FORBIDDEN', { key: refusalKeys[verdict] });
}

async function findFile(deps: EvidenceDeps, id: string): Promise<EvidenceFileDocument> {
  const doc = await evidenceFileModel(deps.db).findById(id).lean<EvidenceFileDocument>();
  if (!doc) throw new PortalError('E_NOT_FOUND', { key: 'evidence.file.notFound' });
  return doc;
}

/**
 * The file, once the caller may write to its unit and the unit may write now: its set is not
 * frozen and its write window is open (with `criterionCodes` among its leaves), or, in the
 * clarification phase, the file was added in clarification and the codes are questioned.
 */
async function fileToWrite(
  deps: EvidenceDeps,
  id: string,
  user: AuthUser,
  clarify: AskClarification | undefined,
  criterionCodes: readonly string[] = [],
): Promise<EvidenceFileDocument> {
  const doc = await findFile(deps, id);
  assertAccess(writeAccess(user, doc.unitCode));
  await assertWritable(deps, doc.periodId, doc.unitCode, criterionCodes, clarify, doc);
  return doc;
}

/**
 * Whether the unit may write now, checked before anything is written. First the self-assessment:
 * the set not frozen by its submission, and the assessment service's window open (deadline,
 * extension, submission, phase), the codes among the unit's leaves. A write that closes to
 * (except before the self-assessment opens) may still be one of clarification: the appraisal
 * service's clarification window open and every code questioned; a file already stored must be
 * one added in clarification. Returns whether the write is one of clarification.
 */
async function assertWritable(
  deps: EvidenceDeps,
  periodId: Types.ObjectId,
  unitCode: string,
  criterionCodes: readonly string[],
  clarify: AskClarification | undefined,
  file?: EvidenceFileDocument,
): Promise<boolean> {
  let refusal: PortalError | null;
  if (await isFrozen(deps, periodId, unitCode))
    refusal = new PortalError('E_CONFLICT', { key: 'evidence.set.frozen' });
  else {
    const window = await deps.askWindow(periodId.toHexString(), unitCode);
    refusal = windowRefusal(window, unitCode);
    if (!refusal) {
      assertLeaves(criterionCodes, window.leafCodes);
      return false;
    }
    if (window.readOnly === 'notOpen') throw refusal;
  }
  // The appraisal service unreached (or not knowing the period) leaves the refusal standing.
  const questions = clarify ? await clarify(periodId.toHexString()) : null;
  if (!questions) throw refusal;
  const verdict = clarificationRefusal(questions, unitCode, criterionCodes, file ?? null);
  if (verdict === 'closed') throw refusal;
  if (verdict) throw verdict;
  return true;
}

/** Refuses criterion codes that are not leaves the unit fills. */
function assertLeaves(criterionCodes: readonly string[], leafCodes: readonly string[]): void {
  const outside = criteriaOutside(criterionCodes, leafCodes);
  if (outside.length)
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.criteria.notLeaf',
      params: { codes: outside.join(', ') },
      fields: [{ field: 'criterionCodes', key: 'evidence.criteria.notLeaf' }],
    });
}

async function isFrozen(deps: EvidenceDeps, periodId: Types.ObjectId, unitCode: string) {
  const set = await evidenceSetModel(deps.db).findOne({ periodId, unitCode }, { frozen: 1 }).lean();
  return set?.frozen === true;
}

export async function requestUpload(
  deps: EvidenceDeps,
  params: z.output<typeof RequestUploadParams>,
  user: AuthUser,
  clarify?: AskClarification,
): Promise<UploadSlot> {
  const unitCode = user.unit ?? '';
  assertAccess(writeAccess(user, unitCode));
  const periodId = new Types.ObjectId(params.periodId);
  const { name, claimed } = checkUploadRequest(params, deps.settings);
  const inClarification = await assertWritable(
    deps,
    periodId,
    unitCode,
    params.criterionCodes,
    clarify,
  );
  const slot = await openUploadSlot(
    evidenceFileModel(deps.db),
    deps.storage,
    {
      storageKey: storageKey(params.periodId, unitCode, randomUUID()),
      name,
      size: params.size,
      contentType: params.contentType,
      claimed,
      uploadedBy: user.id,
    },
    {
      periodId,
      unitCode,
      criterionCodes: params.criterionCodes,
      addedInClarification: inClarification,
    },
    deps.settings.uploadTtlSeconds,
  );
  return { file: toContract(slot.record), upload: slot.upload };
}

export async function confirmUpload(
  deps: EvidenceDeps,
  id: string,
  user: AuthUser,
  locale: Locale,
  clarify?: AskClarification,
): Promise<EvidenceFile> {
  const doc = await fileToWrite(deps, id, user, clarify);
  if (doc.status === 'attached') return toContract(doc);
  const model = evidenceFileModel(deps.db);
  const checked = await checkUploadedObject(deps.storage, model, doc, deps.settings, locale);

  const attached = await model
    .findOneAndUpdate(
      { _id: doc._id, status: 'pending' },
      {
        $set: { status: 'attached', ...checked, attachedAt: new Date() },
      },
      { returnDocument: 'after' },
    )
    .lean<EvidenceFileDocument>();
  // A second confirmation that lost the race returns what the first one stored.
  return toContract(attached ?? (await findFile(deps, id)));
}

/**
 * The leaves of a unit the calling appraiser's assignments cover, asked of the appraisal service
 * with the appraiser's own token (issue 11): appraisers see evidence only of those entries.
 */
export type AssignedLeaves = (periodId: string, unitCode: string) => Promise<string[]>;

const isAppraiserOnly = (user: AuthUser) =>
  user.roles.includes('appraisal') &&
  !user.roles.includes('admin') &&
  !user.roles.includes('data-entry');

/** An appraiser's listing: one unit they appraise, only files serving their entries. */
async function appraiserListing(
  deps: EvidenceDeps,
  params: z.output<typeof ListEvidenceParams>,
  assigned: AssignedLeaves | undefined,
): Promise<EvidenceFileList> {
  if (!params.unitCode || !assigned) throw new PortalError('E_FORBIDDEN');
  const leaves = await assigned(params.periodId, params.unitCode);
  if (leaves.length === 0) throw new PortalError('E_NOT_FOUND', { key: 'evidence.file.notFound' });
  const docs = await evidenceFileModel(deps.db)
    .find({
      periodId: new Types.ObjectId(params.periodId),
      unitCode: params.unitCode,
      status: 'attached' as const,
      criterionCodes: { $in: leaves },
    })
    .sort({ createdAt: 1, _id: 1 })
    .lean<EvidenceFileDocument[]>();
  return {
    items: docs.map((doc) => {
      const file = toContract(doc);
      return { ...file, criterionCodes: file.criterionCodes.filter((c) => leaves.includes(c)) };
    }),
    frozen: true,
  };
}

export async function listFiles(
  deps: EvidenceDeps,
  params: z.output<typeof ListEvidenceParams>,
  user: AuthUser,
  assigned?: AssignedLeaves,
): Promise<EvidenceFileList> {
  if (isAppraiserOnly(user)) return appraiserListing(deps, params, assigned);
  const listing = listingUnit(user, params.unitCode);
  if ('refused' in listing) {
    assertAccess(listing.refused);
    throw new PortalError('E_FORBIDDEN');
  }
  const periodId = new Types.ObjectId(params.periodId);
  const filter = {
    periodId,
    status: 'attached' as const,
    ...(listing.unitCode !== null ? { unitCode: listing.unitCode } : {}),
  };
  const docs = await evidenceFileModel(deps.db)
    .find(filter)
    .sort({ createdAt: 1, _id: 1 })
    .lean<EvidenceFileDocument[]>();
  const frozen = listing.unitCode !== null && (await isFrozen(deps, periodId, listing.unitCode));
  return { items: docs.map(toContract), frozen };
}

/**
 * Attached files per unit and criterion of a period, a file counted once for each criterion it
 * serves; pending files do not count. Sorted by unit, then criterion code.
 */
export async function countFiles(
  deps: EvidenceDeps,
  params: z.output<typeof CountEvidenceParams>,
): Promise<EvidenceCounts> {
  const filter = {
    periodId: new Types.ObjectId(params.periodId),
    status: 'attached' as const,
    ...(params.unitCode !== undefined ? { unitCode: params.unitCode } : {}),
  };
  // Counted here rather than by an aggregation: FerretDB v1 runs `$unwind`/`$group` in memory
  // anyway, and only two small fields of each file travel.
  const docs = await evidenceFileModel(deps.db)
    .find(filter, { _id: 0, unitCode: 1, criterionCodes: 1 })
    .lean<Array<Pick<EvidenceFileDocument, 'unitCode' | 'criterionCodes'>>>();
  const counts = new Map<string, { unitCode: string; criterionCode: string; count: number }>();
  for (const { unitCode, criterionCodes } of docs)
    for (const criterionCode of new Set(criterionCodes)) {
      const key = `${unitCode}\u0000${criterionCode}`;
      const item = counts.get(key) ?? { unitCode, criterionCode, count: 0 };
      item.count += 1;
      counts.set(key, item);
    }
  const items = [...counts.values()].sort(
    (a, b) =>
      a.unitCode.localeCompare(b.unitCode) ||
      a.criterionCode.localeCompare(b.criterionCode, 'en', { numeric: true }),
  );
  return { items };
}

export async function getDownloadUrl(
  deps: EvidenceDeps,
  id: string,
  user: AuthUser,
  assigned?: AssignedLeaves,
): Promise<DownloadUrl> {
  const doc = await findFile(deps, id);
  if (isAppraiserOnly(user)) {
    // An appraiser sees a file only if it serves an entry their assignments cover (404 else,
    // as for any id that is not theirs to know).
    const leaves = assigned ? await assigned(doc.periodId.toHexString(), doc.unitCode) : [];
    if (!doc.criterionCodes.some((code) => leaves.includes(code)))
      throw new PortalError('E_NOT_FOUND', { key: 'evidence.file.notFound' });
  } else assertAccess(readAccess(user, doc.unitCode));
  if (doc.status !== 'attached' || !doc.kind || !doc.contentType)
    throw new PortalError('E_CONFLICT', {
      key: 'evidence.file.pending',
      params: { name: doc.name },
    });
  const ttl = deps.settings.downloadTtlSeconds;
  const disposition = dispositionOf(doc.kind);
  const url = await deps.storage.presignDownload(doc.storageKey, doc.versionId, ttl, {
    contentType: doc.contentType,
    contentDisposition: contentDisposition(disposition, doc.name),
  });
  return { url, disposition, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
}

export async function attach(
  deps: EvidenceDeps,
  params: z.output<typeof EvidenceCriteriaParams>,
  user: AuthUser,
  clarify?: AskClarification,
): Promise<EvidenceFile> {
  const doc = await fileToWrite(deps, params.id, user, clarify, params.criterionCodes);
  if (doc.status !== 'attached')
    throw new PortalError('E_CONFLICT', {
      key: 'evidence.file.pending',
      params: { name: doc.name },
    });
  const updated = await evidenceFileModel(deps.db)
    .findOneAndUpdate(
      { _id: doc._id },
      { $addToSet: { criterionCodes: { $each: params.criterionCodes } } },
      { returnDocument: 'after' },
    )
    .lean<EvidenceFileDocument>();
  if (!updated) throw new PortalError('E_NOT_FOUND', { key: 'evidence.file.notFound' });
  return toContract(updated);
}

export async function detach(
  deps: EvidenceDeps,
  params: z.output<typeof EvidenceCriteriaParams>,
  user: AuthUser,
  clarify?: AskClarification,
): Promise<EvidenceFile> {
  const doc = await fileToWrite(deps, params.id, user, clarify);
  const remaining = doc.criterionCodes.filter((code) => !params.criterionCodes.includes(code));
  if (remaining.length === 0)
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.criteria.last',
      params: { name: doc.name },
      fields: [{ field: 'criterionCodes', key: 'evidence.criteria.last' }],
    });
  // Conditional on the codes read, so a concurrent change cannot leave the file with none.
  const updated = await evidenceFileModel(deps.db)
    .findOneAndUpdate(
      { _id: doc._id, criterionCodes: doc.criterionCodes },
      { $set: { criterionCodes: remaining } },
      { returnDocument: 'after' },
    )
    .lean<EvidenceFileDocument>();
  if (!updated) throw new PortalError('E_CONFLICT');
  return toContract(updated);
}

export async function deleteFile(
  deps: EvidenceDeps,
  id: string,
  user: AuthUser,
  clarify?: AskClarification,
): Promise<{ id: string; deleted: true }> {
  const doc = await fileToWrite(deps, id, user, clarify);
  await deps.storage.purge(doc.storageKey);
  await evidenceFileModel(deps.db).deleteOne({ _id: doc._id });
  return { id, deleted: true };
}

/** Removes files never confirmed that are older than `olderThan`; returns how many went. */
export function sweepPending(deps: EvidenceDeps, olderThan: Date): Promise<number> {
  return sweepPendingUploads(evidenceFileModel(deps.db), deps.storage, olderThan);
}
