/**
 * The node form's shape (every number typed as text with a decimal comma, one sub-form per rule
 * type) ⇄ the contract's `CriterionNode`, and the form's validation by that same contract schema
 * and the scoring kernel's checks of one node, so the rules are never restated here; the server
 * checks them again.
 */
import { CriterionNode, formatMessage, isMessageKey, scoringRuleTypes } from '@par/contracts';
import type { Locale, ScoringRuleType } from '@par/contracts';
import { checkCriterionNode, hundredthsToInput, parseHundredths, unparsable } from '@par/scoring';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { EditorNode } from './criteria-tree';

export interface OptionRow {
  key: string;
  label: string;
  score: string;
}
export interface BandRow {
  minPercent: string;
  score: string;
}

/** Every control holds text (empty = not given), a boolean, or for the selects a value or null. */
export interface NodeFormValues {
  code: string;
  title: string;
  guidanceForUnits: string;
  guidanceForAppraisers: string;
  maxScore: string;
  capped: boolean;
  ruleType: ScoringRuleType | null;
  manual: { min: string; max: string; step: string };
  options: OptionRow[];
  ratio: {
    numeratorLabel: string;
    denominatorLabel: string;
    scaleKind: 'bands' | 'linear';
    bands: BandRow[];
    fromPercent: string;
    toPercent: string;
  };
  boolean: { yesScore: string; noScore: string };
  deduction: { step: string; maxDeduction: string };
  survey: { source: string };
  linked: { indexCode: string; criterionCode: string };
  evidenceMin: string;
  evidenceMax: string;
  explanationRequired: boolean;
  appraiserUnitCode: string | null;
}

export const isRuleType = (value: string): value is ScoringRuleType =>
  (scoringRuleTypes as readonly string[]).includes(value);

/** What each rule's sub-form starts with when the user switches to it. */
export function emptyRuleForms(
  maxScore = '',
): Omit<
  NodeFormValues,
  | 'code'
  | 'title'
  | 'guidanceForUnits'
  | 'guidanceForAppraisers'
  | 'maxScore'
  | 'capped'
  | 'ruleType'
  | 'evidenceMin'
  | 'evidenceMax'
  | 'explanationRequired'
  | 'appraiserUnitCode'
> {
  return {
    manual: { min: '0', max: maxScore, step: '0,25' },
    options: [
      { key: 'A', label: '', score: maxScore },
      { key: 'B', label: '', score: '0' },
    ],
    ratio: {
      numeratorLabel: '',
      denominatorLabel: '',
      scaleKind: 'bands',
      bands: [{ minPercent: '100', score: maxScore }],
      fromPercent: '0',
      toPercent: '100',
    },
    boolean: { yesScore: maxScore, noScore: '0' },
    deduction: { step: '0,25', maxDeduction: '1' },
    survey: { source: '' },
    linked: { indexCode: '', criterionCode: '' },
  };
}

const score = (value: number) => hundredthsToInput(value);

export function toNodeForm(node: Omit<EditorNode, 'key' | 'parentKey'>): NodeFormValues {
  const values: NodeFormValues = {
    code: node.code,
    title: node.title,
    guidanceForUnits: node.guidanceForUnits,
    guidanceForAppraisers: node.guidanceForAppraisers,
    maxScore: score(node.maxScore),
    capped: node.capped,
    ruleType: node.rule?.type ?? null,
    ...emptyRuleForms(score(node.maxScore)),
    evidenceMin: String(node.evidence.min),
    evidenceMax: String(node.evidence.max),
    explanationRequired: node.explanationRequired,
    appraiserUnitCode: node.appraiserUnitCode,
  };
  const rule = node.rule;
  switch (rule?.type) {
    case 'manual':
      values.manual = { min: score(rule.min), max: score(rule.max), step: score(rule.step) };
      break;
    case 'options':
      values.options = rule.options.map((o) => ({ ...o, score: score(o.score) }));
      break;
    case 'ratio':
      values.ratio = {
        ...values.ratio,
        numeratorLabel: rule.numeratorLabel,
        denominatorLabel: rule.denominatorLabel,
        scaleKind: rule.scale.kind,
        ...(rule.scale.kind === 'bands'
          ? {
              bands: rule.scale.bands.map((b) => ({
                minPercent: score(b.minPercent),
                score: score(b.score),
              })),
            }
          : { fromPercent: score(rule.scale.fromPercent), toPercent: score(rule.scale.toPercent) }),
      };
      break;
    case 'boolean':
      values.boolean = { yesScore: score(rule.yesScore), noScore: score(rule.noScore) };
      break;
    case 'deduction':
      values.deduction = { step: score(rule.step), maxDeduction: score(rule.maxDeduction) };
      break;
    case 'survey':
      values.survey = { source: rule.source ?? '' };
      break;
    case 'linked':
      values.linked = { indexCode: rule.indexCode, criterionCode: rule.criterionCode };
      break;
    default:
      break;
  }
  return values;
}

