/**
 * Uploads through slots, one rule for every service that takes files that way (the evidence
 * files, the consultations' attachments): what a slot is given for, the pending record and its
 * presigned POST, and the check the bytes pass before the file counts — the browser put them
 * straight into object storage, so they are read back and judged here; a refused upload leaves
 * neither object nor record.
 */
import type { HydratedDocument, Model } from 'mongoose';
import {
  checkSize,
  claimedKind,
  detectKind,
  displayName,
  evidenceKindNames,
  formatBytes,
  formatMessage,
  kindLabels,
  kindMatches,
  mimeTypeOf,
  type EvidenceKind,
  type Locale,
  type MessageKey,
} from '@par/contracts';
import { PortalError } from './errors';
import type { ObjectStorage, UploadRecord } from './object-storage';

/** What may be uploaded: the largest size and the kinds accepted. */
export interface UploadRules {
  maxBytes: number;
  kinds: readonly EvidenceKind[];
}

/**
 * The name, size and type of a file asked to upload, judged before any slot is given: its name
 * as displayed, and the kind its name and type claim (its bytes are judged at confirmation).
 */
export function checkUploadRequest(
  params: { name: string; size: number; contentType: string },
  rules: UploadRules,
): { name: string; claimed: EvidenceKind } {
  const { maxBytes, kinds } = rules;
  const name = displayName(params.name);
  if (!name)
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.file.name',
      fields: [{ field: 'name', key: 'evidence.file.name' }],
    });
  const size = checkSize(params.size, maxBytes);
  if (size === 'empty')
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.file.empty',
      params: { name },
      fields: [{ field: 'size', key: 'evidence.file.empty' }],
    });
  if (size === 'tooLarge')
    throw new PortalError('E_PAYLOAD_TOO_LARGE', {
      key: 'evidence.file.tooLarge',
      params: { name, size: formatBytes(params.size), limit: formatBytes(maxBytes) },
      fields: [{ field: 'size', key: 'evidence.file.tooLarge' }],
    });
  const claimed = claimedKind(name, params.contentType);
  if (claimed === null || !kinds.includes(claimed))
    throw new PortalError('E_VALIDATION', {
      key: 'evidence.type.notAllowed',
      params: { name, types: kindLabels(kinds) },
      fields: [{ field: 'contentType', key: 'evidence.type.notAllowed' }],
    });
  return { name, claimed };
}

