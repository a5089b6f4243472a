import type { CriterionNodeInput } from '@par/contracts';
import type { BandTable } from './bands';
import {
  consolidate,
  linkedLeafScore,
  type ConsolidationInput,
  type ConsolidationLeaf,
  type ConsolidationUnit,
} from './consolidation';
import type { TotalsNode } from './tree-totals';

/*
 * The hand-computed fixture. One tree for both groups (each group has its own set id), 15 points:
 *
 *   1      area, max 9                     children's effective maxima 4 + 5 + 0 = 9
 *   1.1      manual, max 4
 *   1.2      capped at 5                   children 3 + 3 = 6 > 5
 *   1.2.1      manual, max 3
 *   1.2.2      manual, max 3
 *   1.3      deduction, up to 2 points off area 1 (floors at 0)
 *   2      area, max 6
 *   2.1      survey, max 4                 (imported results)
 *   2.2      linked to DTI 5.1, max 2      (the DTI's criterion is worth 10: scaled × 2/10)
 *
 * Leaf scores, in points, and what they give (every figure below worked out by hand):
 *
 * unit  group      1.1  1.2.1 1.2.2 1.3  | 1.2 (cap 5)   area 1            | 2.1  DTI 5.1 → 2.2  | area 2 | total
 * S1    so-nganh   4    3     3     0    | 6 → 5         4+5 = 9            | 3.8  10   → 2       | 5.8    | 14.8
 * S2    so-nganh   3.5  3     2.5   −1   | 5.5 → 5       8.5 − 1 = 7.5      | 3    7.5  → 1.5     | 4.5    | 12
 * S3    so-nganh   4    2.5   2     0    | 4.5           8.5                | 2.5  5    → 1       | 3.5    | 12
 * S4    so-nganh   2    1     1     −0.5 | 2             4 − 0.5 = 3.5      | 2    3.33 → 0.666 → 0.67 | 2.67 | 6.17
 * X1    xa-phuong  1    0     0.5   −2   | 0.5           1.5 − 2 → 0 (floor) | 1   0    → 0       | 1      | 1
 * X2    xa-phuong  0    0     0     0    | 0             0                  | 0    5    → 1       | 1      | 1
 *
 * Index = total ÷ 15 × 100, half up to hundredths of a percent; sub-indices over 9 and 6:
 * S1 14.8/15 = 98.666… → 98.67 %; area 1 9/9 = 100 %, area 2 5.8/6 = 96.666… → 96.67 %
 * S2 12/15 = 80 %;                 area 1 7.5/9 = 83.333… → 83.33 %, area 2 4.5/6 = 75 %
 * S3 12/15 = 80 %;                 area 1 8.5/9 = 94.444… → 94.44 %, area 2 3.5/6 = 58.333… → 58.33 %
 * S4 6.17/15 = 41.1333… → 41.13 %; area 1 3.5/9 = 38.888… → 38.89 %, area 2 2.67/6 = 44.5 %
 * X1 1/15 = 6.666… → 6.67 %;       area 1 0 %, area 2 1/6 = 16.666… → 16.67 %
 * X2 the same as X1.
 *
 * Ranks: so-nganh 98.67, 80, 80, 41.13 → 1, 2, 2, 4; xa-phuong 6.67, 6.67 → 1, 1.
 * Bands of this index: Xuất sắc ≥ 95 %, Tốt ≥ 80 %, Khá ≥ 50 %, Trung bình below.
 *
 * Previous year (its totals and maxima): S1 13/15 = 86.666… → 86.67 %, change +12 points;
 * S2 was S2-CU (renamed), 12.6/15 = 84 %, change −4; S3 new, no change; S4 6.17/15 → 41.13 %,
 * change 0; X1 merged from XA (0.5 of 10) and XB (0.7 of 10): 1.2/20 = 6 %, change +0.67;
 * X2 2/15 = 13.333… → 13.33 %, change −6.66.
 */

const node = (
  code: string,
  parentCode: string | null,
  maxScore: number,
  rule: TotalsNode['rule'],
  capped = false,
): TotalsNode & Pick<CriterionNodeInput, 'capped'> => ({
  code,
  parentCode,
  maxScore,
  rule,
  capped,
});
const manual = (max: number): TotalsNode['rule'] => ({ type: 'manual', min: 0, max, step: 25 });

