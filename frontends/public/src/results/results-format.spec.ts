import type { PublishedPeriod } from '@par/contracts';
import { barWidth, changeText, chosen, indexText, indicesOf } from './results-format';

const period = (periodId: string, indexCode: string, year: number, groups: string[]) =>
  ({
    periodId,
    periodName: `Đợt ${year}`,
    indexCode,
    year,
    number: 1,
    publishedAt: '2026-12-01T03:00:00.000Z',
    groups: groups.map((unitGroup) => ({ unitGroup })),
  }) satisfies PublishedPeriod;

describe('results-format', () => {
  it('writes indices and changes the Vietnamese way', () => {
    expect(indexText(833)).toBe('8,33');
    expect(indexText(10000)).toBe('100');
    expect(indexText(null)).toBe('—');
    expect(changeText(416)).toBe('+4,16');
    expect(changeText(-50)).toBe('-0,5');
    expect(changeText(0)).toBe('0');
    expect(changeText(null)).toBeNull();
  });

  it('draws a bar as long as the index, within the track', () => {
    expect(barWidth(833)).toBe(8.33);
    expect(barWidth(null)).toBe(0);
    expect(barWidth(10000)).toBe(100);
  });

  it('keeps a choice that exists, otherwise takes the newest period and its first group', () => {
    const periods = [
      period('p26', 'PAR', 2026, ['Sở', 'Xã']),
      period('p25', 'PAR', 2025, ['Sở']),
      period('d26', 'DTI', 2026, ['Xã']),
    ];
    expect(indicesOf(periods)).toEqual(['PAR', 'DTI']);
    expect(chosen(periods, { periodId: 'p26', unitGroup: 'Xã' })).toEqual({
      period: periods[0],
      unitGroup: 'Xã',
    });
    expect(chosen(periods, { periodId: 'p25', unitGroup: 'Xã' })).toEqual({
      period: periods[1],
      unitGroup: 'Sở',
    });
    expect(chosen(periods, { periodId: 'gone' })).toEqual({ period: periods[0], unitGroup: 'Sở' });
    expect(chosen([], {})).toBeUndefined();
  });
});
