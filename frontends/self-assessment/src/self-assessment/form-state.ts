/**
 * A leaf's entry as the API holds it ⇄ as its inputs hold it (text in the user's language), and
 * the live score the kernel gives for what is typed now.
 */
import type { Entry, Locale, SaveEntryParams } from '@par/contracts';
import { draftToInputs, emptyRuleDraft, inputsToRuleDraft, sameInputs } from '@par/entry-ui';
import type { DraftModel, RuleDraft, RuleNode } from '@par/entry-ui';

export { draftToInputs, isFilledElsewhere, liveScore } from '@par/entry-ui';
export type { DraftInputs, InvalidField } from '@par/entry-ui';

/** What the officer has typed for one leaf: the rule's inputs and the texts. */
export interface EntryDraft extends RuleDraft {
  explanation: string;
  missingEvidenceExplanation: string;
}

export const emptyDraft: EntryDraft = {
  ...emptyRuleDraft,
  explanation: '',
  missingEvidenceExplanation: '',
};

/** The node's fields the page's logic needs (a `UnitCriterionNode` fits). */
export type EntryNode = RuleNode;

/** The saved entry as its inputs show it; no entry yet is an empty draft. */
export function entryToDraft(entry: Entry | null | undefined, locale: Locale): EntryDraft {
  if (!entry) return emptyDraft;
  return {
    ...inputsToRuleDraft(entry.inputs, locale),
    explanation: entry.explanation,
    missingEvidenceExplanation: entry.missingEvidenceExplanation,
  };
}

/** What one autosave sends for the leaf: the whole entry, so a retry is harmless. */
export function saveParams(
  periodId: string,
  node: EntryNode,
  draft: EntryDraft,
  version: number,
): SaveEntryParams {
  return {
    periodId,
    criterionCode: node.code,
    version,
    inputs: draftToInputs(node, draft).inputs,
    explanation: draft.explanation,
    missingEvidenceExplanation: draft.missingEvidenceExplanation,
  };
}

/** Whether two drafts would save the same entry (`12,5` and `12.50` are the same score). */
export function sameContent(node: EntryNode, a: EntryDraft, b: EntryDraft): boolean {
  if (a.explanation !== b.explanation) return false;
  if (a.missingEvidenceExplanation !== b.missingEvidenceExplanation) return false;
  return sameInputs(node, a, b);
}

/** How the shared conflict rules read one leaf's entries. */
export const entryModel = (node: EntryNode, locale: Locale): DraftModel<EntryDraft, Entry> => ({
  toDraft: (entry) => entryToDraft(entry, locale),
  same: (a, b) => sameContent(node, a, b),
});
