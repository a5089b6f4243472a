/**
 * What the editor shows about the draft, from the scoring kernel's validation (the one the server
 * runs on save), run here as the admin types. Only the server can read a linked rule's targets
 * (other sets of the year), so for a draft with linked rules its answer, when it is for exactly
 * this draft, is shown instead. The contract's node schema, which the server checks before
 * anything else, adds what a draft can hold and a save cannot: a new node has no title yet.
 */
import { CriterionNode, formatMessage, isMessageKey } from '@par/contracts';
import type { CriteriaSetIssue, CriteriaSetView, CriterionNodeView, Locale } from '@par/contracts';
import { validateCriteriaNodes } from '@par/scoring';
import type { EditorNode } from './criteria-tree';

/** Whether only the server can finish checking the draft (a linked rule's target). */
export const needsServerCheck = (nodes: readonly CriterionNode[]): boolean =>
  nodes.some((node) => node.rule?.type === 'linked');

/**
 * The kernel's view of the draft (in display order, as the server would get it), with the
 * schema's refusals added as issues of their nodes. `missingTitle` is the text for a node
 * without a title, `invalid` for anything else the schema refuses without a catalogue key.
 */
export function draftView(
  nodes: readonly CriterionNode[],
  options: { locale: Locale; indexCode: string; missingTitle: string; invalid: string },
): CriteriaSetView {
  const view = validateCriteriaNodes(nodes, options.locale, options.indexCode);
  const schemaIssues: CriteriaSetIssue[] = [];
  nodes.forEach((node, nodeIndex) => {
    const parsed = CriterionNode.safeParse(node);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      const message =
        field === 'title'
          ? options.missingTitle
          : isMessageKey(issue.message)
            ? formatMessage(issue.message, {}, options.locale)
            : options.invalid;
      schemaIssues.push({ nodeCode: node.code, nodeIndex, field, key: issue.message, message });
    }
  });
  if (schemaIssues.length === 0) return view;
  return { ...view, valid: false, issues: [...view.issues, ...schemaIssues] };
}

/**
 * The view's issues by the editor's node keys. Issues name the node by its position in the list
 * validated, which is the draft's display order; set-level issues (no node) are returned apart.
 */
export function issuesByNodeKey(
  nodes: readonly EditorNode[],
  view: CriteriaSetView,
): {
  byKey: Map<string, string[]>;
  /** Issues by node and by the node's field (`maxScore`, `rule.options.1.score`). */
  fieldsByKey: Map<string, Array<{ field: string; message: string }>>;
  setIssues: string[];
  count: number;
} {
  const byKey = new Map<string, string[]>();
  const fieldsByKey = new Map<string, Array<{ field: string; message: string }>>();
  const setIssues: string[] = [];
  for (const issue of view.issues) {
    const node = issue.nodeIndex === null ? undefined : nodes[issue.nodeIndex];
    if (!node) {
      setIssues.push(issue.message);
      continue;
    }
    const list = byKey.get(node.key) ?? [];
    if (!list.includes(issue.message)) byKey.set(node.key, [...list, issue.message]);
    fieldsByKey.set(node.key, [
      ...(fieldsByKey.get(node.key) ?? []),
      { field: issue.field, message: issue.message },
    ]);
  }
  return { byKey, fieldsByKey, setIssues, count: view.issues.length };
}

/** The view's figures of each node (leaf, children's sum, effective maximum, capped) by node key. */
export function figuresByKey(
  nodes: readonly EditorNode[],
  view: CriteriaSetView,
): Map<string, CriterionNodeView> {
  const figures = new Map<string, CriterionNodeView>();
  nodes.forEach((node, i) => {
    const figure = view.nodes[i];
    if (figure) figures.set(node.key, figure);
  });
  return figures;
}
