/** How an audit entry reads on screen: time in Hà Nội's zone, values and changes in one line. */
import { formatVietnamDateTime, type AuditChange } from '@par/contracts';

/** An ISO instant as Vietnam shows it, to the second: `23/11/2026 14:05:09`. */
export function formatAuditTime(iso: string): string {
  return formatVietnamDateTime(iso, { seconds: true });
}

/** A changed value, short: `—` for nothing, lists joined with commas, objects as JSON. */
export function formatAuditValue(value: unknown, none = '—'): string {
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value))
    return value.length ? value.map((v) => formatAuditValue(v, none)).join(', ') : none;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `field: before → after`, one per change; a created object shows only its values. */
export function formatAuditChanges(changes: readonly AuditChange[], none = '—'): string[] {
  return changes.map(({ field, before, after }) =>
    before === null || before === undefined
      ? `${field}: ${formatAuditValue(after, none)}`
      : `${field}: ${formatAuditValue(before, none)} → ${formatAuditValue(after, none)}`,
  );
}

/** The list's query from the page's URL (`?unit=…&account=…&page=…`), with a fixed page size. */
export function auditQuery(search: URLSearchParams, pageSize: number) {
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  return {
    unit: search.get('unit') || undefined,
    account: search.get('account') || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    page,
  };
}
