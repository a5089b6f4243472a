import type { AssignmentUnits } from '@par/contracts';
import { computeCoverage, entriesOf, unitsOf, type CoverageScope } from './coverage';

/**
 * Units A and B lie under P (not taking part), C under Q; P2 takes part under nobody. Every unit
 * is in group G, whose set has area 1 (leaves 1.1, 1.2) and area 2 (leaf 2.1 and the survey
 * leaf 2.2, which no appraiser scores): 3 appraised leaves per unit.
 */
const scope: CoverageScope = {
  units: [
    { code: 'A', name: 'Đơn vị A', unitGroup: 'G', ancestorCodes: ['P'] },
    { code: 'B', name: 'Đơn vị B', unitGroup: 'G', ancestorCodes: ['P'] },
    { code: 'C', name: 'Đơn vị C', unitGroup: 'G', ancestorCodes: ['Q', 'P2'] },
  ],
  criteriaSets: [
    {
      unitGroup: 'G',
      nodes: [
        { code: '1', parentCode: null, leaf: false, appraised: false },
        { code: '1.1', parentCode: '1', leaf: true, appraised: true },
        { code: '1.2', parentCode: '1', leaf: true, appraised: true },
        { code: '2', parentCode: null, leaf: false, appraised: false },
        { code: '2.1', parentCode: '2', leaf: true, appraised: true },
        { code: '2.2', parentCode: '2', leaf: true, appraised: false },
      ],
    },
  ],
};

const subtreeOfP = {
  id: 'S',
  criterionCodes: ['1'],
  units: { kind: 'subtree', rootCode: 'P', includeRoot: false } as AssignmentUnits,
};
const explicitAC = {
  id: 'E',
  criterionCodes: ['1.1', '2'],
  units: { kind: 'units', unitCodes: ['A', 'C'] } as AssignmentUnits,
};
const groupArea2 = {
  id: 'G2',
  criterionCodes: ['2'],
  units: { kind: 'group', unitGroup: 'G' } as AssignmentUnits,
};

describe('the entries an assignment covers', () => {
  it('takes the units below a subtree root, not the root unless asked', () => {
    expect(unitsOf(subtreeOfP.units, scope.units).map((u) => u.code)).toEqual(['A', 'B']);
    // P2 is C's grandparent: a subtree reaches every level below its root.
    expect(
      unitsOf({ kind: 'subtree', rootCode: 'P2', includeRoot: false }, scope.units).map(
        (u) => u.code,
      ),
    ).toEqual(['C']);
    expect(
      unitsOf({ kind: 'subtree', rootCode: 'A', includeRoot: true }, scope.units).map(
        (u) => u.code,
      ),
    ).toEqual(['A']);
  });

  it('expands an area to its appraised leaves, leaving the survey leaf out', () => {
    expect(Object.fromEntries(entriesOf(explicitAC, scope))).toEqual({
      A: ['1.1', '2.1'],
      C: ['1.1', '2.1'],
    });
  });

  it('covers nothing for a code the set does not have or a unit that does not take part', () => {
    const stray = {
      criterionCodes: ['9.9'],
      units: { kind: 'units', unitCodes: ['A', 'ZZ'] } as AssignmentUnits,
    };
    expect(entriesOf(stray, scope).size).toBe(0);
  });
});

describe('the coverage of a period', () => {
  it('lists a gap when nothing is assigned', () => {
    const coverage = computeCoverage(scope, []);
    expect(coverage.totals).toEqual({ units: 3, entries: 9, covered: 0, gaps: 9, overlaps: 0 });
    expect(coverage.gaps.slice(0, 3)).toEqual([
      { unitCode: 'A', criterionCode: '1.1', assignmentIds: [] },
      { unitCode: 'A', criterionCode: '1.2', assignmentIds: [] },
      { unitCode: 'A', criterionCode: '2.1', assignmentIds: [] },
    ]);
  });

  it('finds the overlap of a subtree and an explicit assignment, and the gaps they leave', () => {
    // By hand:        1.1      1.2    2.1
    //   A (under P)   S + E    S      E
    //   B (under P)   S        S      —
    //   C (under Q)   E        —      E
    const coverage = computeCoverage(scope, [subtreeOfP, explicitAC]);
    expect(coverage.totals).toEqual({ units: 3, entries: 9, covered: 6, gaps: 2, overlaps: 1 });
    expect(coverage.overlaps).toEqual([
      { unitCode: 'A', criterionCode: '1.1', assignmentIds: ['S', 'E'] },
    ]);
    expect(coverage.gaps).toEqual([
      { unitCode: 'B', criterionCode: '2.1', assignmentIds: [] },
      { unitCode: 'C', criterionCode: '1.2', assignmentIds: [] },
    ]);
    expect(coverage.units).toEqual([
      { unitCode: 'A', unitName: 'Đơn vị A', entries: 3, gaps: 0, overlaps: 1 },
      { unitCode: 'B', unitName: 'Đơn vị B', entries: 3, gaps: 1, overlaps: 0 },
      { unitCode: 'C', unitName: 'Đơn vị C', entries: 3, gaps: 1, overlaps: 0 },
    ]);
  });

  it('counts an entry twice assigned by a group and an explicit assignment as one overlap', () => {
    // Area 2's only appraised leaf is 2.1: E and G2 both hold it for A and C; G2 alone for B.
    const coverage = computeCoverage(scope, [explicitAC, groupArea2]);
    expect(coverage.overlaps.map((o) => `${o.unitCode} ${o.criterionCode}`)).toEqual([
      'A 2.1',
      'C 2.1',
    ]);
    expect(coverage.totals).toEqual({ units: 3, entries: 9, covered: 3, gaps: 4, overlaps: 2 });
  });

  it('reaches no gap and no overlap once every entry has exactly one assignment', () => {
    const coverage = computeCoverage(scope, [
      subtreeOfP,
      { id: 'C-all', criterionCodes: ['1', '2'], units: { kind: 'units', unitCodes: ['C'] } },
      { id: 'AB-2', criterionCodes: ['2'], units: { kind: 'units', unitCodes: ['A', 'B'] } },
    ]);
    expect(coverage.totals).toEqual({ units: 3, entries: 9, covered: 9, gaps: 0, overlaps: 0 });
    expect(coverage.units).toEqual([]);
  });
});
