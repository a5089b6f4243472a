import type { CriterionNode } from '@par/contracts';
import { diffCriteria } from './criteria-diff';

const node = (code: string, parentCode: string | null, maxScore: number): CriterionNode => ({
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  guidanceForUnits: '',
  guidanceForAppraisers: '',
  maxScore,
  capped: false,
  rule: parentCode ? { type: 'manual', min: 0, max: maxScore, step: 25 } : null,
  evidence: { min: 1, max: 2 },
  explanationRequired: true,
  appraiserUnitCode: null,
});

describe('criteria diff', () => {
  it('lists added, removed and changed criteria with the maxima that moved', () => {
    const before = [node('1', null, 1000), node('1.1', '1', 500), node('1.2', '1', 500)];
    const after = [
      node('1', null, 1450),
      node('1.1', '1', 500),
      { ...node('1.3', '1', 950), title: 'Mới' },
    ];
    const diff = diffCriteria(before, after);
    expect(diff.added.map((n) => n.code)).toEqual(['1.3']);
    expect(diff.removed.map((n) => n.code)).toEqual(['1.2']);
    expect(diff.changed.map((c) => [c.code, c.fields])).toEqual([['1', ['maxScore']]]);
    expect([diff.totalBefore, diff.totalAfter]).toEqual([1000, 1450]);
  });

  it('sees a changed rule and a node moved to another parent', () => {
    const before = [node('1', null, 500), node('2', null, 500), node('1.1', '1', 500)];
    const moved = {
      ...node('1.1', '2', 500),
      rule: { type: 'boolean' as const, yesScore: 500, noScore: 0 },
    };
    const diff = diffCriteria(before, [before[0]!, before[1]!, moved]);
    expect(diff.changed).toEqual([
      { code: '1.1', before: before[2], after: moved, fields: ['parentCode', 'rule'] },
    ]);
  });

  it('reports nothing between identical versions, whatever the key order', () => {
    const a = [node('1', null, 500)];
    const b = [{ ...node('1', null, 500), evidence: { max: 2, min: 1 } }];
    expect(diffCriteria(a, b)).toEqual({
      added: [],
      removed: [],
      changed: [],
      totalBefore: 500,
      totalAfter: 500,
    });
  });

  it('sees a node moved among its siblings, with the server’s field list', () => {
    const before = [node('1', null, 1000), node('1.1', '1', 500), node('1.2', '1', 500)];
    const after = [before[0]!, before[2]!, before[1]!];
    expect(diffCriteria(before, after).changed.map((c) => [c.code, c.fields])).toEqual([
      ['1.2', ['position']],
      ['1.1', ['position']],
    ]);
  });

  it('totals each version by its areas’ effective maxima, as the server does', () => {
    // Area 1 says 15 over children worth 10: the version's total is 10.
    const before = [node('1', null, 1500), node('1.1', '1', 500), node('1.2', '1', 500)];
    expect(diffCriteria(before, before).totalBefore).toBe(1000);
  });
});
