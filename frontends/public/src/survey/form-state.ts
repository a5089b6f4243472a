/**
 * Form shape ⇄ the answers sent. The form keeps what the person typed ("1,5" in a number field);
 * `toAnswers` turns it into the contract's answers, and the contract's own `checkAnswers` — the
 * one the survey service runs — decides what is missing or wrong, so the two never disagree.
 */
import {
  checkAnswers,
  formatMessage,
  keepShownAnswers,
  questionsOf,
  shownQuestionKeys,
  type Answers,
  type CheckedAnswers,
  type QuestionnaireDefinition,
  type QuestionnaireSection,
} from '@par/contracts';

/** A question's value in the form: an option key, ticked keys, a scale level, typed text. */
export type FormValue = string | string[] | number | undefined;
export type FormValues = Record<string, FormValue>;

/** A question's problem, by question key (`consent` for the consent box), in Vietnamese. */
export type FormErrors = Record<string, string>;

/** "1,5" → 1.5 and " 12 " → 12; anything else is left as typed, for the check to refuse. */
export function parseTypedNumber(typed: string): number | string {
  const text = typed.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : typed;
}

/** The form's values as the contract's answers, without those of questions now hidden. */
export function toAnswers(definition: QuestionnaireDefinition, values: FormValues): Answers {
  const answers: Answers = {};
  for (const { question } of questionsOf(definition)) {
    const value = values[question.key];
    if (value === undefined) continue;
    answers[question.key] =
      question.type === 'number' && typeof value === 'string' ? parseTypedNumber(value) : value;
  }
  return keepShownAnswers(definition, answers) as Answers;
}

/** The sections with only the questions the answers so far show; sections left empty are left out. */
export function visibleSections(
  definition: QuestionnaireDefinition,
  values: FormValues,
): QuestionnaireSection[] {
  const shown = shownQuestionKeys(definition, values);
  return definition.sections
    .map((section) => ({
      ...section,
      questions: section.questions.filter((question) => shown.has(question.key)),
    }))
    .filter((section) => section.questions.length > 0);
}

/** Whether a shown question asks for personal data: then the consent box shows. */
export function asksPersonalData(definition: QuestionnaireDefinition, values: FormValues): boolean {
  return visibleSections(definition, values).some((section) =>
    section.questions.some((question) => question.personal),
  );
}

export type FormCheck = { ok: true; answers: CheckedAnswers } | { ok: false; errors: FormErrors };

/** Checks the form with the contract's rule; errors by question key, in Vietnamese. */
export function checkForm(
  definition: QuestionnaireDefinition,
  values: FormValues,
  consent: boolean,
): FormCheck {
  const result = checkAnswers(definition, toAnswers(definition, values), consent);
  if (result.ok) return result;
  const errors: FormErrors = {};
  for (const issue of result.issues) {
    const key = issue.field.replace(/^answers\./, '');
    errors[key] ??= formatMessage(issue.key, issue.params, 'vi');
  }
  return { ok: false, errors };
}

/** Server field errors (`answers.q3`) by question key, as the form shows them. */
export function fieldErrorsByQuestion(fields: ReadonlyArray<{ field: string; message: string }>) {
  return Object.fromEntries(
    fields.map((field) => [field.field.replace(/^answers\./, ''), field.message]),
  ) as FormErrors;
}
