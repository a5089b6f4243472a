/**
 * One round's appraisal of a leaf as the API holds it ⇄ as the page's fields hold it, when a
 * reason is required, and what one autosave sends. The inputs are the unit's own rule inputs
 * (`@par/entry-ui`), so the appraiser's score is computed exactly as the unit's self-score is.
 */
import type { AppraisalEntry, AppraisalRound, Locale, SaveAppraisalParams } from '@par/contracts';
import { draftToInputs, emptyRuleDraft, inputsToRuleDraft, sameInputs } from '@par/entry-ui';
import type { DraftModel, RuleDraft, RuleNode } from '@par/entry-ui';

/** What the appraiser has typed for one leaf in the current round. */
export interface AppraisalDraft extends RuleDraft {
  reason: string;
}

export const emptyAppraisalDraft: AppraisalDraft = { ...emptyRuleDraft, reason: '' };

/** The round's saved value of the entry, if any. */
export const roundValue = (entry: AppraisalEntry | null, round: AppraisalRound) =>
  (round === 1 ? entry?.round1 : entry?.round2) ?? null;

/** In round 2, an entry the unit was asked about must be settled; the others carry round 1. */
export const mustSettle = (entry: AppraisalEntry) => entry.question !== null;

/**
 * The fields as the saved entry fills them: the round's value; in round 2 an entry not
 * questioned starts from its round-1 appraisal (which it carries unless changed), a questioned
 * one starts empty, to be settled.
 */
export function entryToDraft(
  entry: AppraisalEntry | null,
  round: AppraisalRound,
  locale: Locale,
): AppraisalDraft {
  if (!entry) return emptyAppraisalDraft;
  const value =
    roundValue(entry, round) ?? (round === 2 && !mustSettle(entry) ? entry.round1 : null);
  if (!value) return emptyAppraisalDraft;
  return {
    ...inputsToRuleDraft(value.inputs, locale),
    reason: round === 2 && !entry.round2 ? '' : value.reason,
  };
}

/**
 * The score a reason is measured against, as the appraisal service measures it
 * (`reasonAgainst` in services/appraisal/src/rounds/round-rules.ts): the unit's self-score in
 * round 1, the round-1 score in round 2 (the self-score when round 1 left none).
 */
export function referenceScore(entry: AppraisalEntry, round: AppraisalRound): number | null {
  const round1 = entry.round1?.score ?? null;
  return round === 1 || round1 === null ? entry.self.score : round1;
}

/** A score that differs from the reference needs a written reason (blank text does not count). */
export function reasonRequired(
  score: number | null,
  entry: AppraisalEntry,
  round: AppraisalRound,
): boolean {
  if (score === null) return false;
  return score !== referenceScore(entry, round);
}

export const reasonMissing = (
  score: number | null,
  reason: string,
  entry: AppraisalEntry,
  round: AppraisalRound,
) => reasonRequired(score, entry, round) && reason.trim() === '';

/** Whether the entry counts as appraised in the round (as the server counts it). */
export function isAppraised(entry: AppraisalEntry, round: AppraisalRound): boolean {
  return round === 1 ? (entry.round1?.score ?? null) !== null : entry.round2Score !== null;
}

/** What one autosave sends: the round's whole value, so a retry is harmless. */
export function saveParams(
  periodId: string,
  unitCode: string,
  node: RuleNode,
  round: AppraisalRound,
  draft: AppraisalDraft,
  version: number,
): SaveAppraisalParams {
  return {
    periodId,
    unitCode,
    criterionCode: node.code,
    round,
    version,
    inputs: draftToInputs(node, draft).inputs,
    reason: draft.reason,
  };
}

/** How the shared conflict rules read one leaf's appraisal entries in a round. */
export const appraisalModel = (
  node: RuleNode,
  round: AppraisalRound,
  locale: Locale,
): DraftModel<AppraisalDraft, AppraisalEntry> => ({
  toDraft: (entry) => entryToDraft(entry, round, locale),
  same: (a, b) => a.reason === b.reason && sameInputs(node, a, b),
});
