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
  checkSize,
  claimedKind,
  CONSULTATION_ATTACHMENT_MAX_BYTES,
  CONSULTATION_ATTACHMENT_MAX_COUNT,
  consultationAttachmentKinds,
  contentDisposition,
  displayName,
  formatBytes,
  formatVietnamDateTime,
  kindLabels,
  mimeTypeOf,
  type AttachmentDownload,
  type AttachmentUploadSlot,
  type AuthUser,
  type ConsultationAttachment,
  type ConsultationAttachmentList,
  type EvidenceKind,
  type Locale,
  type MessageKey,
} from '@par/contracts';
import {
  checkUploadedObject,
  PortalError,
  sweepPendingUploads,
  type ObjectStorage,
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

const kinds: readonly EvidenceKind[] = consultationAttachmentKinds;
const MAX_BYTES = CONSULTATION_ATTACHMENT_MAX_BYTES;
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
  const name = displayName(params.name);
  if (!name)
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.file.name',
      fields: [{ field: 'name', key: 'evidence.file.name' }],
    });
  const size = checkSize(params.size, MAX_BYTES);
  if (size === 'empty')
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.file.empty',
      params: { name },
      fields: [{ field: 'size', key: 'evidence.file.empty' }],
    });
  if (size === 'tooLarge')
    throw new PortalError('E_PAYLOAD_TOO_LARGE', {
      key: 'evidence.file.tooLarge',
      params: { name, size: formatBytes(params.size), limit: formatBytes(MAX_BYTES) },
      fields: [{ field: 'size', key: 'evidence.file.tooLarge' }],
    });
  const claimed = claimedKind(name, params.contentType);
  if (claimed === null || !kinds.includes(claimed))
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.type.notAllowed',
      params: { name, types: kindLabels(kinds) },
      fields: [{ field: 'contentType', key: 'evidence.type.notAllowed' }],
    });
  const model = consultationAttachmentModel(deps.db);
  const count = await model.countDocuments({ consultationId: consultation._id });
  if (count >= CONSULTATION_ATTACHMENT_MAX_COUNT)
    throw new PortalError('E_CONFLICT', {
      key: 'survey.attachment.tooMany',
      params: { max: CONSULTATION_ATTACHMENT_MAX_COUNT },
    });

  // The policy binds the declared type; a browser that sent none uploads as the claimed kind.
  const contentType = params.contentType || mimeTypeOf(claimed);
  const key = attachmentKey(params.id, randomUUID());
  const expires = new Date(Date.now() + deps.uploadTtlSeconds * 1000);
  const doc = await model.create({
    consultationId: consultation._id,
    unitCode: consultation.unitCode,
    name,
    storageKey: key,
    declaredSize: params.size,
    declaredContentType: contentType,
    claimedKind: claimed,
    status: 'pending',
    uploadedBy: user.id,
  });
  const policy = await deps.storage.presignUpload(key, params.size, contentType, expires);
  return {
    attachment: toContract(doc.toObject()),
    upload: { method: 'POST', ...policy, expiresAt: expires.toISOString() },
  };
}

/** Removes a refused upload (object and record) and returns the error telling the user why. */
async function refuseUpload(
  deps: AttachmentDeps,
  doc: ConsultationAttachmentDocument,
  code: 'E_VALIDATION' | 'E_PAYLOAD_TOO_LARGE',
  key: MessageKey,
  params: Record<string, string | number>,
): Promise<PortalError> {
  await deps.storage.purge(doc.storageKey);
  await consultationAttachmentModel(deps.db).deleteOne({ _id: doc._id, status: 'pending' });
  return new PortalError(code, { key, params, fields: [{ field: 'file', key }] });
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
  const checked = await checkUploadedObject(
    deps.storage,
    doc,
    { maxBytes: MAX_BYTES, kinds, pendingMaxAgeMs: deps.pendingMaxAgeMs },
    locale,
    (code, key, refusal) => refuseUpload(deps, doc, code, key, refusal),
  );
  const attached = await consultationAttachmentModel(deps.db)
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
