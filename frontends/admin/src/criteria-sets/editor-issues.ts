/**
 * The issues shown next to each node of the draft: the server's validation of the draft when it
 * has answered for exactly this draft, otherwise the editor's own pre-save checks.
 */
import type { CriteriaSetView } from '@par/contracts';
import { checkDraft } from './criteria-tree';
import type { DraftIssue, EditorNode } from './criteria-tree';

/**
 * Server issues name the node by its position in the list sent, which is the draft's display
 * order; set-level issues (no node) are returned apart.
 */
export function issuesByNodeKey(
  nodes: readonly EditorNode[],
  view: CriteriaSetView | null,
  localMessage: (issue: DraftIssue) => string,
): { byKey: Map<string, string[]>; setIssues: string[]; count: number } {
  const byKey = new Map<string, string[]>();
  const add = (key: string, message: string) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(message)) byKey.set(key, [...list, message]);
  };
  const setIssues: string[] = [];
  let count = 0;
  if (view) {
    for (const issue of view.issues) {
      count += 1;
      const node = issue.nodeIndex === null ? undefined : nodes[issue.nodeIndex];
      if (node) add(node.key, issue.message);
      else setIssues.push(issue.message);
    }
  } else {
    for (const issue of checkDraft(nodes)) {
      count += 1;
      add(issue.nodeKey, localMessage(issue));
    }
  }
  return { byKey, setIssues, count };
}
