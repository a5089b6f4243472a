import type { WorklistUnit } from '@par/contracts';
import {
  isFiltered,
  listParams,
  progressPercent,
  roundGaps,
  searchFromView,
  viewFromSearch,
} from './worklist-query';

const unit = (
  unitCode: string,
  assigned: number,
  round1: number,
  round2 = 0,
  lateDecision: WorklistUnit['lateDecision'] = null,
): WorklistUnit => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  unitGroup: 'so-nganh',
  ready: true,
  lateDecision,
  openedAt: null,
  assigned,
  round1: { appraised: round1, status: round1 === assigned ? 'appraised' : 'inProgress' },
  round2: { appraised: round2, status: 'notStarted' },
  questions: 0,
  answered: 0,
});

describe('the worklist address', () => {
  it('reads filters and sorting back from what it wrote', () => {
    const view = {
      periodId: '65f000000000000000000001',
      q: 'Tư pháp',
      status: 'inProgress' as const,
      unitGroup: 'so-nganh',
      sort: 'progress' as const,
      order: 'desc' as const,
    };
    const search = searchFromView(view);
    expect(search.toString()).toBe(
      'period=65f000000000000000000001&q=T%C6%B0+ph%C3%A1p&status=inProgress&group=so-nganh&sort=progress&order=desc',
    );
    expect(viewFromSearch(search)).toEqual(view);
  });

  it('leaves defaults out and ignores unknown values', () => {
    expect(viewFromSearch(new URLSearchParams('status=done&sort=score&order=up'))).toEqual({
      periodId: null,
      q: '',
      status: null,
      unitGroup: null,
      sort: 'unitCode',
      order: 'asc',
    });
    expect(searchFromView(viewFromSearch(new URLSearchParams('q=%20%20'))).toString()).toBe('');
  });

  it('sends only the filters that are set, trimmed', () => {
    const view = viewFromSearch(new URLSearchParams('q=%20STP%20&sort=status'));
    expect(listParams('p1', view)).toEqual({
      periodId: 'p1',
      q: 'STP',
      sort: 'status',
      order: 'asc',
    });
    expect(isFiltered(view)).toBe(true);
    expect(isFiltered(viewFromSearch(new URLSearchParams('sort=status')))).toBe(false);
  });
});

describe('progress and gaps before sending a round', () => {
  it('rounds the percentage down, so a unit is 100 % only when complete', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(199, 200)).toBe(99);
    expect(progressPercent(7, 7)).toBe(100);
  });

  it('lists the units with entries not appraised in the round, with how many', () => {
    const units = [unit('STP', 12, 12, 3), unit('STC', 8, 5, 8), unit('X-THANHBA', 4, 0, 0)];
    expect(roundGaps(units, 1)).toEqual([
      { unitCode: 'STC', unitName: 'Đơn vị STC', missing: 3 },
      { unitCode: 'X-THANHBA', unitName: 'Đơn vị X-THANHBA', missing: 4 },
    ]);
    expect(roundGaps(units, 2).map((gap) => [gap.unitCode, gap.missing])).toEqual([
      ['STP', 9],
      ['X-THANHBA', 4],
    ]);
  });

  it('does not count a unit the admin scored zero as a gap', () => {
    expect(roundGaps([unit('SXD', 6, 0, 0, 'scoreZero')], 1)).toEqual([]);
  });
});
