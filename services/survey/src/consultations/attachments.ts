/**
 * Attachments of a consultation (the draft as PDF, DOCX, XLSX or ODT), stored in MinIO with the
 * evidence files' pieces (`objectStorage` of `@par/service-kit`, the file kinds and rules of
 * `@par/contracts`): an upload slot (presigned POST) while the consultation is open, then the
 * bytes read back and checked by their first bytes before the file counts; a refused file is
 * deleted, object and record. Only the admin or the unit's officers write; citizens download
 * attached files through short-lived presigned URLs.
 */
import { randomUUID } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import {
  acceptsComments,
  CONSULTATION_ATTACHMENT_MAX_BYTES,
  CONSULTATION_ATTACHMENT_MAX_COUNT,
  consultationAttachmentKinds,
  contentDisposition,
  formatVietnamDateTime,
  type AttachmentDownload,
  type AttachmentUploadSlot,
  type AuthUser,
  type ConsultationAttachment,
  type ConsultationAttachmentList,
  type Locale,
} from '@par/contracts';
import {
  checkUploadedObject,
  checkUploadRequest,
  openUploadSlot,
  PortalError,
  sweepPendingUploads,
  type ObjectStorage,
  type UploadRules,
} from '@par/service-kit';
import {
  consultationAttachmentModel,
  type ConsultationAttachmentDocument,
} from '../models/consultation-attachment.model';
import type { ConsultationDocument } from '../models/consultation.model';
import { assertManages, find } from './consultations';

export interface AttachmentDeps {
  db: Connection;
  storage: ObjectStorage;
  /** Seconds an upload slot and a download URL are valid. */
  uploadTtlSeconds: number;
  downloadTtlSeconds: number;
  /** An upload never confirmed is swept (object and record) after this long. */
  pendingMaxAgeMs: number;
  now?: () => Date;
}

const rules: UploadRules = {
  maxBytes: CONSULTATION_ATTACHMENT_MAX_BYTES,
  kinds: consultationAttachmentKinds,
};
const nowOf = (deps: AttachmentDeps) => deps.now?.() ?? new Date();
const notFound = () => new PortalError('E_NOT_FOUND', { key: 'survey.attachment.notFound' });

/** The object key: made by the service from ids only, never from the uploader's file name. */
export const attachmentKey = (consultationId: string, randomId: string): string =>
  `consultations/${consultationId}/${randomId}`;

