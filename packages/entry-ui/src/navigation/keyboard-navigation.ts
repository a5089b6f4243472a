/**
 * Moving between criteria without the mouse: the order leaves are visited in (the set's display
 * order, depth first) and the keys that move: Alt+↓ / Alt+↑, also Alt+PageDown / Alt+PageUp.
 */

/** What the order needs of a node. */
export interface OrderNode {
  code: string;
  parentCode: string | null;
}

/**
 * The leaves in the order the page shows them: each area, then each of its children in list
 * order, depth first — whatever order the flat list gives them in.
 */
export function leafOrder(nodes: readonly OrderNode[]): string[] {
  const children = new Map<string | null, string[]>();
  const codes = new Set(nodes.map((node) => node.code));
  for (const node of nodes) {
    const parent = node.parentCode !== null && codes.has(node.parentCode) ? node.parentCode : null;
    const list = children.get(parent) ?? [];
    list.push(node.code);
    children.set(parent, list);
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (code: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    const kids = children.get(code);
    if (!kids || kids.length === 0) order.push(code);
    else for (const kid of kids) visit(kid);
  };
  for (const top of children.get(null) ?? []) visit(top);
  return order;
}

export type Move = 'next' | 'previous';

/** The key pressed as a move between criteria, or null for any other key. */
export function moveOf(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): Move | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.key === 'ArrowDown' || event.key === 'PageDown') return 'next';
  if (event.key === 'ArrowUp' || event.key === 'PageUp') return 'previous';
  return null;
}

/**
 * The leaf to move to from `current` (null: from before the first); stays at the ends rather
 * than wrapping, so holding the key never jumps from the last criterion back to the first.
 */
export function neighbour(
  order: readonly string[],
  current: string | null,
  move: Move,
): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return move === 'next' ? order[0]! : order[order.length - 1]!;
  const to = move === 'next' ? Math.min(order.length - 1, at + 1) : Math.max(0, at - 1);
  return order[to]!;
}

/** The element id of a criterion's section on the page (codes such as `1.2.a` stay readable). */
export const criterionAnchor = (code: string) => `criterion-${code}`;
