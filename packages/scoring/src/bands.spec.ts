import { classify, defaultBandTable, validateBandTable, type BandTable } from './bands';

describe('classify', () => {
  it('puts an index in the band whose lower bound it reaches (A ≥ 90 %, B 80–90 %, …)', () => {
    // [index in hundredths of a percent, band], by hand from the default table.
    const table: Array<[number, string]> = [
      [10000, 'A'],
      [9000, 'A'],
      [8999, 'B'],
      [8000, 'B'],
      [7999, 'C'],
      [7000, 'C'],
      [6999, 'D'],
      [0, 'D'],
    ];
    for (const [index, label] of table) expect(classify(index).label).toBe(label);
  });

  it('uses a configured table', () => {
    const excellent: BandTable = [
      { label: 'Xuất sắc', minIndex: 9500 },
      { label: 'Tốt', minIndex: 8500 },
      { label: 'Chưa đạt', minIndex: 0 },
    ];
    expect(classify(9499, excellent).label).toBe('Tốt');
    expect(classify(9500, excellent).label).toBe('Xuất sắc');
    expect(classify(1, excellent).label).toBe('Chưa đạt');
  });

  it('refuses an index outside 0–100 % and an invalid table', () => {
    expect(() => classify(10001)).toThrow(RangeError);
    expect(() => classify(50.5)).toThrow(RangeError);
    expect(() => classify(5000, [{ label: 'A', minIndex: 9000 }])).toThrow(RangeError);
  });
});

describe('validateBandTable', () => {
  it('accepts the default table', () => {
    expect(validateBandTable(defaultBandTable)).toEqual([]);
  });

  it('finds bands out of order or overlapping, and a gap at the bottom', () => {
    expect(
      validateBandTable([
        { label: 'A', minIndex: 8000 },
        { label: 'B', minIndex: 9000 },
        { label: 'C', minIndex: 9000 },
        { label: 'D', minIndex: 1000 },
      ]),
    ).toEqual([
      { code: 'notDescending', position: 1 },
      { code: 'notDescending', position: 2 },
      { code: 'bottomNotZero', position: 3 },
    ]);
  });

  it('finds missing or repeated labels and bounds outside 0–100 %', () => {
    expect(
      validateBandTable([
        { label: 'A', minIndex: 10001 },
        { label: ' ', minIndex: 9000 },
        { label: 'A', minIndex: 8000.5 },
        { label: 'D', minIndex: 0 },
      ]),
    ).toEqual([
      { code: 'minOutOfRange', position: 0 },
      { code: 'labelMissing', position: 1 },
      { code: 'labelDuplicate', position: 2 },
      { code: 'minOutOfRange', position: 2 },
    ]);
    expect(validateBandTable([])).toEqual([{ code: 'empty', position: null }]);
  });
});