const nodes: TotalsNode[] = [
  node('1', null, 900, null),
  node('1.1', '1', 400, manual(400)),
  node('1.2', '1', 500, null, true),
  node('1.2.1', '1.2', 300, manual(300)),
  node('1.2.2', '1.2', 300, manual(300)),
  node('1.3', '1', 0, { type: 'deduction', step: 50, maxDeduction: 200 }),
  node('2', null, 600, null),
  node('2.1', '2', 400, { type: 'survey' }),
  node('2.2', '2', 200, { type: 'linked', indexCode: 'DTI', criterionCode: '5.1' }),
];

const bands: BandTable = [
  { label: 'Xuất sắc', minIndex: 9500 },
  { label: 'Tốt', minIndex: 8000 },
  { label: 'Khá', minIndex: 5000 },
  { label: 'Trung bình', minIndex: 0 },
];

const appraised = (unit: string, code: string, score: number): ConsolidationLeaf => ({
  code,
  score,
  from: { source: 'appraisal', entryId: `${unit}/${code}`, entryVersion: 3 },
});
const surveyed = (importId: string, score: number): ConsolidationLeaf => ({
  code: '2.1',
  score,
  from: { source: 'survey', importId },
});
const linked = (dtiScore: number): ConsolidationLeaf => ({
  code: '2.2',
  from: {
    source: 'linked',
    indexCode: 'DTI',
    criterionCode: '5.1',
    sourceScore: dtiScore,
    sourceMax: 1000,
    ref: 'DTI/2026/v4',
  },
});

/** A unit from its appraised scores (1.1, 1.2.1, 1.2.2, 1.3), survey result and DTI score. */
const unit = (
  unitCode: string,
  unitGroup: string,
  [s11, s121, s122, s13]: [number, number, number, number],
  survey: number,
  dti: number,
): ConsolidationUnit => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  unitGroup,
  leaves: [
    appraised(unitCode, '1.1', s11),
    appraised(unitCode, '1.2.1', s121),
    appraised(unitCode, '1.2.2', s122),
    appraised(unitCode, '1.3', s13),
    surveyed(unitGroup === 'so-nganh' ? 'import-so' : 'import-xa', survey),
    linked(dti),
  ],
});

const units: ConsolidationUnit[] = [
  unit('S1', 'so-nganh', [400, 300, 300, 0], 380, 1000),
  unit('S2', 'so-nganh', [350, 300, 250, -100], 300, 750),
  unit('S3', 'so-nganh', [400, 250, 200, 0], 250, 500),
  unit('S4', 'so-nganh', [200, 100, 100, -50], 200, 333),
  unit('X1', 'xa-phuong', [100, 0, 50, -200], 100, 0),
  unit('X2', 'xa-phuong', [0, 0, 0, 0], 0, 500),
];

const input: ConsolidationInput = {
  indexCode: 'PAR',
  periodId: 'par-2026',
  criteriaSets: [
    { unitGroup: 'so-nganh', id: 'set-so', version: 7, nodes },
    { unitGroup: 'xa-phuong', id: 'set-xa', version: 2, nodes },
  ],
  units,
  bands,
  previous: {
    periodId: 'par-2025',
    units: [
      { unitCode: 'S1', total: 1300, max: 1500 },
      { unitCode: 'S2-CU', total: 1260, max: 1500 },
      { unitCode: 'S4', total: 617, max: 1500 },
      { unitCode: 'XA', total: 50, max: 1000 },
      { unitCode: 'XB', total: 70, max: 1000 },
      { unitCode: 'X2', total: 200, max: 1500 },
    ],
  },
  lineage: { S2: ['S2-CU'], X1: ['XB', 'XA'] },
};

