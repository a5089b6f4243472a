import { hoursOf, medianMs, questionStatistics, type QuestionTimes } from './statistics';

const at = (hours: number) => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000);
const q = (
  unitCode: string,
  status: QuestionTimes['status'],
  since: number,
  answered: number | null = null,
): QuestionTimes => ({
  unitCode,
  status,
  unitSince: at(since),
  answeredAt: answered === null ? null : at(answered),
});

describe('time to answer per unit', () => {
  it('counts each unit’s questions and measures from when they reached it', () => {
    const now = at(100);
    // Written by hand. STP: answered after 2 h, 5 h and 10.5 h (median 5); one open since hour
    // 70 (30 h), one since 90 (10 h); one rejected. SNV: answered after 3 h and 4 h (median
    // 3.5); nothing open. XA: one routed there at hour 99.75 (0.25 h → 0.3 shown).
    const rows = questionStatistics(
      [
        q('STP', 'published', 0, 2),
        q('STP', 'answered', 10, 15),
        q('STP', 'published', 20, 30.5),
        q('STP', 'new', 70),
        q('STP', 'routed', 90),
        q('STP', 'rejected', 5),
        q('SNV', 'published', 40, 43),
        q('SNV', 'answered', 50, 54),
        q('XA', 'routed', 99.75),
      ],
      now,
    );
    expect(rows).toEqual([
      {
        unitCode: 'SNV',
        received: 2,
        answered: 2,
        published: 1,
        rejected: 0,
        open: 0,
        medianHoursToAnswer: 3.5,
        longestOpenHours: null,
      },
      {
        unitCode: 'STP',
        received: 6,
        answered: 3,
        published: 2,
        rejected: 1,
        open: 2,
        medianHoursToAnswer: 5,
        longestOpenHours: 30,
      },
      {
        unitCode: 'XA',
        received: 1,
        answered: 0,
        published: 0,
        rejected: 0,
        open: 1,
        medianHoursToAnswer: null,
        longestOpenHours: 0.3,
      },
    ]);
  });

  it('rounds hours to one decimal and takes the middle pair’s mean for an even count', () => {
    expect(hoursOf(90 * 60_000)).toBe(1.5);
    expect(hoursOf(100 * 60_000)).toBe(1.7);
    expect(medianMs([4, 1, 3, 2])).toBe(2.5);
    expect(medianMs([7])).toBe(7);
    expect(medianMs([])).toBeNull();
  });
});
