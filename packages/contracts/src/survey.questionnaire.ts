/**
 * A citizen-satisfaction questionnaire as the admin builds it and a citizen sees it (issue 13):
 * sections (the five SIPAS aspects, or others), questions of six types, required or not, shown
 * only after a given answer of an earlier question, labels in Vietnamese. The one schema the
 * survey service stores, the admin's editor checks and the public form renders.
 */
import { z } from 'zod';
import { sipasAspects, surveyLimits } from './survey.shape';

/** One of the SIPAS aspects (`sipasAspects`, in `survey.shape.ts`). */
export const SipasAspect = z.enum(sipasAspects, { error: 'survey.aspect.invalid' });
export type SipasAspect = z.infer<typeof SipasAspect>;

/** A section's, a question's or an option's key: stable across versions, used in answers. */
export const SurveyKey = z
  .string({ error: 'survey.key.invalid' })
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { error: 'survey.key.invalid' });

const Label = z
  .string({ error: 'survey.label.required' })
  .trim()
  .min(1, { error: 'survey.label.required' })
  .max(surveyLimits.label, { error: 'survey.label.tooLong' });

const Help = z.string().trim().max(surveyLimits.help, { error: 'survey.label.tooLong' }).optional();

/**
 * Shown only when an earlier question (a choice or a scale question) got one of these answers:
 * option keys for a choice question (for multiple choice, any of them ticked), values 1–5 for a
 * scale. A question whose condition's question is hidden is hidden too.
 */
export const ShowIf = z.object({
  question: SurveyKey,
  anyOf: z
    .array(z.union([SurveyKey, z.number().int()]))
    .min(1, { error: 'survey.showIf.value' })
    .max(surveyLimits.options),
});
export type ShowIf = z.infer<typeof ShowIf>;

export const ChoiceOption = z.object({ key: SurveyKey, label: Label });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const Options = z
  .array(ChoiceOption)
  .min(2, { error: 'survey.options.count' })
  .max(surveyLimits.options, { error: 'survey.options.count' });

const questionBase = {
  key: SurveyKey,
  label: Label,
  help: Help,
  required: z.boolean().default(false),
  showIf: ShowIf.optional(),
  /**
   * Asks for personal data (a name, a phone number): answered only with the citizen's consent
   * to the questionnaire's `consentText`.
   */
  personal: z.boolean().default(false),
};

export const SingleChoiceQuestion = z.object({
  ...questionBase,
  type: z.literal('singleChoice'),
  options: Options,
});
export const MultipleChoiceQuestion = z.object({
  ...questionBase,
  type: z.literal('multipleChoice'),
  options: Options,
  /** At most this many ticked; every option when absent. */
  maxChoices: z.number().int().min(1).optional(),
});
/** 1 (very dissatisfied) to 5 (very satisfied). */
export const ScaleQuestion = z.object({
  ...questionBase,
  type: z.literal('scale'),
  lowLabel: z.string().trim().max(100).default('Rất không hài lòng'),
  highLabel: z.string().trim().max(100).default('Rất hài lòng'),
});
export const NumberQuestion = z.object({
  ...questionBase,
  type: z.literal('number'),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().default(true),
});
export const ShortTextQuestion = z.object({
  ...questionBase,
  type: z.literal('shortText'),
  maxLength: z.number().int().min(1).max(surveyLimits.shortText).default(surveyLimits.shortText),
});
export const LongTextQuestion = z.object({
  ...questionBase,
  type: z.literal('longText'),
  maxLength: z.number().int().min(1).max(surveyLimits.longTextMax).default(surveyLimits.longText),
});

export const Question = z.discriminatedUnion(
  'type',
  [
    SingleChoiceQuestion,
    MultipleChoiceQuestion,
    ScaleQuestion,
    NumberQuestion,
    ShortTextQuestion,
    LongTextQuestion,
  ],
  { error: 'survey.question.type' },
);
export type Question = z.infer<typeof Question>;

export const QuestionnaireSection = z.object({
  key: SurveyKey,
  title: Label,
  description: Help,
  /** The SIPAS aspect it measures, if any: its scale answers count towards the index. */
  aspect: SipasAspect.nullable().default(null),
  questions: z
    .array(Question)
    .min(1, { error: 'survey.section.empty' })
    .max(surveyLimits.questions, { error: 'survey.questions.tooMany' }),
});
export type QuestionnaireSection = z.infer<typeof QuestionnaireSection>;

