import { CriterionNode } from '@par/contracts';
import type { CriteriaSetView, CriterionNodeInput } from '@par/contracts';
import { toCriterionNodes, toEditorNodes, updateNode } from './criteria-tree';
import { draftView, figuresByKey, issuesByNodeKey, needsServerCheck } from './editor-issues';

/** A node as the contract fills it in; under a parent, scored by hand up to its maximum. */
const node = (
  code: string,
  parentCode: string | null,
  maxScore: number,
  extra: Partial<CriterionNodeInput> = {},
): CriterionNode =>
  CriterionNode.parse({
    code,
    parentCode,
    title: `Tiêu chí ${code}`,
    maxScore,
    rule: parentCode ? { type: 'manual', min: 0, max: maxScore, step: 25 } : null,
    ...extra,
  });
const options = { locale: 'vi' as const, indexCode: 'PAR', missingTitle: 'untitled', invalid: '?' };
const viewOf = (nodes: ReturnType<typeof toEditorNodes>) =>
  draftView(toCriterionNodes(nodes), options);

/** Area 1 (14,5) → 1.1 (10) and 1.2 (4,5); area 2 (5) → 2.1 (5). */
const sample = () =>
  toEditorNodes([
    node('1', null, 1450),
    node('1.1', '1', 1000),
    node('1.2', '1', 450),
    node('2', null, 500),
    node('2.1', '2', 500),
  ]);

describe('editor issues', () => {
  it('sums children and the total in exact hundredths, by node key', () => {
    const nodes = sample();
    const view = viewOf(nodes);
    expect([view.totalMax, view.leafCount, view.valid]).toEqual([1950, 3, true]);
    const figures = figuresByKey(nodes, view);
    expect(figures.get(nodes[0]!.key)).toMatchObject({ leaf: false, childrenSum: 1450 });
    expect(figures.get(nodes[1]!.key)).toMatchObject({ leaf: true, childrenSum: null });
  });

  it('totals an area by its effective maximum, as the server does', () => {
    // Area 1 says 15 over children worth 14,5: the total counts 14,5 (the editor once said 20).
    const nodes = sample();
    const view = viewOf(updateNode(nodes, nodes[0]!.key, { maxScore: 1500 }));
    expect(view.totalMax).toBe(1950);
    expect(view.issues.map((i) => i.key)).toEqual(['criterion.max.sumMismatch']);
  });

  it('refuses a capped area whose maximum equals its children’s sum, as the server does', () => {
    // The editor once accepted this mark; the kernel both run refuses it.
    const nodes = sample();
    const { byKey, fieldsByKey, count } = issuesByNodeKey(
      nodes,
      viewOf(updateNode(nodes, nodes[0]!.key, { capped: true })),
    );
    expect(count).toBe(1);
    expect(byKey.get(nodes[0]!.key)?.[0]).toContain('không thấp hơn tổng các tiêu chí con (14,5)');
    expect(fieldsByKey.get(nodes[0]!.key)?.[0]?.field).toBe('capped');
  });

  it('shows a sum mismatch on the area in Vietnamese with decimal commas', () => {
    const nodes = toEditorNodes([node('1', null, 1000), node('1.1', '1', 500)]);
    const { byKey, count } = issuesByNodeKey(nodes, viewOf(nodes));
    expect(count).toBe(1);
    expect(byKey.get(nodes[0]!.key)).toEqual([
      'Điểm tối đa 10 khác tổng điểm tối đa các tiêu chí con (5). Hãy sửa cho bằng nhau, hoặc đánh dấu «giới hạn điểm» nếu cố ý để thấp hơn.',
    ]);
  });

  it('names a new node without a title, which the server would refuse on save', () => {
    const nodes = toEditorNodes([{ ...node('1', null, 500), title: '' }, node('1.1', '1', 500)]);
    const view = viewOf(nodes);
    expect(view.valid).toBe(false);
    expect(issuesByNodeKey(nodes, view).byKey.get(nodes[0]!.key)).toEqual(['untitled']);
  });

  it('asks the server only about linked rules, whose targets only it can read', () => {
    expect(needsServerCheck(toCriterionNodes(sample()))).toBe(false);
    const linked = node('1', null, 100, {
      rule: { type: 'linked', indexCode: 'DTI', criterionCode: '1.1' },
    });
    expect(needsServerCheck([linked])).toBe(true);
  });

  it('puts the server’s issues on the node at their position, and set-level ones apart', () => {
    const nodes = toEditorNodes([node('1', null, 1000), node('1.1', '1', 500)]);
    const issue = (nodeIndex: number | null, message: string) => ({
      nodeCode: nodeIndex === null ? null : nodes[nodeIndex]!.code,
      nodeIndex,
      field: 'maxScore',
      key: 'k',
      message,
    });
    const view: CriteriaSetView = {
      totalMax: 1000,
      leafCount: 1,
      valid: false,
      nodes: [],
      issues: [
        issue(null, 'Bộ tiêu chí trống'),
        issue(1, 'Điểm vượt quá'),
        issue(1, 'Điểm vượt quá'),
      ],
    };
    const { byKey, fieldsByKey, setIssues, count } = issuesByNodeKey(nodes, view);
    expect(setIssues).toEqual(['Bộ tiêu chí trống']);
    expect(byKey.get(nodes[1]!.key)).toEqual(['Điểm vượt quá']);
    expect(byKey.has(nodes[0]!.key)).toBe(false);
    expect(fieldsByKey.get(nodes[1]!.key)?.[0]).toEqual({
      field: 'maxScore',
      message: 'Điểm vượt quá',
    });
    expect(count).toBe(3);
  });
});
