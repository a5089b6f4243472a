/**
 * A leaf criterion's score from its scoring rule and what was entered for it: the one evaluation
 * the unit's page, the appraiser's page and the services all run. Invalid inputs give a reason,
 * never an exception.
 */
import type { CriterionNode, Locale, ScoringRule } from '@par/contracts';
import { formatHundredths } from './hundredths';
import { mulDivRoundHalfUp } from './round-half-up';

/**
 * What was entered for a leaf; each rule reads its own fields:
 * `manual` → `value`; `options` → `optionKey`; `ratio` → `numerator` and `denominator`;
 * `boolean` → `yes`; `deduction` → `penalty` (points taken off, as a positive number);
 * `survey` and `linked` → `value`, given by the survey module or the linked criterion.
 * Scores are integer hundredths; a ratio's two figures are non-negative integers in any one unit
 * (counts, or hundredths of an amount): only their quotient matters.
 */
export interface LeafInputs {
  value?: number | null;
  optionKey?: string | null;
  numerator?: number | null;
  denominator?: number | null;
  yes?: boolean | null;
  penalty?: number | null;
}

/**
 * Why inputs give no score, as a stable code the pages translate:
 * - `noRule`: the leaf has no scoring rule (an invalid set);
 * - `missingInput`: a field the rule reads is empty;
 * - `notHundredths`: a number that is not a non-negative integer (of hundredths);
 * - `outOfRange`: below the rule's minimum or above its maximum;
 * - `offStep`: between two steps of a `manual` or `deduction` rule;
 * - `unknownOption`: an option key the rule does not have;
 * - `zeroDenominator`: a ratio over nothing (0 ÷ 0 too), so no percentage exists;
 * - `numeratorAboveDenominator`: a ratio is a share of a whole, so above 100 % is a typing error.
 */
export type LeafScoreReason =
  | 'noRule'
  | 'missingInput'
  | 'notHundredths'
  | 'outOfRange'
  | 'offStep'
  | 'unknownOption'
  | 'zeroDenominator'
  | 'numeratorAboveDenominator';

export type LeafScore =
  | {
      ok: true;
      /** Integer hundredths; negative for a deduction (the parent floors at 0). */
      score: number;
      /** A ratio's percentage in hundredths of a percent (rounded half up), else absent. */
      percent?: number;
    }
  | { ok: false; reason: LeafScoreReason; field: keyof LeafInputs | null };

/** The part of a node a leaf's score depends on. */
export type ScoredLeaf = Pick<CriterionNode, 'maxScore' | 'rule'>;

const fail = (reason: LeafScoreReason, field: keyof LeafInputs | null): LeafScore => ({
  ok: false,
  reason,
  field,
});

type NumberField = 'value' | 'numerator' | 'denominator' | 'penalty';

/** A present, non-negative integer, or why not. */
function numberInput(inputs: LeafInputs, field: NumberField): number | LeafScore {
  const value = inputs[field];
  if (value === null || value === undefined) return fail('missingInput', field);
  if (!Number.isSafeInteger(value) || value < 0) return fail('notHundredths', field);
  return value;
}

/** `min`, `min + step`, `min + 2·step`, …, and `max` itself even when the steps do not land on it. */
function stepped(
  value: number,
  min: number,
  max: number,
  step: number,
  field: NumberField,
): LeafScore | null {
  if (value < min || value > max) return fail('outOfRange', field);
  if (value !== max && (value - min) % step !== 0) return fail('offStep', field);
  return null;
}

/**
 * The figures a refusal of a leaf's inputs quotes, in points as people read them (`locale`): the
 * range its rule takes (`manual` its own; `deduction` 0 to the most it takes off; any other rule
 * 0 to the leaf's maximum in steps of 0,01) and `next`, the first value above the least.
 */
export function leafRangeText(
  leaf: ScoredLeaf,
  locale: Locale = 'vi',
): { min: string; max: string; step: string; next: string } {
  const rule = leaf.rule;
  const range =
    rule?.type === 'manual'
      ? { min: rule.min, max: rule.max, step: rule.step }
      : rule?.type === 'deduction'
        ? { min: 0, max: rule.maxDeduction, step: rule.step }
        : { min: 0, max: leaf.maxScore, step: 1 };
  const points = (h: number) => formatHundredths(h, locale);
  return {
    min: points(range.min),
    max: points(range.max),
    step: points(range.step),
    next: points(Math.min(range.min + range.step, range.max)),
  };
}

