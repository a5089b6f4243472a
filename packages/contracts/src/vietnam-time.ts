/**
 * Vietnam's clock, in one place for the services and the pages: times are stored in UTC and
 * shown (and scheduled) in Asia/Ho_Chi_Minh, which is UTC+7 all year (no daylight saving).
 */

/** The zone the portal schedules and shows times in. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Parts, not a locale's whole string, so the layout is ours on every runtime and ICU version.
const vietnamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

type Part = 'day' | 'month' | 'year' | 'hour' | 'minute' | 'second';

/** A moment (an ISO string or a Date) as Vietnam's wall clock; an invalid one is a RangeError. */
function partsInVietnam(instant: string | Date): Record<Part, string> {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`Not a moment in time: ${String(instant)}`);
  const parts = { day: '', month: '', year: '', hour: '', minute: '', second: '' };
  for (const { type, value } of vietnamParts.formatToParts(date)) {
    if (type in parts) parts[type as Part] = value;
  }
  return parts;
}

/**
 * `2026-03-01T01:00:00Z` → `01/03/2026 08:00`, as people in Vietnam read a moment;
 * with `{ seconds: true }` → `01/03/2026 08:00:00` (the audit trail).
 */
export function formatVietnamDateTime(
  instant: string | Date,
  options: { seconds?: boolean } = {},
): string {
  const p = partsInVietnam(instant);
  const time = `${p.hour}:${p.minute}${options.seconds ? `:${p.second}` : ''}`;
  return `${p.day}/${p.month}/${p.year} ${time}`;
}

/** `2026-03-01T10:30:00Z` → `17:30`: the time of day it is in Vietnam. */
export function formatVietnamTime(instant: string | Date): string {
  const p = partsInVietnam(instant);
  return `${p.hour}:${p.minute}`;
}

/** `2026-02-28T18:00:00Z` → `01/03/2026`: the day it is in Vietnam. */
export function formatVietnamDate(instant: string | Date): string {
  const p = partsInVietnam(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** The calendar year in Vietnam, which is what "this year" means to a province. */
export function yearInVietnam(instant: string | Date = new Date()): number {
  return Number(partsInVietnam(instant).year);
}
