/**
 * The evidence service's settings, read once from the environment:
 *
 * | variable | default | what |
 * | --- | --- | --- |
 * | `PAR_MINIO_ENDPOINT` | `http://127.0.0.1:9000` | MinIO's S3 API as the service reaches it |
 * | `PAR_MINIO_PUBLIC_ENDPOINT` | `PAR_MINIO_ENDPOINT` | MinIO as browsers reach it; presigned URLs name this host |
 * | `PAR_MINIO_BUCKET` | `evidence` | the bucket (made by the stack or ops; versioning is switched on at start) |
 * | `PAR_MINIO_ACCESS_KEY`, `PAR_MINIO_SECRET_KEY` | — | credentials |
 * | `PAR_MINIO_REGION` | `us-east-1` | signing region (given, so presigning never asks MinIO) |
 * | `PAR_EVIDENCE_MAX_BYTES` | 20 MiB | largest file accepted |
 * | `PAR_EVIDENCE_KINDS` | every kind | accepted kinds, comma-separated (`pdf,docx,xlsx,pptx,msOffice,png,jpeg,zip`) |
 * | `PAR_EVIDENCE_UPLOAD_TTL_S` | 600 | how long an upload slot is valid |
 * | `PAR_EVIDENCE_DOWNLOAD_TTL_S` | 300 | how long a download URL is valid |
 * | `PAR_EVIDENCE_PENDING_MAX_AGE_S` | 86,400 | a file never confirmed is swept after this |
 * | `PAR_EVIDENCE_SWEEP_INTERVAL_S` | 3,600 | how often the sweep runs |
 */
import { evidenceKindNames, type EvidenceKind } from '@par/contracts';

export interface StorageSettings {
  endpoint: URL;
  publicEndpoint: URL;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

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
  const endpoint = new URL(env.PAR_MINIO_ENDPOINT || 'http://127.0.0.1:9000');
  return {
    storage: {
      endpoint,
      publicEndpoint: new URL(env.PAR_MINIO_PUBLIC_ENDPOINT || endpoint.href),
      bucket: env.PAR_MINIO_BUCKET || 'evidence',
      accessKey: env.PAR_MINIO_ACCESS_KEY ?? '',
      secretKey: env.PAR_MINIO_SECRET_KEY ?? '',
      region: env.PAR_MINIO_REGION || 'us-east-1',
    },
    maxBytes: positive(env, 'PAR_EVIDENCE_MAX_BYTES', 20 * 1024 * 1024),
    kinds: kindsOf(env.PAR_EVIDENCE_KINDS),
    uploadTtlSeconds: positive(env, 'PAR_EVIDENCE_UPLOAD_TTL_S', 600),
    downloadTtlSeconds: positive(env, 'PAR_EVIDENCE_DOWNLOAD_TTL_S', 300),
    pendingMaxAgeMs: positive(env, 'PAR_EVIDENCE_PENDING_MAX_AGE_S', 86_400) * 1000,
    sweepIntervalMs: positive(env, 'PAR_EVIDENCE_SWEEP_INTERVAL_S', 3_600) * 1000,
  };
}
