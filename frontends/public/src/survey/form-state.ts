/**
 * Form shape ⇄ the answers sent: a number typed the Vietnamese way ("1,5") becomes 1.5, the
 * answers of hidden questions are dropped, and the form is checked before it is sent.
 * PROVISIONAL (issue 13): visibility and checks move to the survey contract's shared function
 * when it lands on this branch; the server checks with it either way.
 */
import type {
  AnswerErrors,
  AnswerValue,
  Answers,
  QuestionView,
  SectionView,
} from './questionnaire-view';
import { t } from '../standalone/texts';

function isShown(question: QuestionView, answers: Answers): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.questionId];
  const values = Array.isArray(given) ? given : given === undefined ? [] : [String(given)];
  return values.some((value) => question.showIf!.values.includes(value));
}

/** The sections with only the questions the answers so far show; empty sections left out. */
export function visibleSections(sections: SectionView[], answers: Answers): SectionView[] {
  return sections
    .map((section) => ({
      ...section,
      questions: section.questions.filter((question) => isShown(question, answers)),
    }))
    .filter((section) => section.questions.length > 0);
}

function parseNumber(value: AnswerValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

export type CheckResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerErrors };

export function checkAnswers(sections: SectionView[], answers: Answers): CheckResult {
  const errors: AnswerErrors = {};
  const out: Answers = {};
  for (const section of visibleSections(sections, answers)) {
    for (const question of section.questions) {
      const value = answers[question.id];
      const empty = value === undefined || value === '' || (Array.isArray(value) && !value.length);
      if (empty) {
        if (question.required) errors[question.id] = t('check.required');
        continue;
      }
      if (question.type === 'number') {
        const number = parseNumber(value);
        if (number === undefined) errors[question.id] = t('check.number');
        else out[question.id] = number;
        continue;
      }
      out[question.id] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers: out };
}
