import type { AppraiserProgress, UnitAppraisalProgress } from '@par/contracts';
import {
  compareProgress,
  filterAppraisers,
  filterUnits,
  foldText,
  formatCount,
  percentOf,
  progressTotals,
  roundBegun,
  roundOf,
} from './progress-view';

const appraiser = (over: Partial<AppraiserProgress>): AppraiserProgress => ({
  appraiserId: 'u1',
  username: 'tdv',
  assigned: 3,
  round1Appraised: 0,
  round2Appraised: 0,
  round1SentAt: null,
  round2SentAt: null,
  ...over,
});

const unit = (over: Partial<UnitAppraisalProgress>): UnitAppraisalProgress => ({
  unitCode: 'SNV',
  unitName: 'Sở Nội vụ',
  unitGroup: 'SO',
  state: 'notOpened',
  openedAt: null,
  entries: 4,
  round1Appraised: 0,
  round2Appraised: 0,
  questions: 0,
  answered: 0,
  round1Total: 0,
  round2Total: 0,
  ...over,
});

describe("the admin's appraisal progress board", () => {
  it.each([
    [0, 3, 0],
    [1, 3, 33],
    [2, 3, 66],
    [3, 3, 100],
    [0, 0, 0],
    [199, 200, 99],
  ])('shows %i of %i appraised as %i %% of the bar', (done, total, percent) => {
    expect(percentOf(done, total)).toBe(percent);
  });

  it("reads one appraiser's round: counts, bar and sending time", () => {
    const a = appraiser({
      round1Appraised: 3,
      round2Appraised: 1,
      round1SentAt: '2026-03-01T01:00:00.000Z',
    });
    expect(roundOf(a, 1)).toEqual({
      round: 1,
      appraised: 3,
      assigned: 3,
      percent: 100,
      sentAt: '2026-03-01T01:00:00.000Z',
    });
    expect(roundOf(a, 2)).toEqual({
      round: 2,
      appraised: 1,
      assigned: 3,
      percent: 33,
      sentAt: null,
    });
  });

  it.each([
    ['selfAssessment', false, false],
    ['appraisalRound1', true, false],
    ['clarification', true, false],
    ['appraisalRound2', true, true],
    ['published', true, true],
  ] as const)('in %s, round 1 has begun: %s, round 2: %s', (phase, one, two) => {
    expect([roundBegun(1, phase), roundBegun(2, phase)]).toEqual([one, two]);
  });

  it('writes counts the Vietnamese way', () => {
    expect([formatCount(7), formatCount(1234), formatCount(1234567)]).toEqual([
      '7',
      '1.234',
      '1.234.567',
    ]);
  });

  it('finds names whatever the case and the accents', () => {
    expect(foldText('  Đoàn THẨM Định ')).toBe('doan tham dinh');
  });

  it('filters appraisers by name and by the round they sent or not', () => {
    const items = [
      appraiser({
        appraiserId: 'a',
        username: 'tham.dinh.stp',
        round1SentAt: '2026-03-01T01:00:00.000Z',
      }),
      appraiser({ appraiserId: 'b', username: 'tham.dinh.stc' }),
      appraiser({
        appraiserId: 'c',
        username: 'kiem.tra',
        round2SentAt: '2026-04-01T01:00:00.000Z',
      }),
    ];
    const ids = (filter: Parameters<typeof filterAppraisers>[1]) =>
      filterAppraisers(items, filter).map((a) => a.appraiserId);
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ q: 'THAM' })).toEqual(['a', 'b']);
    expect(ids({ sent: 'round1Sent' })).toEqual(['a']);
    expect(ids({ sent: 'round1NotSent' })).toEqual(['b', 'c']);
    expect(ids({ sent: 'round2Sent' })).toEqual(['c']);
    expect(ids({ q: 'tham', sent: 'round2NotSent' })).toEqual(['a', 'b']);
  });

  it('filters units by code or name, group and state', () => {
    const items = [
      unit({ unitCode: 'SNV', unitName: 'Sở Nội vụ', state: 'round1' }),
      unit({ unitCode: 'STP', unitName: 'Sở Tư pháp', state: 'round1Done' }),
      unit({
        unitCode: 'UBH',
        unitName: 'UBND huyện Đông Sơn',
        unitGroup: 'HUYEN',
        state: 'round1',
      }),
    ];
    const codes = (filter: Parameters<typeof filterUnits>[1]) =>
      filterUnits(items, filter).map((u) => u.unitCode);
    expect(codes({ q: 'tu phap' })).toEqual(['STP']);
    expect(codes({ q: 'dong son' })).toEqual(['UBH']);
    expect(codes({ q: 'snv' })).toEqual(['SNV']);
    expect(codes({ unitGroup: 'SO', state: 'round1' })).toEqual(['SNV']);
    expect(codes({ state: 'round2Done' })).toEqual([]);
  });

  it('sorts by the share appraised, then by the count', () => {
    const rows = [
      { name: '2/4', done: 2, total: 4 },
      { name: '0/0', done: 0, total: 0 },
      { name: '1/1', done: 1, total: 1 },
      { name: '1/2', done: 1, total: 2 },
      { name: '0/3', done: 0, total: 3 },
    ];
    expect([...rows].sort(compareProgress).map((r) => r.name)).toEqual([
      '0/0',
      '0/3',
      '1/2',
      '2/4',
      '1/1',
    ]);
  });

  it('counts who sent and which units are done', () => {
    expect(
      progressTotals({
        appraisers: [
          appraiser({ round1SentAt: '2026-03-01T01:00:00.000Z' }),
          appraiser({
            round1SentAt: '2026-03-01T01:00:00.000Z',
            round2SentAt: '2026-04-01T01:00:00.000Z',
          }),
          appraiser({}),
        ],
        units: [
          unit({ state: 'round1Done' }),
          unit({ state: 'round2Done' }),
          unit({ state: 'round1' }),
          unit({ state: 'notReady' }),
        ],
      }),
    ).toEqual({ appraisers: 3, sent1: 2, sent2: 1, units: 4, round1Done: 2, round2Done: 1 });
  });
});
