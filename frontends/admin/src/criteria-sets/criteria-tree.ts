/**
 * The editor's working copy of a set's tree and every change the editor makes to it (move, add,
 * delete, edit), as pure functions on a flat list in display order, and the search. Nodes carry
 * a local key, so a code can be edited without losing the node's children. Sums, totals and
 * issues are the scoring kernel's (`@par/scoring`), run on `toCriterionNodes` (see
 * `editor-issues.ts`).
 */
import type { CriterionNode } from '@par/contracts';

export interface EditorNode extends Omit<CriterionNode, 'parentCode'> {
  /** Stable for the editing session; never sent to the server. */
  key: string;
  parentKey: string | null;
}

/** `inside` makes the node the last child, `firstChild` the first (where the tree drops onto a node). */
export type DropPosition = 'before' | 'after' | 'inside' | 'firstChild';
export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

let keySeed = 0;
export const newKey = (): string => `n${++keySeed}`;

export function toEditorNodes(nodes: readonly CriterionNode[]): EditorNode[] {
  const keyByCode = new Map<string, string>();
  const withKeys = nodes.map(({ parentCode, ...node }) => {
    const key = newKey();
    keyByCode.set(node.code, key);
    return { node, parentCode, key };
  });
  const editor = withKeys.map(({ node, parentCode, key }) => ({
    ...node,
    key,
    parentKey: parentCode === null ? null : (keyByCode.get(parentCode) ?? null),
  }));
  return inDisplayOrder(editor);
}

/** The contract's flat list: display order, each node naming its parent by code. */
export function toCriterionNodes(nodes: readonly EditorNode[]): CriterionNode[] {
  const codeByKey = new Map(nodes.map((node) => [node.key, node.code]));
  return inDisplayOrder(nodes).map(({ key: _key, parentKey, ...node }) => ({
    ...node,
    parentCode: parentKey === null ? null : (codeByKey.get(parentKey) ?? null),
  }));
}

export function childrenOf(nodes: readonly EditorNode[], parentKey: string | null): EditorNode[] {
  return nodes.filter((node) => node.parentKey === parentKey);
}

export function isLeaf(nodes: readonly EditorNode[], key: string): boolean {
  return !nodes.some((node) => node.parentKey === key);
}

/** The node and everything below it. */
export function subtreeKeys(nodes: readonly EditorNode[], key: string): Set<string> {
  const keys = new Set([key]);
  // Display order puts descendants after their ancestor, but a list being rebuilt may not be.
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (node.parentKey !== null && keys.has(node.parentKey) && !keys.has(node.key)) {
        keys.add(node.key);
        grew = true;
      }
    }
  }
  return keys;
}

/** Preorder (parent, then its children in their order): the order the contract stores. */
export function inDisplayOrder<T extends { key: string; parentKey: string | null }>(
  nodes: readonly T[],
): T[] {
  const keys = new Set(nodes.map((node) => node.key));
  const byParent = new Map<string | null, T[]>();
  for (const node of nodes) {
    // An orphan (its parent missing) is kept at the top level rather than dropped.
    const parent = node.parentKey !== null && keys.has(node.parentKey) ? node.parentKey : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), node]);
  }
  const ordered: T[] = [];
  const visit = (parent: string | null) => {
    for (const node of byParent.get(parent) ?? []) {
      ordered.push(node);
      visit(node.key);
    }
  };
  visit(null);
  return ordered;
}

/**
 * Moves a node with its subtree before, after or inside another one (drag and drop). Dropping a
 * node into its own subtree changes nothing.
 */
export function moveNode(
  nodes: readonly EditorNode[],
  dragKey: string,
  targetKey: string,
  position: DropPosition,
): EditorNode[] {
  if (dragKey === targetKey || subtreeKeys(nodes, dragKey).has(targetKey)) return [...nodes];
  const dragged = nodes.find((node) => node.key === dragKey);
  const target = nodes.find((node) => node.key === targetKey);
  if (!dragged || !target) return [...nodes];
  const parentKey =
    position === 'inside' || position === 'firstChild' ? target.key : target.parentKey;
  const moved = { ...dragged, parentKey };
  const rest = nodes.filter((node) => node.key !== dragKey);
  let index: number;
  if (position === 'firstChild') {
    index = rest.findIndex((node) => node.key === target.key) + 1;
  } else if (position === 'inside') {
    // As the last child: after the target's last descendant.
    const below = subtreeKeys(rest, target.key);
    index = Math.max(...rest.map((node, i) => (below.has(node.key) ? i : -1))) + 1;
  } else if (position === 'before') {
    index = rest.findIndex((node) => node.key === targetKey);
  } else {
    const below = subtreeKeys(rest, target.key);
    index = Math.max(...rest.map((node, i) => (below.has(node.key) ? i : -1))) + 1;
  }
  const next = [...rest];
  next.splice(index, 0, moved);
  return inDisplayOrder(next);
}

/**
 * Where a drop lands, from what the tree reports: on a node (its first child, as Ant Design's
 * tree shows it), or in the gap above or below it. `dropPosition` is relative to the parent's
 * children and `pos` is the target's path (`0-2-1`), so the gap is above when their difference
 * is -1. Just below an open parent with children is its first child too.
 */
export function dropPositionOf(info: {
  dropToGap: boolean;
  dropPosition: number;
  pos: string;
  expanded: boolean;
  hasChildren: boolean;
}): DropPosition {
  if (!info.dropToGap) return 'firstChild';
  const parts = info.pos.split('-');
  const relative = info.dropPosition - Number(parts[parts.length - 1]);
  if (relative === -1) return 'before';
  return info.expanded && info.hasChildren ? 'firstChild' : 'after';
}