/**
 * The score of a leaf: `manual` takes the value when it lies in [min, max] on a step from min (the
 * maximum is always allowed); `options` the chosen option's score; `ratio` the percentage
 * numerator ÷ denominator (in hundredths of a percent, rounded half up) through its bands (the
 * highest band reached; 0 below every band) or its linear scale (0 at or below `fromPercent`, the
 * leaf's maximum at or above `toPercent`, proportional between, rounded half up); `boolean` the
 * yes or no score; `deduction` minus the penalty, which goes in steps up to `maxDeduction`;
 * `survey` and `linked` the value given from outside, checked to lie in [0, the leaf's maximum].
 */
export function leafScore(leaf: ScoredLeaf, inputs: LeafInputs): LeafScore {
  const rule: ScoringRule | null = leaf.rule;
  if (rule === null) return fail('noRule', null);
  switch (rule.type) {
    case 'manual': {
      const value = numberInput(inputs, 'value');
      if (typeof value !== 'number') return value;
      return stepped(value, rule.min, rule.max, rule.step, 'value') ?? { ok: true, score: value };
    }
    case 'options': {
      const key = inputs.optionKey;
      if (key === null || key === undefined || key === '') return fail('missingInput', 'optionKey');
      const option = rule.options.find((o) => o.key === key);
      return option ? { ok: true, score: option.score } : fail('unknownOption', 'optionKey');
    }
    case 'ratio': {
      const numerator = numberInput(inputs, 'numerator');
      if (typeof numerator !== 'number') return numerator;
      const denominator = numberInput(inputs, 'denominator');
      if (typeof denominator !== 'number') return denominator;
      if (denominator === 0) return fail('zeroDenominator', 'denominator');
      if (numerator > denominator) return fail('numeratorAboveDenominator', 'numerator');
      const percent = mulDivRoundHalfUp(numerator, 10_000, denominator);
      return { ok: true, score: ratioScore(rule.scale, percent, leaf.maxScore), percent };
    }
    case 'boolean': {
      const yes = inputs.yes;
      if (yes === null || yes === undefined) return fail('missingInput', 'yes');
      return { ok: true, score: yes ? rule.yesScore : rule.noScore };
    }
    case 'deduction': {
      const penalty = numberInput(inputs, 'penalty');
      if (typeof penalty !== 'number') return penalty;
      const refused = stepped(penalty, 0, rule.maxDeduction, rule.step, 'penalty');
      return refused ?? { ok: true, score: penalty === 0 ? 0 : -penalty };
    }
    case 'survey':
    case 'linked': {
      const value = numberInput(inputs, 'value');
      if (typeof value !== 'number') return value;
      if (value > leaf.maxScore) return fail('outOfRange', 'value');
      return { ok: true, score: value };
    }
  }
}

type RatioScale = Extract<ScoringRule, { type: 'ratio' }>['scale'];

/** A percentage (hundredths of a percent) through a ratio rule's scale. */
export function ratioScore(scale: RatioScale, percent: number, maxScore: number): number {
  if (scale.kind === 'bands') {
    let best: { minPercent: number; score: number } | null = null;
    for (const band of scale.bands) {
      if (percent >= band.minPercent && (best === null || band.minPercent > best.minPercent)) {
        best = band;
      }
    }
    return best?.score ?? 0;
  }
  const { fromPercent, toPercent } = scale;
  if (percent <= fromPercent) return 0;
  if (percent >= toPercent) return maxScore;
  return mulDivRoundHalfUp(maxScore, percent - fromPercent, toPercent - fromPercent);
}

/**
 * A linked leaf's score: the source criterion's score (in the other index, out of `sourceMax`)
 * scaled to this leaf's `maxScore` when the two maxima differ, rounded half up to the hundredth
 * (docs/scoring.md, `linked`). Kept within 0 … `maxScore`; a source out of 0 gives 0.
 */
export function linkedScore(sourceScore: number, sourceMax: number, maxScore: number): number {
  const within = Math.min(Math.max(sourceScore, 0), Math.max(sourceMax, 0));
  if (sourceMax === maxScore) return within;
  if (sourceMax <= 0) return 0;
  return mulDivRoundHalfUp(maxScore, within, sourceMax);
}

/**
 * A `survey` leaf's score from its satisfaction share (hundredths of a percent, 0–10000): that
 * share of the leaf's maximum, rounded half up to the hundredth. The assessment service sets the
 * unit's entry with it and the ranking service its consolidation's survey results, from the same
 * closed campaign.
 */
export function surveyScore(percent: number, maxScore: number): number {
  return mulDivRoundHalfUp(percent, maxScore, 10_000);
}
