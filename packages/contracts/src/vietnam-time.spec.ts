import {
  formatVietnamDate,
  formatVietnamDateTime,
  formatVietnamTime,
  VIETNAM_TIME_ZONE,
  yearInVietnam,
} from './vietnam-time';

describe('Vietnam time', () => {
  it('shows a UTC moment seven hours ahead, day first, on a 24-hour clock', () => {
    expect(formatVietnamDateTime('2026-03-01T01:00:00.000Z')).toBe('01/03/2026 08:00');
    expect(formatVietnamDateTime(new Date('2026-11-23T20:05:09.000Z'))).toBe('24/11/2026 03:05');
    expect(formatVietnamDateTime('2026-01-01T05:00:00Z')).toBe('01/01/2026 12:00');
    expect(formatVietnamDateTime('2026-06-30T17:00:00Z')).toBe('01/07/2026 00:00');
  });

  it('gives the time of day alone, as a deadline message names it', () => {
    expect(formatVietnamTime('2026-03-15T10:30:00Z')).toBe('17:30');
    expect(formatVietnamTime('2026-06-30T17:00:00Z')).toBe('00:00');
  });

  it('adds seconds for the audit trail', () => {
    expect(formatVietnamDateTime('2026-11-23T20:05:09.000Z', { seconds: true })).toBe(
      '24/11/2026 03:05:09',
    );
  });

  it('gives the day and the year as they are in Vietnam, not in UTC', () => {
    expect(formatVietnamDate('2026-02-28T18:00:00Z')).toBe('01/03/2026');
    expect(formatVietnamDate('2026-02-28T16:59:59Z')).toBe('28/02/2026');
    expect(yearInVietnam(new Date('2024-12-31T17:00:00Z'))).toBe(2025);
    expect(yearInVietnam('2024-12-31T16:59:59Z')).toBe(2024);
  });

  it('refuses what is not a moment instead of printing "Invalid Date"', () => {
    expect(() => formatVietnamDateTime('not a date')).toThrow(RangeError);
  });

  it('names the zone once', () => {
    expect(VIETNAM_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
  });
});
