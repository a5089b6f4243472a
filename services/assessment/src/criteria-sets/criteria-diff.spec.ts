import { CriterionNode, type CriterionNodeInput } from '@par/contracts';
import { diffCriteriaNodes } from './criteria-diff';

const node = (input: CriterionNodeInput) => CriterionNode.parse(input);
const manual = (max: number) => ({ type: 'manual' as const, min: 0, max, step: 25 });

const before = [
  node({ code: '1', title: 'Lĩnh vực', maxScore: 1450 }),
  node({ code: '1.1', parentCode: '1', title: 'Kế hoạch', maxScore: 1000, rule: manual(1000) }),
  node({ code: '1.2', parentCode: '1', title: 'Báo cáo', maxScore: 450, rule: manual(450) }),
  node({ code: '2', title: 'Bỏ đi', maxScore: 500, rule: manual(500) }),
];

describe('diffCriteriaNodes', () => {
  it('lists added, removed and changed nodes with the fields that changed, maxima and totals', () => {
    const after = [
      node({ code: '1', title: 'Lĩnh vực', maxScore: 1500 }),
      node({ code: '1.2', parentCode: '1', title: 'Báo cáo', maxScore: 500, rule: manual(500) }),
      node({
        code: '1.1',
        parentCode: '1',
        title: 'Kế hoạch năm',
        maxScore: 1000,
        rule: manual(1000),
      }),
      node({ code: '3', title: 'Mới', maxScore: 200, rule: { type: 'boolean', yesScore: 200 } }),
    ];
    const diff = diffCriteriaNodes(before, after);
    expect(diff.added).toEqual([
      { code: '3', parentCode: null, title: 'Mới', maxScore: 200, leaf: true },
    ]);
    expect(diff.removed.map((n) => n.code)).toEqual(['2']);
    expect(diff.changed.map((c) => [c.code, c.fields, c.maxBefore, c.maxAfter])).toEqual([
      ['1', ['maxScore'], 1450, 1500],
      ['1.2', ['position', 'maxScore', 'rule'], 450, 500],
      ['1.1', ['position', 'title'], 1000, 1000],
    ]);
    expect(diff).toMatchObject({ unchangedCount: 0, totalMaxBefore: 1950, totalMaxAfter: 1700 });
  });

  it('finds nothing between a set and its copy', () => {
    const diff = diffCriteriaNodes(
      before,
      before.map((n) => ({ ...n })),
    );
    expect(diff).toMatchObject({ added: [], removed: [], changed: [], unchangedCount: 4 });
  });
});
