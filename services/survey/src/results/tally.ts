/**
 * Counting answers and the satisfaction index (pure): a tally adds responses one at a time (so
 * results stream over any number of responses), then gives counts and shares per question, each
 * aspect section's satisfied share, and the index the campaign's method defines. Shares and the
 * index are hundredths of a percent, rounded half up with the scoring kernel's one rule.
 */
import {
  questionsOf,
  surveyLimits,
  type AspectResult,
  type CampaignCriterion,
  type CheckedAnswers,
  type QuestionnaireDefinition,
  type QuestionResult,
  type SatisfactionIndexMethod,
} from '@par/contracts';
import { mulDivRoundHalfUp } from '@par/scoring';

interface QuestionTally {
  answered: number;
  options: Map<string, number>;
  /** Scale answers 1..5 at indices 0..4. */
  scale: number[];
  numberSum: number;
  numberMin: number | null;
  numberMax: number | null;
}

export interface Tally {
  responses: number;
  online: number;
  paper: number;
  questions: Map<string, QuestionTally>;
}

export function emptyTally(definition: QuestionnaireDefinition): Tally {
  return {
    responses: 0,
    online: 0,
    paper: 0,
    questions: new Map(
      questionsOf(definition).map(({ question }) => [
        question.key,
        {
          answered: 0,
          options: new Map(),
          scale: [0, 0, 0, 0, 0],
          numberSum: 0,
          numberMin: null,
          numberMax: null,
        },
      ]),
    ),
  };
}

/** Adds one stored (already checked) response; answers to questions not in the form are ignored. */
export function addResponse(
  tally: Tally,
  answers: CheckedAnswers,
  channel: 'online' | 'paper',
): void {
  tally.responses += 1;
  tally[channel] += 1;
  for (const [key, value] of Object.entries(answers)) {
    const q = tally.questions.get(key);
    if (!q) continue;
    q.answered += 1;
    if (Array.isArray(value)) for (const v of value) q.options.set(v, (q.options.get(v) ?? 0) + 1);
    else if (typeof value === 'string') q.options.set(value, (q.options.get(value) ?? 0) + 1);
    else {
      if (
        Number.isInteger(value) &&
        value >= surveyLimits.scaleMin &&
        value <= surveyLimits.scaleMax
      )
        q.scale[value - 1]! += 1;
      q.numberSum += value;
      q.numberMin = q.numberMin === null ? value : Math.min(q.numberMin, value);
      q.numberMax = q.numberMax === null ? value : Math.max(q.numberMax, value);
    }
  }
}

/** count ÷ total in hundredths of a percent, null when there is nothing to divide. */
export const shareOf = (count: number, total: number): number | null =>
  total === 0 ? null : mulDivRoundHalfUp(count, 10_000, total);

/**
 * The weight of each aspect section: the method's, where it lists any (an aspect section it does
 * not list weighs 0); every aspect section 1 otherwise.
 */
export function aspectWeights(
  definition: QuestionnaireDefinition,
  method: SatisfactionIndexMethod,
): Map<string, number> {
  const listed = new Map(method.aspectWeights.map((w) => [w.sectionKey, w.weight]));
  return new Map(
    definition.sections
      .filter((s) => s.aspect !== null)
      .map((s) => [s.key, method.aspectWeights.length === 0 ? 1 : (listed.get(s.key) ?? 0)]),
  );
}

export interface TallyResult {
  responses: number;
  online: number;
  paper: number;
  index: number | null;
  aspects: AspectResult[];
  questions: QuestionResult[];
}

/**
 * The results of a tally. The index is Σ weight × share ÷ Σ weight over the aspect sections
 * with at least one scale answer and a weight above 0, from the shares as the table shows them
 * (each already rounded), so anyone can check it from the table by hand.
 */
export function tallyResult(
  tally: Tally,
  definition: QuestionnaireDefinition,
  method: SatisfactionIndexMethod,
): TallyResult {
  const weights = aspectWeights(definition, method);
  const questions: QuestionResult[] = [];
  const aspects: AspectResult[] = [];
  for (const section of definition.sections) {
    let scaleAnswers = 0;
    let satisfied = 0;
    for (const question of section.questions) {
      const q = tally.questions.get(question.key)!;
      const base = {
        key: question.key,
        sectionKey: section.key,
        type: question.type,
        label: question.label,
        answered: q.answered,
      };
      if (question.type === 'singleChoice' || question.type === 'multipleChoice') {
        questions.push({
          ...base,
          options: question.options.map((o) => {
            const count = q.options.get(o.key) ?? 0;
            return { key: o.key, label: o.label, count, share: shareOf(count, q.answered) ?? 0 };
          }),
        });
      } else if (question.type === 'scale') {
        const total = q.scale.reduce((a, b) => a + b, 0);
        const sat = q.scale.slice(method.satisfiedFrom - 1).reduce((a, b) => a + b, 0);
        const weighted = q.scale.reduce((sum, count, i) => sum + count * (i + 1), 0);
        scaleAnswers += total;
        satisfied += sat;
        questions.push({
          ...base,
          scale: {
            counts: [...q.scale],
            mean: total === 0 ? null : mulDivRoundHalfUp(weighted, 100, total),
            satisfied: { count: sat, share: shareOf(sat, total) ?? 0 },
          },
        });
      } else if (question.type === 'number') {
        questions.push({
          ...base,
          number: {
            // Number answers may be decimals: their mean is rounded, not exact.
            mean: q.answered === 0 ? null : Math.round((q.numberSum * 100) / q.answered),
            min: q.numberMin,
            max: q.numberMax,
          },
        });
      } else questions.push(base);
    }
    if (section.aspect !== null)
      aspects.push({
        sectionKey: section.key,
        title: section.title,
        aspect: section.aspect,
        weight: weights.get(section.key) ?? 0,
        scaleAnswers,
        satisfied,
        share: shareOf(satisfied, scaleAnswers),
      });
  }
  let weighted = 0;
  let weightSum = 0;
  for (const aspect of aspects) {
    if (aspect.share === null || aspect.weight === 0) continue;
    weighted += aspect.weight * aspect.share;
    weightSum += aspect.weight;
  }
  return {
    responses: tally.responses,
    online: tally.online,
    paper: tally.paper,
    index: weightSum === 0 ? null : mulDivRoundHalfUp(weighted, 1, weightSum),
    aspects,
    questions,
  };
}

/** Each criterion's percentage: the index, or its aspect section's share. */
export function criterionPercents(
  criteria: readonly CampaignCriterion[],
  result: Pick<TallyResult, 'index' | 'aspects'>,
): Array<{ criterionCode: string; percent: number | null }> {
  return criteria.map((c) => ({
    criterionCode: c.criterionCode,
    percent:
      c.sectionKey === null
        ? result.index
        : (result.aspects.find((a) => a.sectionKey === c.sectionKey)?.share ?? null),
  }));
}