function toContract(doc: ConsultationAttachmentDocument): ConsultationAttachment {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    size: doc.size ?? doc.declaredSize,
    contentType: doc.contentType ?? doc.declaredContentType,
    kind: doc.kind as ConsultationAttachment['kind'],
    status: doc.status,
    uploadedBy: doc.uploadedBy,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** The consultation, once the caller manages its unit and it is still open. */
async function consultationToWrite(
  deps: AttachmentDeps,
  id: string,
  user: AuthUser,
): Promise<ConsultationDocument> {
  const doc = await find(deps.db, id);
  assertManages(user, doc.unitCode);
  if (!acceptsComments(doc.closesAt, nowOf(deps)))
    throw new PortalError('E_DEADLINE_PASSED', {
      key: 'survey.attachment.closed',
      params: { closesAt: formatVietnamDateTime(doc.closesAt) },
    });
  return doc;
}

async function findAttachment(
  deps: AttachmentDeps,
  consultationId: Types.ObjectId,
  attachmentId: string,
): Promise<ConsultationAttachmentDocument> {
  const doc = await consultationAttachmentModel(deps.db)
    .findOne({ _id: new Types.ObjectId(attachmentId), consultationId })
    .lean<ConsultationAttachmentDocument>();
  if (!doc) throw notFound();
  return doc;
}

export async function listAttachments(
  deps: AttachmentDeps,
  id: string,
  user: AuthUser,
): Promise<ConsultationAttachmentList> {
  const consultation = await find(deps.db, id);
  assertManages(user, consultation.unitCode);
  const docs = await consultationAttachmentModel(deps.db)
    .find({ consultationId: consultation._id, status: 'attached' })
    .sort({ createdAt: 1, _id: 1 })
    .lean<ConsultationAttachmentDocument[]>();
  return {
    items: docs.map(toContract),
    editable: acceptsComments(consultation.closesAt, nowOf(deps)),
  };
}

export async function requestUpload(
  deps: AttachmentDeps,
  params: { id: string; name: string; size: number; contentType: string },
  user: AuthUser,
): Promise<AttachmentUploadSlot> {
  const consultation = await consultationToWrite(deps, params.id, user);
  const { name, claimed } = checkUploadRequest(params, rules);
  const model = consultationAttachmentModel(deps.db);
  const count = await model.countDocuments({ consultationId: consultation._id });
  if (count >= CONSULTATION_ATTACHMENT_MAX_COUNT)
    throw new PortalError('E_CONFLICT', {
      key: 'survey.attachment.tooMany',
      params: { max: CONSULTATION_ATTACHMENT_MAX_COUNT },
    });
  const slot = await openUploadSlot(
    model,
    deps.storage,
    {
      storageKey: attachmentKey(params.id, randomUUID()),
      name,
      size: params.size,
      contentType: params.contentType,
      claimed,
      uploadedBy: user.id,
    },
    { consultationId: consultation._id, unitCode: consultation.unitCode },
    deps.uploadTtlSeconds,
  );
  return { attachment: toContract(slot.record), upload: slot.upload };
}

export async function confirmUpload(
  deps: AttachmentDeps,
  params: { id: string; attachmentId: string },
  user: AuthUser,
  locale: Locale,
): Promise<ConsultationAttachment> {
  const consultation = await consultationToWrite(deps, params.id, user);
  const doc = await findAttachment(deps, consultation._id, params.attachmentId);
  if (doc.status === 'attached') return toContract(doc);
  const model = consultationAttachmentModel(deps.db);
  const checked = await checkUploadedObject(
    deps.storage,
    model,
    doc,
    {
      ...rules,
      pendingMaxAgeMs: deps.pendingMaxAgeMs,
    },
    locale,
  );
  const attached = await model
    .findOneAndUpdate(
      { _id: doc._id, status: 'pending' },
      {
        $set: { status: 'attached', ...checked, attachedAt: new Date() },
      },
      { returnDocument: 'after' },
    )
    .lean<ConsultationAttachmentDocument>();
  // A second confirmation that lost the race returns what the first one stored.
  return toContract(
    attached ?? (await findAttachment(deps, consultation._id, doc._id.toHexString())),
  );
}

export async function removeAttachment(
  deps: AttachmentDeps,
  params: { id: string; attachmentId: string },
  user: AuthUser,
): Promise<{ id: string; deleted: true }> {
  const consultation = await consultationToWrite(deps, params.id, user);
  const doc = await findAttachment(deps, consultation._id, params.attachmentId);
  // Object first: a node that dies between the two leaves a record whose removal is retried.
  await deps.storage.purge(doc.storageKey);
  await consultationAttachmentModel(deps.db).deleteOne({ _id: doc._id });
  return { id: params.attachmentId, deleted: true };
}

/** A citizen's download: an attached file of the consultation, as a short-lived presigned GET. */
export async function publicDownload(
  deps: AttachmentDeps,
  params: { id: string; attachmentId: string },
): Promise<AttachmentDownload> {
  const consultation = await find(deps.db, params.id);
  const doc = await findAttachment(deps, consultation._id, params.attachmentId);
  if (doc.status !== 'attached' || !doc.contentType) throw notFound();
  const ttl = deps.downloadTtlSeconds;
  const url = await deps.storage.presignDownload(doc.storageKey, doc.versionId, ttl, {
    contentType: doc.contentType,
    contentDisposition: contentDisposition('attachment', doc.name),
  });
  return { url, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
}

/** Removes uploads never confirmed, older than the settings' age; returns how many went. */
export function sweepPending(deps: AttachmentDeps): Promise<number> {
  const olderThan = new Date(Date.now() - deps.pendingMaxAgeMs);
  return sweepPendingUploads(consultationAttachmentModel(deps.db), deps.storage, olderThan);
}
