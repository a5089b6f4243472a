/**
 * The check an uploaded file passes before it counts, one rule for every service that takes
 * files through upload slots (the evidence files, the consultations' attachments): the browser
 * put the bytes straight into object storage, so they are read back and judged here.
 */
import {
  detectKind,
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
import type { ObjectStorage } from './object-storage';

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

/** Deletes the refused upload (object and record) and gives the error to throw. */
export type RefuseUpload = (
  code: 'E_VALIDATION' | 'E_PAYLOAD_TOO_LARGE',
  key: MessageKey,
  params: Record<string, string | number>,
) => Promise<PortalError>;

/**
 * Refuses an upload older than half the sweep's age (the sweep may be removing it) or missing
 * (409, kept for the sweep), and — deleting it through `refuse` — one over `maxBytes`, of another
 * size than declared, or whose first bytes are not an accepted kind matching the claimed one.
 */
export async function checkUploadedObject(
  storage: ObjectStorage,
  upload: PendingUpload,
  rules: { maxBytes: number; kinds: readonly EvidenceKind[]; pendingMaxAgeMs: number },
  locale: Locale,
  refuse: RefuseUpload,
): Promise<CheckedUpload> {
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
