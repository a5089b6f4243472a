/**
 * The tree a criteria set's flat node list makes (each node names its parent by code), with what
 * keeps it from being one: duplicate codes, missing parents, loops. Pure.
 */
import type { CriterionNode } from '@par/contracts';

/** The shape of the tree made by a node list, with what keeps it from being a tree. */
export interface CriteriaTree {
  /** Children's positions for each position, in list order. */
  children: number[][];
  /** Depth of each node; nodes on a loop or under one get 0. */
  depth: number[];
  /** Position of each node's parent, or null for an area or an unresolvable parent. */
  parentOf: Array<number | null>;
  /** Positions of the areas (top-level nodes), in list order. */
  roots: number[];
  /** For each later duplicate, the position of the first node with that code. */
  duplicateOf: Map<number, number>;
  /** Nodes whose parent code names no node. */
  missingParent: Set<number>;
  /** Nodes on a loop, with the loop as codes (`1 → 1.1 → 1`). */
  cycle: Map<number, string>;
}

/** What the shape needs of a node. */
export type TreeNode = Pick<CriterionNode, 'code' | 'parentCode'>;

/**
 * A later node with an already used code is left out of the tree (its children join the first
 * node with that code); so are the nodes on a loop. A node whose parent is missing heads a tree
 * of its own that is not an area.
 */
export function buildCriteriaTree(nodes: readonly TreeNode[]): CriteriaTree {
  const firstOf = new Map<string, number>();
  const duplicateOf = new Map<number, number>();
  nodes.forEach((node, i) => {
    const first = firstOf.get(node.code);
    if (first === undefined) firstOf.set(node.code, i);
    else duplicateOf.set(i, first);
  });

  const parentOf: Array<number | null> = nodes.map(() => null);
  const missingParent = new Set<number>();
  nodes.forEach((node, i) => {
    if (node.parentCode === null) return;
    const parent = firstOf.get(node.parentCode);
    if (parent === undefined) missingParent.add(i);
    else parentOf[i] = parent;
  });

  // Walk up from each node; meeting a node of the current walk again is a loop.
  const cycle = new Map<number, string>();
  const state: Array<'new' | 'walking' | 'done'> = nodes.map(() => 'new');
  for (let start = 0; start < nodes.length; start++) {
    const walk: number[] = [];
    let at: number | null = start;
    while (at !== null && state[at] === 'new') {
      state[at] = 'walking';
      walk.push(at);
      at = parentOf[at] ?? null;
    }
    if (at !== null && state[at] === 'walking') {
      const loop = walk.slice(walk.indexOf(at));
      const path = [...loop, at].map((i) => nodes[i]!.code).join(' → ');
      for (const i of loop) cycle.set(i, path);
    }
    for (const i of walk) state[i] = 'done';
  }

  const children: number[][] = nodes.map(() => []);
  const roots: number[] = [];
  nodes.forEach((_node, i) => {
    if (duplicateOf.has(i) || cycle.has(i)) return;
    const parent = parentOf[i];
    if (parent === null || parent === undefined) {
      if (!missingParent.has(i)) roots.push(i);
    } else if (!cycle.has(parent)) {
      children[parent]!.push(i);
    }
  });

  const depth = nodes.map(() => 0);
  const visit = (i: number, d: number) => {
    depth[i] = d;
    for (const child of children[i]!) visit(child, d + 1);
  };
  for (const root of roots) visit(root, 0);
  // Nodes under a missing parent still get depths relative to themselves.
  for (const i of missingParent) if (!duplicateOf.has(i) && !cycle.has(i)) visit(i, 0);

  return { children, depth, parentOf, roots, duplicateOf, missingParent, cycle };
}
