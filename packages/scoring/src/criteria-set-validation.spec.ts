import { CriterionNode, type CriterionNodeInput } from '@par/contracts';
import { checkCriterionNode, validateCriteriaNodes } from './criteria-set-validation';

const node = (input: CriterionNodeInput) => CriterionNode.parse(input);
const manual = (max: number) => ({ type: 'manual' as const, min: 0, max, step: 25 });

/** Area 1 (14.5) = 1.1 (10) + 1.2 (4.5); a valid little set. */
const valid = () => [
  node({ code: '1', title: 'Chỉ đạo, điều hành', maxScore: 1450 }),
  node({ code: '1.1', parentCode: '1', title: 'Kế hoạch', maxScore: 1000, rule: manual(1000) }),
  node({ code: '1.2', parentCode: '1', title: 'Báo cáo', maxScore: 450, rule: manual(450) }),
  node({ code: '2', title: 'Điều tra', maxScore: 2000, rule: { type: 'survey' } }),
];

const issueKeys = (nodes: CriterionNode[], indexCode?: string) =>
  validateCriteriaNodes(nodes, 'vi', indexCode).issues.map(
    (i) => `${i.nodeCode}:${i.field}:${i.key}`,
  );

describe('validateCriteriaNodes', () => {
  it('sums children in hundredths and totals the areas of a valid set', () => {
    const view = validateCriteriaNodes(valid());
    expect(view).toMatchObject({ valid: true, totalMax: 3450, leafCount: 3, issues: [] });
    expect(view.nodes[0]).toMatchObject({
      depth: 0,
      leaf: false,
      childrenSum: 1450,
      effectiveMax: 1450,
    });
    expect(view.nodes[1]).toMatchObject({ depth: 1, leaf: true, childrenSum: null });
  });

  it('reports a parent whose maximum differs from its children’s sum, in Vietnamese with a decimal comma', () => {
    const nodes = valid();
    nodes[0] = { ...nodes[0]!, maxScore: 1500 };
    const view = validateCriteriaNodes(nodes);
    expect(view.valid).toBe(false);
    expect(view.nodes[0]!.issues[0]).toMatchObject({
      field: 'maxScore',
      key: 'criterion.max.sumMismatch',
    });
    expect(view.nodes[0]!.issues[0]!.message).toContain(
      'Điểm tối đa 15 khác tổng điểm tối đa các tiêu chí con (14,5)',
    );
  });

  it('accepts a capped parent below its sum, counts the cap in the total and flags it as capped', () => {
    const nodes = valid();
    nodes[0] = { ...nodes[0]!, maxScore: 1200, capped: true };
    const view = validateCriteriaNodes(nodes);
    expect(view.valid).toBe(true);
    expect(view.nodes[0]).toMatchObject({ capped: true, childrenSum: 1450, effectiveMax: 1200 });
    expect(view.totalMax).toBe(3200);
  });

  it('refuses a capped parent whose maximum equals its children’s sum, since that cap caps nothing', () => {
    // The editor once accepted this and the server refused it; the kernel, run by both, refuses.
    const nodes = valid();
    nodes[0] = { ...nodes[0]!, capped: true };
    expect(issueKeys(nodes)).toEqual(['1:capped:criterion.max.cappedNotBelow']);
    expect(validateCriteriaNodes(nodes).issues[0]!.message).toContain(
      'điểm tối đa 14,5 không thấp hơn tổng các tiêu chí con (14,5)',
    );
  });

  it('refuses a capped parent above its children’s sum', () => {
    const nodes = valid();
    nodes[0] = { ...nodes[0]!, maxScore: 1500, capped: true };
    expect(issueKeys(nodes)).toEqual(['1:capped:criterion.max.cappedNotBelow']);
  });

  it('totals the areas’ effective maxima, not their own maxima', () => {
    // Area 1 says 15 over children worth 14.5: it can give 14.5, so the total is 14.5 + 20.
    // (The editor once added the area's own 15, the server the effective 14.5.)
    const nodes = valid();
    nodes[0] = { ...nodes[0]!, maxScore: 1500 };
    const view = validateCriteriaNodes(nodes);
    expect(view.nodes[0]).toMatchObject({ childrenSum: 1450, effectiveMax: 1450 });
    expect(view.totalMax).toBe(3450);
    expect(issueKeys(nodes)).toEqual(['1:maxScore:criterion.max.sumMismatch']);
  });

  it('points at each node that breaks a rule of a usable set, in list order', () => {
    // Ported from the editor's own checks (criteria-tree.spec.ts), now the kernel's.
    const nodes = [
      node({ code: '1', title: '1', maxScore: 1000 }),
      node({ code: '1.1', parentCode: '1', title: '1.1', maxScore: 1000, rule: manual(1000) }),
      node({ code: '1.1', parentCode: '1', title: 'Trùng', maxScore: 450 }),
      node({ code: '2', title: '2', maxScore: 500, capped: true }),
      node({
        code: '2.1',
        parentCode: '2',
        title: '2.1',
        maxScore: 500,
        rule: {
          type: 'options',
          options: [
            { key: 'a', label: 'Đạt', score: 600 },
            { key: 'b', label: 'Không', score: 0 },
          ],
        },
      }),
      node({ code: '2.2', parentCode: '2', title: '2.2', maxScore: 500, rule: manual(500) }),
      node({ code: '3', title: '3', maxScore: 100 }),
    ];
    expect(issueKeys(nodes)).toEqual([
      '1.1:code:criterion.code.duplicate',
      '2.1:rule.options.0.score:criterion.rule.scoreAboveMax',
      '3:rule:criterion.rule.required',
    ]);
    // Area 2 is capped at 5 under children worth 10: allowed, shown as capped, 5 in the total.
    const view = validateCriteriaNodes(nodes);
    expect(view.nodes[3]).toMatchObject({ capped: true, childrenSum: 1000, effectiveMax: 500 });
    expect(view.totalMax).toBe(1000 + 500 + 100);
  });

  it('reports a parent whose children sum differs from its maximum, counting a nested cap', () => {
    // 1 (10) → 1.1 capped at 3 over 1.1.1 (4) + 1.1.2 (4), and 1.2 (6): sum 3 + 6 = 9 ≠ 10.
    const nodes = [
      node({ code: '1', title: '1', maxScore: 1000 }),
      node({ code: '1.1', parentCode: '1', title: '1.1', maxScore: 300, capped: true }),
      node({ code: '1.1.1', parentCode: '1.1', title: 'a', maxScore: 400, rule: manual(400) }),
      node({ code: '1.1.2', parentCode: '1.1', title: 'b', maxScore: 400, rule: manual(400) }),
      node({ code: '1.2', parentCode: '1', title: '1.2', maxScore: 600, rule: manual(600) }),
    ];
    expect(issueKeys(nodes)).toEqual(['1:maxScore:criterion.max.sumMismatch']);
    expect(validateCriteriaNodes(nodes).issues[0]!.message).toContain('(9)');
  });

  it('names duplicate codes, missing parents and loops on the nodes at fault', () => {
    const nodes = [
      ...valid(),
      node({ code: '1.1', parentCode: '1', title: 'Trùng', maxScore: 0, rule: { type: 'survey' } }),
      node({ code: '3.1', parentCode: '3', title: 'Mồ côi', maxScore: 100, rule: manual(100) }),
      node({ code: '4', parentCode: '5', title: 'Vòng', maxScore: 100 }),
      node({ code: '5', parentCode: '4', title: 'Vòng', maxScore: 100 }),
    ];
    const keys = issueKeys(nodes);
    expect(keys).toContain('1.1:code:criterion.code.duplicate');
    expect(keys).toContain('3.1:parentCode:criterion.parent.notFound');
    expect(keys).toContain('4:parentCode:criterion.parent.cycle');
    expect(keys).toContain('5:parentCode:criterion.parent.cycle');
    const loop = validateCriteriaNodes(nodes).issues.find((i) => i.nodeCode === '4')!;
    expect(loop.message).toContain('4 → 5 → 4');
  });

  it('requires a rule on every leaf and none on a parent', () => {
    const nodes = valid();
    nodes[0] = { ...nodes[0]!, rule: manual(1450) };
    nodes[2] = { ...nodes[2]!, rule: null };
    expect(issueKeys(nodes)).toEqual([
      '1:rule:criterion.rule.notAllowed',
      '1.2:rule:criterion.rule.required',
    ]);
  });

  it('keeps option, band, boolean and manual scores within the leaf’s maximum', () => {
    const leaf = (code: string, rule: CriterionNodeInput['rule']) =>
      node({ code, title: code, maxScore: 100, rule });
    const nodes = [
      leaf('1', {
        type: 'options',
        options: [
          { key: 'A', label: 'Có', score: 150 },
          { key: 'B', label: 'Không', score: 0 },
        ],
      }),
      leaf('2', {
        type: 'ratio',
        numeratorLabel: 'a',
        denominatorLabel: 'b',
        scale: { kind: 'bands', bands: [{ minPercent: 9000, score: 200 }] },
      }),
      leaf('3', { type: 'boolean', yesScore: 101 }),
      leaf('4', manual(125)),
    ];
    expect(issueKeys(nodes)).toEqual([
      '1:rule.options.0.score:criterion.rule.scoreAboveMax',
      '2:rule.scale.bands.0.score:criterion.rule.scoreAboveMax',
      '3:rule.yesScore:criterion.rule.scoreAboveMax',
      '4:rule.max:criterion.rule.scoreAboveMax',
    ]);
  });

  it('requires a deduction leaf to have maximum 0 and lets it sit under a parent without changing the sum', () => {
    const deduction = { type: 'deduction' as const, step: 50, maxDeduction: 100 };
    const nodes = [
      ...valid(),
      node({ code: '1.3', parentCode: '1', title: 'Bị kỷ luật', maxScore: 0, rule: deduction }),
    ];
    expect(validateCriteriaNodes(nodes).valid).toBe(true);
    nodes[4] = { ...nodes[4]!, maxScore: 50 };
    expect(issueKeys(nodes)).toContain('1.3:maxScore:criterion.deduction.maxNotZero');
  });

  it('refuses a linked rule that names the set’s own index', () => {
    const nodes = [
      node({
        code: '1',
        title: 'x',
        maxScore: 100,
        rule: { type: 'linked', indexCode: 'PAR', criterionCode: '7.1' },
      }),
    ];
    expect(issueKeys(nodes, 'DTI')).toEqual([]);
    expect(issueKeys(nodes, 'PAR')).toEqual(['1:rule.indexCode:criterion.rule.linkedSameIndex']);
  });

  it('names a linked rule whose index has no set that year, or whose criterion no set has', () => {
    const linked = (code: string, criterionCode: string, indexCode = 'PAR') =>
      node({ code, title: 'x', maxScore: 100, rule: { type: 'linked', indexCode, criterionCode } });
    const nodes = [linked('1', '7.1.1'), linked('2', '9.9'), linked('3', '1', 'KHAC')];
    const links = { year: 2026, codes: new Map([['PAR', new Set(['7', '7.1', '7.1.1'])]]) };
    const view = validateCriteriaNodes(nodes, 'vi', 'DTI', links);
    expect(view.issues.map((i) => `${i.nodeCode}:${i.field}:${i.key}`)).toEqual([
      '2:rule.criterionCode:criterion.rule.linkedCriterionMissing',
      '3:rule.indexCode:criterion.rule.linkedIndexMissing',
    ]);
    expect(view.issues[0]!.message).toContain('9.9');
    expect(view.issues[1]!.message).toContain('KHAC chưa có bộ tiêu chí năm 2026');
    // Without targets (an import preview) links are not checked.
    expect(validateCriteriaNodes(nodes, 'vi', 'DTI').valid).toBe(true);
  });

  it('says an empty set cannot be used', () => {
    expect(issueKeys([])).toEqual(['null:_:criteriaSet.empty']);
  });
});

describe('checkCriterionNode', () => {
  it('checks one node on its own as the set’s validation does, for the editor’s form', () => {
    const leaf = node({
      code: '3.1',
      title: 'x',
      maxScore: 100,
      rule: { type: 'boolean', yesScore: 150 },
      evidence: { min: 3, max: 2 },
    });
    expect(checkCriterionNode(leaf, true).map((i) => `${i.field}:${i.key}`)).toEqual([
      'evidence:criterion.evidence.range',
      'rule.yesScore:criterion.rule.scoreAboveMax',
    ]);
    expect(checkCriterionNode(leaf, true, 'en')[1]!.message).toBe(
      'Score 1.5 is above the criterion’s maximum 1. Lower the score or raise the maximum.',
    );
    // A parent's rule and sums depend on the tree: only its evidence is checked here.
    expect(checkCriterionNode({ ...leaf, rule: null }, false).map((i) => i.key)).toEqual([
      'criterion.evidence.range',
    ]);
  });
});
