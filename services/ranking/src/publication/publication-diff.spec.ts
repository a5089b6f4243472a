import { diffTables } from './publication-diff';

const row = (unitCode: string, index: number | null, rank: number | null, band: string | null) => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  unitGroup: 'SO',
  index,
  rank,
  band,
});

describe('diffTables', () => {
  it('names per unit what moved between two published tables, and units in or out', () => {
    // Written by hand: B's correction lifts it from 72.50 % (C, rank 3) to 81.00 % (B, rank 2);
    // A stays 1st; C drops from 2nd to 3rd with the same index and band; D is excluded in the
    // new version and E appears.
    const before = [
      row('A', 9100, 1, 'A'),
      row('C', 7600, 2, 'C'),
      row('B', 7250, 3, 'C'),
      row('D', 5000, 4, 'D'),
    ];
    const after = [
      row('A', 9100, 1, 'A'),
      row('B', 8100, 2, 'B'),
      row('C', 7600, 3, 'C'),
      row('E', 6000, 4, 'D'),
    ];
    const diff = diffTables(before, after);
    expect(diff.changed).toBe(4);
    expect(diff.units.map((u) => [u.unitCode, u.changes])).toEqual([
      ['A', []],
      ['B', ['index', 'rank', 'band']],
      ['C', ['rank']],
      ['D', ['removed']],
      ['E', ['added']],
    ]);
    expect(diff.units[1]).toMatchObject({
      before: { index: 7250, rank: 3, band: 'C' },
      after: { index: 8100, rank: 2, band: 'B' },
    });
    expect(diff.units[3]).toMatchObject({ before: { index: 5000 }, after: null });
  });
});
