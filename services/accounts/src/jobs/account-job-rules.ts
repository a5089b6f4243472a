/** The pure rules of account jobs: the request's fingerprint, the settings, the progress counts. */
import { createHash } from 'node:crypto';
import type { AccountJobItemState } from '../models/account-job.model';

/** The longest temporary passwords are kept unfetched (issue 15: an hour at most). */
export const maxPasswordTtlSeconds = 3600;

export interface AccountJobSettings {
  /** Seconds from the job's start after which unfetched passwords are deleted (≤ 1 hour). */
  passwordTtlSeconds: number;
  /** Units processed at once against Keycloak. */
  concurrency: number;
  /** How long a node keeps a job without renewing its lease; another node then resumes it. */
  leaseMs: number;
  /** How often a node looks for jobs to resume and passwords to purge. */
  sweepMs: number;
}

/**
 * From the environment: `PAR_ACCOUNT_JOB_PASSWORD_TTL_SECONDS` (default and maximum 3600),
 * `PAR_ACCOUNT_JOB_CONCURRENCY` (default 4, 1–16).
 */
export function accountJobSettingsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): AccountJobSettings {
  const ttl = boundedInt(env.PAR_ACCOUNT_JOB_PASSWORD_TTL_SECONDS, 1, maxPasswordTtlSeconds);
  const passwordTtlSeconds = ttl ?? maxPasswordTtlSeconds;
  return {
    passwordTtlSeconds,
    concurrency: boundedInt(env.PAR_ACCOUNT_JOB_CONCURRENCY, 1, 16) ?? 4,
    leaseMs: 30_000,
    // A short TTL (tests) is purged within a fraction of itself; a real one at least each minute.
    sweepMs: Math.min(60_000, Math.max(500, (passwordTtlSeconds * 1000) / 4)),
  };
}

function boundedInt(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n)) return null;
  return Math.min(max, Math.max(min, n));
}

/**
 * The fingerprint of a request without its idempotency key: the same key may only come back
 * with the same request. Keys are sorted, so the order of the body's fields does not matter;
 * the order of the units does (it is the order of the job).
 */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Done, created, existed and failed counts of a job's items; `creating` is still to do. */
export function progressOf(states: readonly AccountJobItemState[]): {
  done: number;
  created: number;
  existed: number;
  failed: number;
} {
  const count = (state: AccountJobItemState) => states.filter((s) => s === state).length;
  const created = count('created');
  const existed = count('exists');
  const failed = count('failed');
  return { done: created + existed + failed, created, existed, failed };
}