/** A questionnaire's content: what a version freezes when it is published. */
export const QuestionnaireDefinition = z
  .object({
    title: Label,
    introduction: z.string().trim().max(2000, { error: 'survey.label.tooLong' }).default(''),
    /** Shown above the personal questions; required when there is any. */
    consentText: z.string().trim().max(2000, { error: 'survey.label.tooLong' }).default(''),
    sections: z
      .array(QuestionnaireSection)
      .min(1, { error: 'survey.sections.count' })
      .max(surveyLimits.sections, { error: 'survey.sections.count' }),
  })
  .superRefine((definition, ctx) => {
    for (const issue of definitionIssues(definition))
      ctx.addIssue({ code: 'custom', message: issue.key, path: issue.path, params: issue.params });
  });
export type QuestionnaireDefinition = z.output<typeof QuestionnaireDefinition>;
export type QuestionnaireDefinitionInput = z.input<typeof QuestionnaireDefinition>;

interface DefinitionIssue {
  path: Array<string | number>;
  key: string;
  params?: Record<string, string | number>;
}

/** What a shape check cannot see: unique keys, conditions on earlier questions, bounds. */
function definitionIssues(definition: QuestionnaireDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const sectionKeys = new Set<string>();
  const earlier = new Map<string, Question>();
  let count = 0;
  definition.sections.forEach((section, s) => {
    if (sectionKeys.has(section.key))
      issues.push({ path: ['sections', s, 'key'], key: 'survey.section.duplicateKey' });
    sectionKeys.add(section.key);
    section.questions.forEach((question, q) => {
      const at = ['sections', s, 'questions', q];
      count += 1;
      if (earlier.has(question.key))
        issues.push({
          path: [...at, 'key'],
          key: 'survey.question.duplicateKey',
          params: { key: question.key },
        });
      if (question.type === 'singleChoice' || question.type === 'multipleChoice') {
        const keys = question.options.map((o) => o.key);
        keys.forEach((key, o) => {
          if (keys.indexOf(key) !== o)
            issues.push({
              path: [...at, 'options', o, 'key'],
              key: 'survey.option.duplicateKey',
              params: { key },
            });
        });
        if (question.type === 'multipleChoice' && (question.maxChoices ?? 0) > keys.length)
          issues.push({ path: [...at, 'maxChoices'], key: 'survey.maxChoices.invalid' });
      }
      if (
        question.type === 'number' &&
        question.min !== undefined &&
        question.max !== undefined &&
        question.min > question.max
      )
        issues.push({ path: [...at, 'max'], key: 'survey.number.bounds' });
      if (question.personal && definition.consentText === '')
        issues.push({ path: ['consentText'], key: 'survey.consentText.required' });
      if (question.showIf) issues.push(...showIfIssues(question.showIf, earlier, at));
      earlier.set(question.key, question);
    });
  });
  if (count > surveyLimits.questions)
    issues.push({
      path: ['sections'],
      key: 'survey.questions.tooMany',
      params: { max: surveyLimits.questions },
    });
  return issues;
}

function showIfIssues(
  showIf: ShowIf,
  earlier: ReadonlyMap<string, Question>,
  at: Array<string | number>,
): DefinitionIssue[] {
  const target = earlier.get(showIf.question);
  if (
    !target ||
    !(target.type === 'singleChoice' || target.type === 'multipleChoice' || target.type === 'scale')
  )
    return [
      {
        path: [...at, 'showIf', 'question'],
        key: 'survey.showIf.question',
        params: { key: showIf.question },
      },
    ];
  const allowed: ReadonlyArray<string | number> =
    target.type === 'scale' ? [1, 2, 3, 4, 5] : target.options.map((o) => o.key);
  return showIf.anyOf
    .map((value, v) => ({ value, v }))
    .filter(({ value }) => !allowed.includes(value))
    .map(({ value, v }) => ({
      path: [...at, 'showIf', 'anyOf', v],
      key: 'survey.showIf.value',
      params: { value: String(value), key: showIf.question },
    }));
}
