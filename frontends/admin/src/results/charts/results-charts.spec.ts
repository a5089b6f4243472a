import type { ConsolidationRow } from '@par/contracts';
import { areaProfile, changeBars, indexHistogram, meanOf } from './results-charts';

const row = (
  unitCode: string,
  unitGroup: string,
  index: number | null,
  subIndices: Array<number | null>,
  change: number | null = null,
): ConsolidationRow => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  unitGroup,
  rank: null,
  tied: false,
  decidedByTieBreak: false,
  total: 0,
  max: 600,
  index,
  band: null,
  areas: subIndices.map((subIndex, i) => ({ code: String(i + 1), score: 0, max: 300, subIndex })),
  previous: null,
  change,
});

// Group S: three ranked units and one without an index; group X: one unit.
const rows = [
  row('A', 'S', 9000, [10_000, 8000], 250),
  row('B', 'S', 7550, [6667, 8433], -1000),
  row('C', 'S', 1000, [0, 2000], 0),
  row('D', 'S', null, [null, null]),
  row('E', 'X', 10_000, [10_000, 10_000], 750),
];

describe('meanOf', () => {
  it('rounds the mean half up and has none for nothing', () => {
    expect(meanOf([1, 2])).toBe(2); // 1,5 → 2
    expect(meanOf([10_000, 6667, 0])).toBe(5556); // 16 667 ÷ 3 = 5 555,67
    expect(meanOf([])).toBeNull();
  });
});

describe('areaProfile', () => {
  it("sets each area's sub-index beside the group's average of its ranked units", () => {
    // Area 1: (10 000 + 6 667 + 0) ÷ 3 = 5 555,67 → 5 556; area 2: (8 000 + 8 433 + 2 000) ÷ 3 = 6 144,33 → 6 144.
    expect(areaProfile(rows, 'B')).toEqual({
      unitGroup: 'S',
      bars: [
        { code: '1', unit: 6667, groupAverage: 5556 },
        { code: '2', unit: 8433, groupAverage: 6144 },
      ],
    });
    expect(areaProfile(rows, 'E')?.bars[0]).toEqual({
      code: '1',
      unit: 10_000,
      groupAverage: 10_000,
    });
    expect(areaProfile(rows, 'NONE')).toBeNull();
  });
});

describe('indexHistogram', () => {
  it('counts indices per 10 % band, 100 % in the last, units without an index left out', () => {
    const counts = indexHistogram(rows).map((b) => b.count);
    // 10 % → [10, 20); 75,5 % → [70, 80); 90 % and 100 % → [90, 100].
    expect(counts).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 2]);
    expect(indexHistogram(rows)[9]).toEqual({ from: 9000, to: 10_000, count: 2 });
  });

  it("keeps one group's units and takes another width", () => {
    expect(indexHistogram(rows, { unitGroup: 'S', width: 2500 })).toEqual([
      { from: 0, to: 2500, count: 1 },
      { from: 2500, to: 5000, count: 0 },
      { from: 5000, to: 7500, count: 0 },
      { from: 7500, to: 10_000, count: 2 },
    ]);
  });
});

describe('changeBars', () => {
  it('lists the units with a change, biggest rise first, bars against the largest change', () => {
    expect(changeBars(rows, 'S')).toEqual([
      { unitCode: 'A', unitName: 'Đơn vị A', change: 250, direction: 'up', width: 25 },
      { unitCode: 'C', unitName: 'Đơn vị C', change: 0, direction: 'same', width: 0 },
      { unitCode: 'B', unitName: 'Đơn vị B', change: -1000, direction: 'down', width: 100 },
    ]);
    expect(changeBars(rows).map((b) => [b.unitCode, b.width])).toEqual([
      ['E', 75],
      ['A', 25],
      ['C', 0],
      ['B', 100],
    ]);
  });
});