/** A typed number the contract cannot take, by form field (`options.1.score`). */
type Unparsable = Map<string, true>;

/** Text → hundredths; what does not parse is recorded and sent as NaN so the schema fails too. */
function reader(bad: Unparsable) {
  return (field: string, text: string): number => {
    const value = parseHundredths(text);
    if (value === unparsable || value === null) {
      bad.set(field, true);
      return Number.NaN;
    }
    return value;
  };
}

function toRule(values: NodeFormValues, read: (field: string, text: string) => number) {
  switch (values.ruleType) {
    case null:
      return null;
    case 'manual':
      return {
        type: 'manual' as const,
        min: read('manual.min', values.manual.min || '0'),
        max: read('manual.max', values.manual.max),
        step: read('manual.step', values.manual.step),
      };
    case 'options':
      return {
        type: 'options' as const,
        options: values.options.map((o, i) => ({
          key: o.key.trim(),
          label: o.label.trim(),
          score: read(`options.${i}.score`, o.score),
        })),
      };
    case 'ratio':
      return {
        type: 'ratio' as const,
        numeratorLabel: values.ratio.numeratorLabel.trim(),
        denominatorLabel: values.ratio.denominatorLabel.trim(),
        scale:
          values.ratio.scaleKind === 'bands'
            ? {
                kind: 'bands' as const,
                bands: values.ratio.bands.map((b, i) => ({
                  minPercent: read(`ratio.bands.${i}.minPercent`, b.minPercent),
                  score: read(`ratio.bands.${i}.score`, b.score),
                })),
              }
            : {
                kind: 'linear' as const,
                fromPercent: read('ratio.fromPercent', values.ratio.fromPercent),
                toPercent: read('ratio.toPercent', values.ratio.toPercent),
              },
      };
    case 'boolean':
      return {
        type: 'boolean' as const,
        yesScore: read('boolean.yesScore', values.boolean.yesScore),
        noScore: read('boolean.noScore', values.boolean.noScore || '0'),
      };
    case 'deduction':
      return {
        type: 'deduction' as const,
        step: read('deduction.step', values.deduction.step),
        maxDeduction: read('deduction.maxDeduction', values.deduction.maxDeduction),
      };
    case 'survey':
      return { type: 'survey' as const, source: values.survey.source.trim() || undefined };
    case 'linked':
      return {
        type: 'linked' as const,
        indexCode: values.linked.indexCode.trim(),
        criterionCode: values.linked.criterionCode.trim(),
      };
  }
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/**
 * The form as the contract's node (parent left to the tree). A leaf keeps only the chosen rule's
 * sub-form; a parent has no rule. `unparsed` lists the number fields that are not numbers.
 */
export function toCriterionNode(
  values: NodeFormValues,
  leaf: boolean,
): { node: Omit<CriterionNode, 'parentCode'>; unparsed: string[] } {
  const bad: Unparsable = new Map();
  const read = reader(bad);
  const node = {
    code: values.code.trim(),
    title: values.title.replace(/\s+/g, ' ').trim(),
    guidanceForUnits: values.guidanceForUnits.trim(),
    guidanceForAppraisers: values.guidanceForAppraisers.trim(),
    maxScore: read('maxScore', values.maxScore),
    capped: leaf ? false : values.capped,
    rule: leaf ? toRule(values, read) : null,
    evidence: { min: wholeNumber(values.evidenceMin), max: wholeNumber(values.evidenceMax) },
    explanationRequired: values.explanationRequired,
    appraiserUnitCode: values.appraiserUnitCode || null,
  };
  return { node: node as Omit<CriterionNode, 'parentCode'>, unparsed: [...bad.keys()] };
}

/** Where a contract issue's path lands in the form (`rule.options.0.score` → `options.0.score`). */
export function formFieldOf(
  path: readonly PropertyKey[],
  ruleType: ScoringRuleType | null,
): string {
  const parts = path.map(String);
  // The range as a whole (min above max) is shown under the maximum.
  if (parts[0] === 'evidence') return parts[1] === 'min' ? 'evidenceMin' : 'evidenceMax';
  if (parts[0] !== 'rule') return parts[0] ?? '';
  if (parts.length === 1 || parts[1] === 'type') return 'ruleType';
  if (ruleType === 'ratio' && parts[1] === 'scale') {
    // A linear scale that does not go upwards is shown under its upper end.
    if (parts[2] === undefined) return 'ratio.toPercent';
    return parts[2] === 'bands' ? ['ratio', ...parts.slice(2)].join('.') : `ratio.${parts[2]}`;
  }
  // The options sub-form is the list itself (`options.0.score`), the others nest by rule type.
  if (ruleType === 'options') return parts.slice(1).join('.');
  return [ruleType ?? '', ...parts.slice(1)].join('.');
}

/** Messages this feature adds to the contract's catalogue. */
export type NodeFormMessage = 'form.invalid';

/**
 * Validates with the contract's node schema, then with the scoring kernel's checks of one node
 * (a leaf's rule within its maximum, evidence min ≤ max, …: the ones the server makes on save),
 * so no rule is restated here; messages from the contract's catalogue.
 */
export function nodeFormResolver(
  leaf: () => boolean,
  locale: () => Locale,
  translate: (key: NodeFormMessage, values?: Record<string, string>) => string,
): Resolver<NodeFormValues> {
  return (values) => {
    const isLeaf = leaf();
    const { node, unparsed } = toCriterionNode(values, isLeaf);
    const errors: Record<string, { type: string; message: string }> = {};
    const put = (field: string, message: string) => {
      if (!errors[field]) errors[field] = { type: 'validation', message };
    };
    for (const field of unparsed) {
      const empty = !readField(values, field).trim();
      put(field, formatMessage(empty ? 'field.required' : 'score.hundredths', {}, locale()));
    }
    const result = CriterionNode.safeParse({ ...node, parentCode: null });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = formFieldOf(issue.path, values.ruleType);
        const raw = readField(values, field);
        const empty = typeof raw === 'string' && raw.trim() === '';
        const key = empty ? 'field.required' : issue.message;
        put(
          field,
          isMessageKey(key) ? formatMessage(key, {}, locale()) : translate('form.invalid'),
        );
      }
    }
    // The kernel compares numbers: it waits until every number field reads as one.
    if (unparsed.length === 0) {
      const whole = { ...node, parentCode: null } as CriterionNode;
      for (const issue of checkCriterionNode(whole, isLeaf, locale())) {
        put(formFieldOf(issue.field.split('.'), values.ruleType), issue.message);
      }
    }
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    return { values: {}, errors: nest(errors) as FieldErrors<NodeFormValues> };
  };
}

function readField(values: NodeFormValues, field: string): string {
  let at: unknown = values;
  for (const part of field.split('.')) {
    if (at === null || typeof at !== 'object') return '';
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' ? at : '';
}

/** react-hook-form wants errors nested like the values (`options.0.score` → options[0].score). */
export function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split('.');
    let at: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        at[part] = value;
        return;
      }
      if (typeof at[part] !== 'object' || at[part] === null) {
        at[part] = /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
      }
      at = at[part] as Record<string, unknown>;
    });
  }
  return root;
}