/** One row as the hand computation above gives it: [code, rank, tied, total, index, band, area 1, sub 1, area 2, sub 2, change]. */
type Expected = [
  string,
  number,
  boolean,
  number,
  number,
  string,
  number,
  number,
  number,
  number,
  number | null,
];
const expectedRows: Record<string, Expected[]> = {
  'so-nganh': [
    ['S1', 1, false, 1480, 9867, 'Xuất sắc', 900, 10000, 580, 9667, 1200],
    ['S2', 2, true, 1200, 8000, 'Tốt', 750, 8333, 450, 7500, -400],
    ['S3', 2, true, 1200, 8000, 'Tốt', 850, 9444, 350, 5833, null],
    ['S4', 4, false, 617, 4113, 'Trung bình', 350, 3889, 267, 4450, 0],
  ],
  'xa-phuong': [
    ['X1', 1, true, 100, 667, 'Trung bình', 0, 0, 100, 1667, 67],
    ['X2', 1, true, 100, 667, 'Trung bình', 0, 0, 100, 1667, -666],
  ],
};

const summary = (table: ReturnType<typeof consolidate>) =>
  Object.fromEntries(
    table.groups.map((group) => [
      group.unitGroup,
      group.rows.map((row): Expected => [
        row.unitCode,
        row.rank!,
        row.tied,
        row.total,
        row.index!,
        row.band!,
        row.areas[0]!.score,
        row.areas[0]!.subIndex!,
        row.areas[1]!.score,
        row.areas[1]!.subIndex!,
        row.change,
      ]),
    ]),
  );

