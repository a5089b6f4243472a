import type { CriterionNode } from '@par/contracts';
import {
  addChild,
  addSibling,
  dropPositionOf,
  highlightParts,
  moveByKeyboard,
  moveNode,
  removeNode,
  searchNodes,
  toCriterionNodes,
  toEditorNodes,
  updateNode,
} from './criteria-tree';
import type { EditorNode } from './criteria-tree';

const node = (
  code: string,
  parentCode: string | null,
  maxScore: number,
  extra: Partial<CriterionNode> = {},
): CriterionNode => ({
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  guidanceForUnits: '',
  guidanceForAppraisers: '',
  maxScore,
  capped: false,
  rule: null,
  evidence: { min: 1, max: 2 },
  explanationRequired: true,
  appraiserUnitCode: null,
  ...extra,
});
const manual = (max: number) => ({ type: 'manual' as const, min: 0, max, step: 25 });

/** Area 1 (14,5) → 1.1 (10) and 1.2 (4,5); area 2 (5) → 2.1 (5). */
const sample = (): CriterionNode[] => [
  node('1', null, 1450),
  node('1.1', '1', 1000, { rule: manual(1000) }),
  node('1.2', '1', 450, { rule: manual(450) }),
  node('2', null, 500),
  node('2.1', '2', 500, { rule: manual(500) }),
];
const codes = (nodes: readonly EditorNode[]) =>
  toCriterionNodes(nodes).map((n) => `${n.parentCode ?? '-'}>${n.code}`);
const keyOf = (nodes: readonly EditorNode[], code: string) =>
  nodes.find((n) => n.code === code)!.key;

describe('criteria tree', () => {
  it('round-trips the contract list exactly', () => {
    expect(toCriterionNodes(toEditorNodes(sample()))).toEqual(sample());
  });

  it('keeps children with their parent when its code is edited', () => {
    const nodes = toEditorNodes(sample());
    const renamed = updateNode(nodes, keyOf(nodes, '1'), { code: 'I' });
    expect(codes(renamed)).toEqual(['->I', 'I>1.1', 'I>1.2', '->2', '2>2.1']);
  });

  it('moves a node with drag and drop within and between parents', () => {
    const nodes = toEditorNodes(sample());
    expect(codes(moveNode(nodes, keyOf(nodes, '1.2'), keyOf(nodes, '1.1'), 'before'))).toEqual([
      '->1',
      '1>1.2',
      '1>1.1',
      '->2',
      '2>2.1',
    ]);
    expect(codes(moveNode(nodes, keyOf(nodes, '1.1'), keyOf(nodes, '2'), 'inside'))).toEqual([
      '->1',
      '1>1.2',
      '->2',
      '2>2.1',
      '2>1.1',
    ]);
    // An area moved after another takes its whole subtree along.
    expect(codes(moveNode(nodes, keyOf(nodes, '1'), keyOf(nodes, '2'), 'after'))).toEqual([
      '->2',
      '2>2.1',
      '->1',
      '1>1.1',
      '1>1.2',
    ]);
  });

  it('drops onto a parent as its first child, so any order can be reached by dragging', () => {
    const nodes = toEditorNodes(sample());
    expect(codes(moveNode(nodes, keyOf(nodes, '1.2'), keyOf(nodes, '1'), 'firstChild'))).toEqual([
      '->1',
      '1>1.2',
      '1>1.1',
      '->2',
      '2>2.1',
    ]);
    expect(codes(moveNode(nodes, keyOf(nodes, '2.1'), keyOf(nodes, '1'), 'firstChild'))).toEqual([
      '->1',
      '1>2.1',
      '1>1.1',
      '1>1.2',
      '->2',
    ]);
  });

  it('refuses to drop a node into its own subtree', () => {
    const nodes = toEditorNodes(sample());
    expect(codes(moveNode(nodes, keyOf(nodes, '1'), keyOf(nodes, '1.1'), 'inside'))).toEqual(
      codes(nodes),
    );
  });

  it('moves with the keyboard: up, down, indent under the previous sibling, outdent', () => {
    const nodes = toEditorNodes(sample());
    const k = keyOf(nodes, '1.2');
    expect(codes(moveByKeyboard(nodes, k, 'up')).slice(1, 3)).toEqual(['1>1.2', '1>1.1']);
    expect(codes(moveByKeyboard(nodes, k, 'down'))).toEqual(codes(nodes));
    expect(codes(moveByKeyboard(nodes, k, 'indent'))).toContain('1.1>1.2');
    expect(codes(moveByKeyboard(nodes, k, 'outdent'))).toEqual([
      '->1',
      '1>1.1',
      '->1.2',
      '->2',
      '2>2.1',
    ]);
  });

  it('adds a child with the next code and takes the rule off the new parent', () => {
    const nodes = toEditorNodes(sample());
    const { nodes: next, key } = addChild(nodes, keyOf(nodes, '2.1'));
    const child = next.find((n) => n.key === key)!;
    expect(child.code).toBe('2.1.1');
    expect(next.find((n) => n.code === '2.1')!.rule).toBeNull();
    const { nodes: withSibling, key: siblingKey } = addSibling(next, keyOf(next, '1.1'));
    expect(withSibling.find((n) => n.key === siblingKey)!.code).toBe('1.3');
    expect(codes(withSibling).slice(0, 4)).toEqual(['->1', '1>1.1', '1>1.3', '1>1.2']);
  });

  it('deletes a subtree, and a parent left without children gets a rule to be scored', () => {
    const nodes = toEditorNodes(sample());
    const next = removeNode(nodes, keyOf(nodes, '2.1'));
    expect(codes(next)).toEqual(['->1', '1>1.1', '1>1.2', '->2']);
    expect(next.find((n) => n.code === '2')!.rule).toEqual(manual(500));
    expect(codes(removeNode(nodes, keyOf(nodes, '1')))).toEqual(['->2', '2>2.1']);
  });

  it('finds nodes by code or title without diacritics and keeps their ancestors visible', () => {
    const nodes = toEditorNodes([
      node('1', null, 1000, { title: 'Công tác chỉ đạo' }),
      node('1.1', '1', 1000, { title: 'Dịch vụ công trực tuyến', rule: manual(1000) }),
      node('2', null, 0, { title: 'Khác' }),
    ]);
    const { matches, visible } = searchNodes(nodes, 'dich vu');
    expect([...matches]).toEqual([keyOf(nodes, '1.1')]);
    expect([...visible].sort()).toEqual([keyOf(nodes, '1'), keyOf(nodes, '1.1')].sort());
    expect(highlightParts('Dịch vụ công trực tuyến', 'dich vu')).toEqual([
      { text: 'Dịch vụ', match: true },
      { text: ' công trực tuyến', match: false },
    ]);
  });
  it('reads a drop above, on, or below a node as the tree reports it', () => {
    const at = (dropToGap: boolean, dropPosition: number, expanded = false, hasChildren = false) =>
      dropPositionOf({ dropToGap, dropPosition, pos: '0-2-1', expanded, hasChildren });
    expect(at(false, 1)).toBe('firstChild');
    expect(at(true, 0)).toBe('before');
    expect(at(true, 2)).toBe('after');
    // Just below an open parent the node joins its children rather than following the subtree.
    expect(at(true, 2, true, true)).toBe('firstChild');
    expect(at(true, 2, false, true)).toBe('after');
  });
});