/** An upload slot as the browser uses it: a presigned POST of the exact size and type. */
export interface UploadSlotPolicy {
  method: 'POST';
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/**
 * Records the upload as pending under `storageKey` (a key the service made, never from the
 * file's name), with what the owner adds (`owner`: its period and unit, its consultation…), and
 * gives the presigned POST that binds the declared size and type for `ttlSeconds`.
 */
export async function openUploadSlot<T extends UploadRecord>(
  model: Model<T>,
  storage: Pick<ObjectStorage, 'presignUpload'>,
  upload: {
    storageKey: string;
    name: string;
    size: number;
    contentType: string;
    claimed: EvidenceKind;
    uploadedBy: string;
  },
  owner: Record<string, unknown>,
  ttlSeconds: number,
): Promise<{ record: T; upload: UploadSlotPolicy }> {
  // The policy binds the declared type; a browser that sent none uploads as the claimed kind.
  const contentType = upload.contentType || mimeTypeOf(upload.claimed);
  const expires = new Date(Date.now() + ttlSeconds * 1000);
  const doc: HydratedDocument<T> = await model.create({
    ...owner,
    name: upload.name,
    storageKey: upload.storageKey,
    declaredSize: upload.size,
    declaredContentType: contentType,
    claimedKind: upload.claimed,
    status: 'pending',
    uploadedBy: upload.uploadedBy,
  } as unknown as T);
  const policy = await storage.presignUpload(upload.storageKey, upload.size, contentType, expires);
  return {
    record: doc.toObject() as T,
    upload: { method: 'POST', ...policy, expiresAt: expires.toISOString() },
  };
}

/** An upload as its record holds it before confirmation. */
export interface PendingUpload {
  name: string;
  storageKey: string;
  createdAt: Date;
  declaredSize: number;
  claimedKind: EvidenceKind;
}

/** What the confirmed upload stored, to be written on its record. */
export interface CheckedUpload {
  size: number;
  versionId: string | null;
  kind: EvidenceKind;
  contentType: string;
  sha256: string;
}

/** Removes a refused upload (object and record) and returns the error telling the user why. */
async function refuseUpload(
  model: Model<UploadRecord>,
  storage: Pick<ObjectStorage, 'purge'>,
  upload: Pick<UploadRecord, '_id' | 'storageKey'>,
  code: 'E_VALIDATION' | 'E_PAYLOAD_TOO_LARGE',
  key: MessageKey,
  params: Record<string, string | number>,
): Promise<PortalError> {
  await storage.purge(upload.storageKey);
  await model.deleteOne({ _id: upload._id, status: 'pending' });
  return new PortalError(code, { key, params, fields: [{ field: 'file', key }] });
}

/**
 * Refuses an upload older than half the sweep's age (the sweep may be removing it) or missing
 * (409, kept for the sweep), and — deleting its object and its record of `model` — one over
 * `maxBytes`, of another size than declared, or whose first bytes are not an accepted kind
 * matching the claimed one.
 */
export async function checkUploadedObject<T extends UploadRecord>(
  storage: ObjectStorage,
  model: Model<T>,
  upload: PendingUpload & Pick<UploadRecord, '_id'>,
  rules: UploadRules & { pendingMaxAgeMs: number },
  locale: Locale,
): Promise<CheckedUpload> {
  const refuse = (
    code: 'E_VALIDATION' | 'E_PAYLOAD_TOO_LARGE',
    key: MessageKey,
    params: Record<string, string | number>,
  ) => refuseUpload(model as unknown as Model<UploadRecord>, storage, upload, code, key, params);
  const { name } = upload;
  const { maxBytes, kinds } = rules;
  if (Date.now() - upload.createdAt.getTime() > rules.pendingMaxAgeMs / 2)
    throw new PortalError('E_CONFLICT', { key: 'evidence.upload.expired', params: { name } });
  const stored = await storage.stat(upload.storageKey);
  if (!stored)
    throw new PortalError('E_CONFLICT', { key: 'evidence.upload.missing', params: { name } });
  if (stored.size > maxBytes)
    throw await refuse('E_PAYLOAD_TOO_LARGE', 'evidence.file.tooLarge', {
      name,
      size: formatBytes(stored.size),
      limit: formatBytes(maxBytes),
    });
  if (stored.size !== upload.declaredSize)
    throw await refuse('E_VALIDATION', 'evidence.file.sizeMismatch', {
      name,
      actual: formatBytes(stored.size),
      declared: formatBytes(upload.declaredSize),
    });

  const { bytes, sha256 } = await storage.read(upload.storageKey, stored.versionId, maxBytes);
  // A body that changed size while being read (a replayed slot) is refused like a wrong type.
  const detected = bytes.length === stored.size ? detectKind(bytes) : null;
  if (detected === null || !kinds.includes(detected) || !kindMatches(upload.claimedKind, detected))
    throw await refuse('E_VALIDATION', 'evidence.type.mismatch', {
      name,
      claimed: kindLabels([upload.claimedKind]),
      detected: detected
        ? kindLabels([detected])
        : formatMessage('evidence.type.unknown', {}, locale),
      types: kindLabels(kinds),
    });
  return {
    size: stored.size,
    versionId: stored.versionId,
    kind: detected,
    contentType: mimeTypeOf(detected),
    sha256,
  };
}

/**
 * What every uploaded file's record holds, whatever it belongs to (a unit's evidence, a
 * consultation): the name the uploader gave (display only), the key the service chose (never
 * from the name), what was declared and claimed at the slot, and what the check of its bytes
 * found. Each model adds its owner, its status and its indexes.
 */
export interface UploadedFileFields extends PendingUpload {
  /** The version checked at confirmation; downloads serve exactly this one. */
  versionId: string | null;
  declaredContentType: string;
  size: number | null;
  kind: EvidenceKind | null;
  contentType: string | null;
  sha256: string | null;
  uploadedBy: string;
  attachedAt: Date | null;
}

/** `UploadedFileFields` as Mongoose schema paths, spread into each model's schema. */
export const uploadedFileSchemaPaths = {
  name: { type: String, required: true },
  storageKey: { type: String, required: true },
  versionId: { type: String, default: null },
  declaredSize: { type: Number, required: true },
  declaredContentType: { type: String, default: '' },
  claimedKind: { type: String, enum: evidenceKindNames, required: true },
  size: { type: Number, default: null },
  kind: { type: String, enum: evidenceKindNames, default: null },
  contentType: { type: String, default: null },
  sha256: { type: String, default: null },
  uploadedBy: { type: String, required: true },
  attachedAt: { type: Date, default: null },
};