describe('consolidate', () => {
  it('gives the hand-computed table of six units with ties, a cap, deductions, a survey and a linked leaf', () => {
    const table = consolidate(input);
    expect(summary(table)).toEqual(expectedRows);
    for (const group of table.groups) {
      expect(group.totalMax).toBe(1500);
      expect(group.areas).toEqual([
        { code: '1', max: 900 },
        { code: '2', max: 600 },
      ]);
      for (const row of group.rows) {
        expect(row.max).toBe(1500);
        expect(row.issues).toEqual([]);
        expect(row.decidedByTieBreak).toBe(false);
      }
    }
    expect(table.unplaced).toEqual([]);
  });

  it('scales the linked score to the leaf and keeps every leaf with its source, in the set order', () => {
    const s4 = consolidate(input).groups[0]!.rows[3]!;
    expect(s4.leaves.map((leaf) => [leaf.code, leaf.score, leaf.from.source])).toEqual([
      ['1.1', 200, 'appraisal'],
      ['1.2.1', 100, 'appraisal'],
      ['1.2.2', 100, 'appraisal'],
      ['1.3', -50, 'appraisal'],
      ['2.1', 200, 'survey'],
      ['2.2', 67, 'linked'], // 3.33 of 10 → 0.666 of 2 → 0.67
    ]);
    expect(linkedLeafScore(333, 1000, 200)).toBe(67);
    expect(linkedLeafScore(150, 200, 200)).toBe(150);
    expect(linkedLeafScore(1, 3, 100)).toBe(33); // 33.33… hundredths → 33
    expect(linkedLeafScore(201, 200, 200)).toBeNull();
  });

  it('follows renames and merges to the previous year', () => {
    const rows = consolidate(input).groups.flatMap((g) => g.rows);
    const previous = Object.fromEntries(rows.map((row) => [row.unitCode, row.previous]));
    expect(previous).toEqual({
      S1: { unitCodes: ['S1'], index: 8667 },
      S2: { unitCodes: ['S2-CU'], index: 8400 },
      S3: null,
      S4: { unitCodes: ['S4'], index: 4113 },
      X1: { unitCodes: ['XA', 'XB'], index: 600 },
      X2: { unitCodes: ['X2'], index: 1333 },
    });
  });

  it('records what the table was made of', () => {
    const { provenance } = consolidate(input);
    expect(provenance.criteriaSets).toEqual([
      { unitGroup: 'so-nganh', id: 'set-so', version: 7 },
      { unitGroup: 'xa-phuong', id: 'set-xa', version: 2 },
    ]);
    // 6 units × 4 appraised leaves.
    expect(provenance.appraisalEntries).toBe(24);
    const s1 = consolidate(input).groups[0]!.rows[0]!;
    expect(s1.leaves[0]!.from).toEqual({ source: 'appraisal', entryId: 'S1/1.1', entryVersion: 3 });
    expect(provenance.surveyImports).toEqual(['import-so', 'import-xa']);
    expect(provenance.linkedRefs).toEqual(['DTI/2026/v4']);
    expect(provenance.previousPeriodId).toBe('par-2025');
  });

  it("applies the admin's tie-break, shows it, and leaves tied what it cannot separate", () => {
    const byArea2 = consolidate({ ...input, tieBreak: { areaCodes: ['2'] } });
    const ranks = byArea2.groups.map((g) =>
      g.rows.map((r) => [r.unitCode, r.rank, r.tied, r.decidedByTieBreak]),
    );
    // S2 and S3 both 80 %: area 2 gives S2 75 % against S3's 58.33 %. X1 and X2 are equal there too.
    expect(ranks).toEqual([
      [
        ['S1', 1, false, false],
        ['S2', 2, false, true],
        ['S3', 3, false, true],
        ['S4', 4, false, false],
      ],
      [
        ['X1', 1, true, false],
        ['X2', 1, true, false],
      ],
    ]);
    expect(byArea2.tieBreak).toEqual({ areaCodes: ['2'] });
    // By area 1 instead, S3 (94.44 %) goes ahead of S2 (83.33 %).
    const byArea1 = consolidate({ ...input, tieBreak: { areaCodes: ['1'] } });
    expect(byArea1.groups[0]!.rows.map((r) => r.unitCode)).toEqual(['S1', 'S3', 'S2', 'S4']);
  });

  it('gives the same table whatever the order of its inputs', () => {
    const shuffled: ConsolidationInput = {
      ...input,
      criteriaSets: [...input.criteriaSets].reverse(),
      units: [...units].reverse().map((u) => ({ ...u, leaves: [...u.leaves].reverse() })),
      previous: { ...input.previous!, units: [...input.previous!.units].reverse() },
    };
    expect(JSON.stringify(consolidate(shuffled))).toBe(JSON.stringify(consolidate(input)));
  });

  it('uses the band table of the index it is given', () => {
    const table = consolidate({
      ...input,
      bands: [
        { label: 'A', minIndex: 9000 },
        { label: 'B', minIndex: 0 },
      ],
    });
    expect(table.groups.flatMap((g) => g.rows.map((r) => r.band))).toEqual([
      'A',
      'B',
      'B',
      'B',
      'B',
      'B',
    ]);
    expect(() => consolidate({ ...input, bands: [{ label: 'A', minIndex: 100 }] })).toThrow(
      RangeError,
    );
  });

  it('lists what keeps a row from being final, and counts nothing it cannot trust', () => {
    const faulty: ConsolidationUnit = {
      unitCode: 'S5',
      unitName: 'Đơn vị S5',
      unitGroup: 'so-nganh',
      leaves: [
        appraised('S5', '1.1', 400),
        appraised('S5', '1.1', 300), // twice: the first counts
        appraised('S5', '1.2.1', 325), // above 3 points
        appraised('S5', '1.3', -250), // beyond the 2 points a deduction may take
        appraised('S5', '2.1', 400), // a survey leaf is not appraised
        appraised('S5', '9.9', 100), // not in the set
        { ...linked(1200) }, // above the DTI criterion's 10 points
      ],
    };
    const table = consolidate({ ...input, units: [faulty], previous: null });
    const row = table.groups[0]!.rows[0]!;
    expect(row.issues).toEqual([
      { code: 'duplicateLeaf', criterionCode: '1.1' },
      { code: 'outOfRange', criterionCode: '1.2.1' },
      { code: 'missingLeaf', criterionCode: '1.2.2' },
      { code: 'outOfRange', criterionCode: '1.3' },
      { code: 'sourceMismatch', criterionCode: '2.1' },
      { code: 'outOfRange', criterionCode: '2.2' },
      { code: 'unknownCriterion', criterionCode: '9.9' },
    ]);
    // Only 1.1's 4 points count: 4 of 15 = 26.666… → 26.67 %.
    expect([row.total, row.index, row.rank, row.previous, row.change]).toEqual([
      400,
      2667,
      1,
      null,
      null,
    ]);
  });

  it('places no unit whose group has no criteria set', () => {
    const table = consolidate({
      ...input,
      units: [...units, { unitCode: 'B1', unitName: 'Ban 1', unitGroup: 'ban', leaves: [] }],
    });
    expect(table.unplaced).toEqual([{ unitCode: 'B1', unitGroup: 'ban' }]);
    expect(summary(table)).toEqual(expectedRows);
  });
});
