/**
 * The evidence service's settings, read once from the environment:
 *
 * | variable | default | what |
 * | --- | --- | --- |
 * | `PAR_MINIO_*` | | MinIO and the bucket: `storageSettings` of `@par/service-kit` |
 * | `PAR_EVIDENCE_MAX_BYTES` | 20 MiB | largest file accepted |
 * | `PAR_EVIDENCE_KINDS` | every kind | accepted kinds, comma-separated (`pdf,docx,xlsx,pptx,msOffice,png,jpeg,zip`) |
 * | `PAR_EVIDENCE_UPLOAD_TTL_S` | 600 | how long an upload slot is valid |
 * | `PAR_EVIDENCE_DOWNLOAD_TTL_S` | 300 | how long a download URL is valid |
 * | `PAR_EVIDENCE_PENDING_MAX_AGE_S` | 86,400 | a file never confirmed is swept after this |
 * | `PAR_EVIDENCE_SWEEP_INTERVAL_S` | 3,600 | how often the sweep runs |
 */
import { evidenceKindNames, type EvidenceKind } from '@par/contracts';
import { storageSettings, type StorageSettings } from '@par/service-kit';

export interface EvidenceSettings {
  storage: StorageSettings;
  maxBytes: number;
  kinds: EvidenceKind[];
  uploadTtlSeconds: number;
  downloadTtlSeconds: number;
  pendingMaxAgeMs: number;
  sweepIntervalMs: number;
}

type Env = Record<string, string | undefined>;

function positive(env: Env, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not "${text}"`);
  return value;
}

function kindsOf(text: string | undefined): EvidenceKind[] {
  if (!text) return [...evidenceKindNames];
  const kinds = text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = kinds.filter((k) => !(evidenceKindNames as string[]).includes(k));
  if (unknown.length || !kinds.length)
    throw new Error(
      `PAR_EVIDENCE_KINDS: unknown kind(s) ${unknown.join(', ')}; known: ${evidenceKindNames.join(', ')}`,
    );
  return kinds as EvidenceKind[];
}

export function evidenceSettings(env: Env = process.env): EvidenceSettings {
  return {
    storage: storageSettings(env),
    maxBytes: positive(env, 'PAR_EVIDENCE_MAX_BYTES', 20 * 1024 * 1024),
    kinds: kindsOf(env.PAR_EVIDENCE_KINDS),
    uploadTtlSeconds: positive(env, 'PAR_EVIDENCE_UPLOAD_TTL_S', 600),
    downloadTtlSeconds: positive(env, 'PAR_EVIDENCE_DOWNLOAD_TTL_S', 300),
    pendingMaxAgeMs: positive(env, 'PAR_EVIDENCE_PENDING_MAX_AGE_S', 86_400) * 1000,
    sweepIntervalMs: positive(env, 'PAR_EVIDENCE_SWEEP_INTERVAL_S', 3_600) * 1000,
  };
}
