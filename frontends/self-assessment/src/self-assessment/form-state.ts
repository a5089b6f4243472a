/**
 * A leaf's entry as the API holds it ⇄ as its inputs hold it (text in the user's language), and
 * the live score the kernel gives for what is typed now.
 */
import type {
  Entry,
  EntryInputs,
  Locale,
  SaveEntryParams,
  UnitCriterionNode,
} from '@par/contracts';
import { hundredthsToInput, leafScore, parseHundredths, unparsable } from '@par/scoring';
import type { LeafInputs, LeafScore } from '@par/scoring';

/** What the officer has typed for one leaf; numbers stay text until they are saved. */
export interface EntryDraft {
  /** `manual`: the score, as typed (`12,5`). */
  value: string;
  optionKey: string | null;
  /** `ratio`: two whole numbers, as typed. */
  numerator: string;
  denominator: string;
  yes: boolean | null;
  /** `deduction`: the points taken off, as typed. */
  penalty: string;
  explanation: string;
  missingEvidenceExplanation: string;
}

export const emptyDraft: EntryDraft = {
  value: '',
  optionKey: null,
  numerator: '',
  denominator: '',
  yes: null,
  penalty: '',
  explanation: '',
  missingEvidenceExplanation: '',
};

/** The node's fields the page's logic needs (a `UnitCriterionNode` fits). */
export type EntryNode = Pick<UnitCriterionNode, 'code' | 'maxScore' | 'rule'>;

const wholeNumber = (hundredths: number | null | undefined) =>
  hundredths === null || hundredths === undefined ? '' : String(hundredths);

/** The saved entry as its inputs show it; no entry yet is an empty draft. */
export function entryToDraft(entry: Entry | null | undefined, locale: Locale): EntryDraft {
  if (!entry) return emptyDraft;
  const { inputs } = entry;
  return {
    value: hundredthsToInput(inputs.value, locale),
    optionKey: inputs.optionKey ?? null,
    numerator: wholeNumber(inputs.numerator),
    denominator: wholeNumber(inputs.denominator),
    yes: inputs.yes ?? null,
    penalty: hundredthsToInput(inputs.penalty, locale),
    explanation: entry.explanation,
    missingEvidenceExplanation: entry.missingEvidenceExplanation,
  };
}

/** A field the officer typed that is not a number, so nothing can be saved until it is fixed. */
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
export function draftToInputs(node: EntryNode, draft: EntryDraft): DraftInputs {
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
      // Survey and linked leaves take no inputs from the unit.
      break;
  }
  return { inputs, invalid };
}

/** True for rules whose score reaches the leaf from elsewhere (survey, another index). */
export const isFilledElsewhere = (node: EntryNode) =>
  node.rule?.type === 'survey' || node.rule?.type === 'linked';

/**
 * The leaf's score for what is typed now, by the shared kernel; survey and linked leaves show
 * the score the server holds for them.
 */
export function liveScore(node: EntryNode, draft: EntryDraft, saved: Entry | null): LeafScore {
  if (isFilledElsewhere(node)) {
    return saved?.score === null || saved?.score === undefined
      ? { ok: false, reason: 'missingInput', field: 'value' }
      : { ok: true, score: saved.score };
  }
  const { inputs, invalid } = draftToInputs(node, draft);
  if (invalid) return { ok: false, reason: 'notHundredths', field: invalid };
  return leafScore(node, inputs);
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
  const left = draftToInputs(node, a);
  const right = draftToInputs(node, b);
  if (left.invalid || right.invalid) return JSON.stringify(a) === JSON.stringify(b);
  return JSON.stringify(normalise(left.inputs)) === JSON.stringify(normalise(right.inputs));
}

const inputFields = ['value', 'optionKey', 'numerator', 'denominator', 'yes', 'penalty'] as const;
const normalise = (inputs: EntryInputs) => inputFields.map((field) => inputs[field] ?? null);
