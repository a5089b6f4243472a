/**
 * A leaf's rule inputs as the page holds them (text in the user's language) ⇄ as the API holds
 * them (integer hundredths), and the live score the kernel gives for what is typed now. The
 * unit's self-score and the appraiser's score are typed into the same inputs.
 */
import type { EntryInputs, Locale, UnitCriterionNode } from '@par/contracts';
import { hundredthsToInput, leafScore, parseHundredths, unparsable } from '@par/scoring';
import type { LeafInputs, LeafScore } from '@par/scoring';

/** What is typed into a leaf's rule input; numbers stay text until they are saved. */
export interface RuleDraft {
  /** `manual`: the score, as typed (`12,5`). */
  value: string;
  optionKey: string | null;
  /** `ratio`: two whole numbers, as typed. */
  numerator: string;
  denominator: string;
  yes: boolean | null;
  /** `deduction`: the points taken off, as typed. */
  penalty: string;
}

export const emptyRuleDraft: RuleDraft = {
  value: '',
  optionKey: null,
  numerator: '',
  denominator: '',
  yes: null,
  penalty: '',
};

/** The node's fields the rule logic needs (a `UnitCriterionNode` fits). */
export type RuleNode = Pick<UnitCriterionNode, 'code' | 'maxScore' | 'rule'>;

const wholeNumber = (hundredths: number | null | undefined) =>
  hundredths === null || hundredths === undefined ? '' : String(hundredths);

/** Saved inputs as the fields show them; none yet is an empty draft. */
export function inputsToRuleDraft(
  inputs: EntryInputs | null | undefined,
  locale: Locale,
): RuleDraft {
  if (!inputs) return emptyRuleDraft;
  return {
    value: hundredthsToInput(inputs.value, locale),
    optionKey: inputs.optionKey ?? null,
    numerator: wholeNumber(inputs.numerator),
    denominator: wholeNumber(inputs.denominator),
    yes: inputs.yes ?? null,
    penalty: hundredthsToInput(inputs.penalty, locale),
  };
}

/** A field typed that is not a number, so nothing can be saved until it is fixed. */
export type InvalidField = keyof LeafInputs;

export interface DraftInputs {
  inputs: EntryInputs;
  /** The first field whose text is not a number of the right kind, or null. */
  invalid: InvalidField | null;
}

/** A ratio's figures are whole numbers: `1.234` (vi grouping) is 1234, `12,5` is refused. */
function parseWhole(text: string): number | null | typeof unparsable {
  const hundredths = parseHundredths(text);
  if (hundredths === null || hundredths === unparsable) return hundredths;
  return hundredths % 100 === 0 ? hundredths / 100 : unparsable;
}

/** The inputs the leaf's rule reads, from the draft; other rules' fields are left out. */
export function draftToInputs(node: RuleNode, draft: RuleDraft): DraftInputs {
  const inputs: EntryInputs = {};
  let invalid: InvalidField | null = null;
  const number = (field: 'value' | 'penalty' | 'numerator' | 'denominator', text: string) => {
    const parsed =
      field === 'numerator' || field === 'denominator' ? parseWhole(text) : parseHundredths(text);
    if (parsed === unparsable) {
      invalid ??= field;
      inputs[field] = null;
    } else inputs[field] = parsed;
  };
  switch (node.rule?.type) {
    case 'manual':
      number('value', draft.value);
      break;
    case 'options':
      inputs.optionKey = draft.optionKey;
      break;
    case 'ratio':
      number('numerator', draft.numerator);
      number('denominator', draft.denominator);
      break;
    case 'boolean':
      inputs.yes = draft.yes;
      break;
    case 'deduction':
      number('penalty', draft.penalty);
      break;
    default:
      // Survey and linked leaves take no typed inputs.
      break;
  }
  return { inputs, invalid };
}

/** True for rules whose score reaches the leaf from elsewhere (survey, another index). */
export const isFilledElsewhere = (node: RuleNode) =>
  node.rule?.type === 'survey' || node.rule?.type === 'linked';

/** The score the server holds for a leaf filled elsewhere (an `Entry` fits). */
export interface HeldScore {
  score: number | null;
}

/**
 * The leaf's score for what is typed now, by the shared kernel; survey and linked leaves show
 * the score the server holds for them.
 */
export function liveScore(node: RuleNode, draft: RuleDraft, saved: HeldScore | null): LeafScore {
  if (isFilledElsewhere(node)) {
    return saved?.score === null || saved?.score === undefined
      ? { ok: false, reason: 'missingInput', field: 'value' }
      : { ok: true, score: saved.score };
  }
  const { inputs, invalid } = draftToInputs(node, draft);
  if (invalid) return { ok: false, reason: 'notHundredths', field: invalid };
  return leafScore(node, inputs);
}

const ruleFields = ['value', 'optionKey', 'numerator', 'denominator', 'yes', 'penalty'] as const;
const normalise = (inputs: EntryInputs) => ruleFields.map((field) => inputs[field] ?? null);

/** Whether two drafts would save the same inputs (`12,5` and `12.50` are the same score). */
export function sameInputs(node: RuleNode, a: RuleDraft, b: RuleDraft): boolean {
  const left = draftToInputs(node, a);
  const right = draftToInputs(node, b);
  if (left.invalid || right.invalid) return ruleFields.every((field) => a[field] === b[field]);
  return JSON.stringify(normalise(left.inputs)) === JSON.stringify(normalise(right.inputs));
}
