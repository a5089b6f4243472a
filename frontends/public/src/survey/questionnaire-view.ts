/**
 * The questionnaire as the form renders it, and the answers it collects. These follow the survey
 * contract (`@par/contracts`, survey.*): the form only reads them.
 */
export type QuestionType = 'single' | 'multiple' | 'scale' | 'number' | 'shortText' | 'longText';

export interface QuestionOption {
  value: string;
  label: string;
}

export interface QuestionView {
  id: string;
  type: QuestionType;
  label: string;
  help?: string;
  required: boolean;
  options?: QuestionOption[];
  /** Shown only once question `questionId` has one of `values` as its answer. */
  showIf?: { questionId: string; values: string[] };
}

export interface SectionView {
  id: string;
  title: string;
  description?: string;
  questions: QuestionView[];
}

export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue | undefined>;

/** A question's problem, already in Vietnamese. */
export type AnswerErrors = Record<string, string>;
