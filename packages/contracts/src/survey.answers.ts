/**
 * A citizen's answers checked against a questionnaire: the one rule the public form runs before
 * sending and the survey service runs before writing, so the two never disagree. Which questions
 * are shown, required answers, each type's shape, ranges, lengths and consent.
 */
import type { MessageKey } from './errors';
import type { Question, QuestionnaireDefinition } from './survey.questionnaire';
import { questionsOf, surveyLimits } from './survey.shape';

/** The answers as stored: only shown, answered questions, texts trimmed. */
export type CheckedAnswers = Record<string, string | number | string[]>;

/** One answer at fault: `field` is `answers.<question key>` (or `consent`, `answers`). */
export interface AnswerIssue {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type AnswerCheck =
  { ok: true; answers: CheckedAnswers } | { ok: false; issues: AnswerIssue[] };

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Whether `value` (a stored or raw answer) satisfies a `showIf` condition's list. */
function matches(value: unknown, anyOf: ReadonlyArray<string | number>): boolean {
  if (Array.isArray(value)) return value.some((v) => anyOf.includes(v as string));
  return (typeof value === 'string' || typeof value === 'number') && anyOf.includes(value);
}

/**
 * The keys of the questions shown for these answers, in order: a question with `showIf` is shown
 * when its condition's question is shown and was given one of the listed answers.
 */
export function shownQuestionKeys(
  definition: Pick<QuestionnaireDefinition, 'sections'>,
  answers: Readonly<Record<string, unknown>>,
): Set<string> {
  const shown = new Set<string>();
  for (const { question } of questionsOf(definition)) {
    const condition = question.showIf;
    if (
      !condition ||
      (shown.has(condition.question) &&
        matches(answers[condition.question] ?? null, condition.anyOf))
    )
      shown.add(question.key);
  }
  return shown;
}

/** The answers without those to questions now hidden: what the form sends once a choice changed. */
export function keepShownAnswers<T extends Readonly<Record<string, unknown>>>(
  definition: Pick<QuestionnaireDefinition, 'sections'>,
  answers: T,
): Partial<T> {
  const shown = shownQuestionKeys(definition, answers);
  return Object.fromEntries(
    Object.entries(answers).filter(([key]) => shown.has(key)),
  ) as Partial<T>;
}

/** Characters as a person counts them (an emoji is one). */
const lengthOf = (text: string) => [...text].length;

// Control characters other than tab and line breaks have no place in an answer typed by a person.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** One answer against its question: the stored value, or the issue. */
function checkOne(
  question: Question,
  value: unknown,
): { value: string | number | string[] } | { issue: Omit<AnswerIssue, 'field'> } {
  switch (question.type) {
    case 'singleChoice': {
      if (typeof value !== 'string' || !question.options.some((o) => o.key === value))
        return { issue: { key: 'survey.answer.option' } };
      return { value };
    }
    case 'multipleChoice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return { issue: { key: 'survey.answer.option' } };
      const picked = [...new Set(value as string[])];
      if (!picked.every((key) => question.options.some((o) => o.key === key)))
        return { issue: { key: 'survey.answer.option' } };
      const max = question.maxChoices ?? question.options.length;
      if (picked.length > max)
        return { issue: { key: 'survey.answer.tooManyChoices', params: { max } } };
      // In the questionnaire's order, so equal answers are stored alike.
      return { value: question.options.map((o) => o.key).filter((key) => picked.includes(key)) };
    }
    case 'scale': {
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < surveyLimits.scaleMin ||
        value > surveyLimits.scaleMax
      )
        return { issue: { key: 'survey.answer.scale' } };
      return { value };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { issue: { key: 'survey.answer.number' } };
      if (question.integer && !Number.isInteger(value))
        return { issue: { key: 'survey.answer.integer' } };
      if (question.min !== undefined && value < question.min)
        return { issue: { key: 'survey.answer.min', params: { min: question.min } } };
      if (question.max !== undefined && value > question.max)
        return { issue: { key: 'survey.answer.max', params: { max: question.max } } };
      return { value };
    }
    case 'shortText':
    case 'longText': {
      if (typeof value !== 'string') return { issue: { key: 'survey.answer.text' } };
      const text = value.trim();
      if (controlCharacters.test(text)) return { issue: { key: 'survey.answer.text' } };
      const length = lengthOf(text);
      if (length > question.maxLength)
        return {
          issue: { key: 'survey.answer.tooLong', params: { length, max: question.maxLength } },
        };
      // Kept exactly as typed: HTML in it is text, and every page shows it escaped.
      return { value: text };
    }
  }
}

/**
 * Checks answers (as they arrived, unknown shape) against a questionnaire: every key is a
 * question of it, answers only to shown questions, every required shown question answered,
 * each value of its question's type and within its bounds, and `consent` given when a personal
 * question is answered. Returns the answers to store, or every issue found.
 */
export function checkAnswers(
  definition: QuestionnaireDefinition,
  answers: unknown,
  consent = false,
): AnswerCheck {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
    return { ok: false, issues: [{ field: 'answers', key: 'survey.answers.invalid' }] };
  const given = answers as Record<string, unknown>;
  const byKey = new Map(questionsOf(definition).map(({ question }) => [question.key, question]));
  const issues: AnswerIssue[] = [];
  const keys = Object.keys(given);
  if (keys.length > byKey.size)
    return { ok: false, issues: [{ field: 'answers', key: 'survey.answers.invalid' }] };
  for (const key of keys)
    if (!byKey.has(key))
      issues.push({ field: `answers.${key}`, key: 'survey.answer.unknown', params: { key } });

  const shown = shownQuestionKeys(definition, given);
  const checked: CheckedAnswers = {};
  let personal = false;
  for (const question of byKey.values()) {
    const field = `answers.${question.key}`;
    const value = given[question.key];
    if (!shown.has(question.key)) {
      if (!isEmpty(value)) issues.push({ field, key: 'survey.answer.notShown' });
      continue;
    }
    if (isEmpty(value)) {
      if (question.required) issues.push({ field, key: 'survey.answer.required' });
      continue;
    }
    const outcome = checkOne(question, value);
    if ('issue' in outcome) issues.push({ field, ...outcome.issue });
    else {
      checked[question.key] = outcome.value;
      personal ||= question.personal;
    }
  }
  if (personal && consent !== true)
    issues.push({ field: 'consent', key: 'survey.consent.required' });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: checked };
}
