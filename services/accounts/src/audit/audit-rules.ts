/**
 * Pure rules of the audit trail: which units an entry is about, the query behind the filters,
 * and the compact diff of before and after that the admin reads (without any secret).
 */
import type { AuditChange } from '@par/contracts';

/** Keys that could hold a secret; dropped from every diff whatever the object. */
const secret = /password|secret|credential|token/i;

/**
 * Unit codes an account or unit snapshot mentions: an account's `unit`, a unit's `code`.
 * Written to new entries as `units`, so the unit filter is one indexed equality.
 */
export function unitCodesOf(...snapshots: unknown[]): string[] {
  const codes = new Set<string>();
  for (const snapshot of snapshots) {
    if (!snapshot || typeof snapshot !== 'object') continue;
    const { unit, code } = snapshot as { unit?: unknown; code?: unknown };
    if (typeof unit === 'string' && unit) codes.add(unit);
    if (typeof code === 'string' && code) codes.add(code);
  }
  return [...codes];
}

/**
 * The Mongo filter for the audit list. New entries carry `units`/`accounts`; entries written
 * before those fields existed are found through `target` and the snapshots' `unit`/`code`.
 */
export function auditFilter(params: { unit?: string; account?: string }): Record<string, unknown> {
  const clauses: Record<string, unknown>[] = [];
  if (params.unit) {
    const code = params.unit;
    clauses.push({
      $or: [
        { units: code },
        { 'after.code': code },
        { 'after.unit': code },
        { 'before.unit': code },
      ],
    });
  }
  if (params.account) {
    clauses.push({ $or: [{ accounts: params.account }, { target: `account:${params.account}` }] });
  }
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? clauses[0]! : { $and: clauses };
}

/** Fields whose values differ between before and after, in a stable order; secrets left out. */
export function diffSnapshots(before: unknown, after: unknown): AuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((field) => !secret.test(field))
    .sort();
  return fields
    .filter((field) => JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