/** Alt + arrow keys: swap with a sibling, indent under the previous sibling, or outdent. */
export function moveByKeyboard(
  nodes: readonly EditorNode[],
  key: string,
  move: KeyboardMove,
): EditorNode[] {
  const node = nodes.find((n) => n.key === key);
  if (!node) return [...nodes];
  const siblings = childrenOf(nodes, node.parentKey);
  const at = siblings.findIndex((n) => n.key === key);
  const previous = siblings[at - 1];
  const following = siblings[at + 1];
  switch (move) {
    case 'up':
      return previous ? moveNode(nodes, key, previous.key, 'before') : [...nodes];
    case 'down':
      return following ? moveNode(nodes, key, following.key, 'after') : [...nodes];
    case 'indent':
      return previous ? moveNode(nodes, key, previous.key, 'inside') : [...nodes];
    case 'outdent':
      return node.parentKey === null ? [...nodes] : moveNode(nodes, key, node.parentKey, 'after');
  }
}

/** A new node's defaults: a leaf scored by hand, one or two evidence files, explanation needed. */
export function blankNode(code: string, parentKey: string | null): EditorNode {
  return {
    key: newKey(),
    parentKey,
    code,
    title: '',
    guidanceForUnits: '',
    guidanceForAppraisers: '',
    maxScore: 100,
    capped: false,
    rule: { type: 'manual', min: 0, max: 100, step: 25 },
    evidence: { min: 1, max: 2 },
    explanationRequired: true,
    appraiserUnitCode: null,
  };
}

/** The next free code under a parent: `3.2` has children `3.2.1`, `3.2.2` → `3.2.3`. */
export function nextChildCode(nodes: readonly EditorNode[], parentKey: string | null): string {
  const parent = parentKey === null ? null : nodes.find((node) => node.key === parentKey);
  const prefix = parent ? `${parent.code}.` : '';
  const taken = new Set(nodes.map((node) => node.code));
  let n = childrenOf(nodes, parentKey).length + 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/**
 * Adds a child as the last one; the parent stops being a leaf, so its rule goes (the contract
 * forbids a rule on a node with children).
 */
export function addChild(
  nodes: readonly EditorNode[],
  parentKey: string | null,
): { nodes: EditorNode[]; key: string } {
  const child = blankNode(nextChildCode(nodes, parentKey), parentKey);
  const next = nodes.map((node) => (node.key === parentKey ? { ...node, rule: null } : node));
  return { nodes: inDisplayOrder([...next, child]), key: child.key };
}

/** Adds a sibling right after the node (and its subtree). */
export function addSibling(
  nodes: readonly EditorNode[],
  key: string,
): { nodes: EditorNode[]; key: string } {
  const node = nodes.find((n) => n.key === key);
  if (!node) return addChild(nodes, null);
  const sibling = blankNode(nextChildCode(nodes, node.parentKey), node.parentKey);
  const withSibling = inDisplayOrder([...nodes, sibling]);
  return { nodes: moveNode(withSibling, sibling.key, key, 'after'), key: sibling.key };
}

/** Deletes the node and its subtree; a parent left without children becomes a leaf to score. */
export function removeNode(nodes: readonly EditorNode[], key: string): EditorNode[] {
  const gone = subtreeKeys(nodes, key);
  const node = nodes.find((n) => n.key === key);
  const rest = nodes.filter((n) => !gone.has(n.key));
  if (!node || node.parentKey === null || childrenOf(rest, node.parentKey).length > 0) return rest;
  return rest.map((n) =>
    n.key === node.parentKey && n.rule === null
      ? { ...n, rule: { type: 'manual', min: 0, max: n.maxScore, step: 25 } }
      : n,
  );
}

export function updateNode(
  nodes: readonly EditorNode[],
  key: string,
  patch: Partial<Omit<EditorNode, 'key' | 'parentKey'>>,
): EditorNode[] {
  return nodes.map((node) => (node.key === key ? { ...node, ...patch } : node));
}

/** Lower case without diacritics, so `dich vu cong` finds `Dịch vụ công`. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * The nodes whose code or title contains the query, and their ancestors (kept so the tree can
 * show where a match sits). An empty query matches everything.
 */
export function searchNodes(
  nodes: readonly EditorNode[],
  query: string,
): { matches: Set<string>; visible: Set<string> } {
  const q = foldForSearch(query.trim());
  if (!q) {
    const all = new Set(nodes.map((node) => node.key));
    return { matches: new Set(), visible: all };
  }
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const matches = new Set<string>();
  const visible = new Set<string>();
  for (const node of nodes) {
    if (!foldForSearch(`${node.code} ${node.title}`).includes(q)) continue;
    matches.add(node.key);
    for (let at: EditorNode | undefined = node; at; at = byKey.get(at.parentKey ?? '')) {
      visible.add(at.key);
    }
  }
  return { matches, visible };
}

/** Splits a text around the query's matches (diacritics ignored) for highlighting. */
export function highlightParts(
  text: string,
  query: string,
): Array<{ text: string; match: boolean }> {
  const q = foldForSearch(query.trim());
  if (!q) return [{ text, match: false }];
  // Folding keeps one character per character for Vietnamese letters, so indices line up.
  const folded = foldForSearch(text);
  if (folded.length !== text.length) return [{ text, match: false }];
  const parts: Array<{ text: string; match: boolean }> = [];
  let from = 0;
  for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
