/**
 * What a questionnaire's pages and checks share apart from its schemas: the SIPAS aspects, the
 * question types, the sizes, and a definition's questions in order. The citizens' form checks
 * answers with these (`survey.answers.ts`) without loading zod on a phone.
 */
import type {
  Question,
  QuestionnaireDefinition,
  QuestionnaireSection,
} from './survey.questionnaire';

/**
 * The five aspects SIPAS measures (Quyết định 979/QĐ-BNV): access to the service, the
 * administrative procedure, the civil servant who handled it, the result, and how feedback is
 * received and handled. A section naming one counts towards the satisfaction index.
 */
export const sipasAspects = ['access', 'procedure', 'civilServant', 'result', 'feedback'] as const;

/** The aspects' usual Vietnamese titles, for a new questionnaire's sections. */
export const sipasAspectTitles: Record<(typeof sipasAspects)[number], string> = {
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  civilServant: 'Công chức trực tiếp giải quyết công việc',
  result: 'Kết quả giải quyết công việc',
  feedback: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
};

export const questionTypes = [
  'singleChoice',
  'multipleChoice',
  'scale',
  'number',
  'shortText',
  'longText',
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Sizes a questionnaire and an answer may reach; the gateway's body limit bounds the rest. */
export const surveyLimits = {
  sections: 20,
  questions: 100,
  options: 20,
  keyLength: 32,
  label: 500,
  help: 1000,
  /** Characters of a short text answer, at most (a question may ask for fewer). */
  shortText: 200,
  /** Characters of a long text answer by default, and the most a question may allow. */
  longText: 2000,
  longTextMax: 4000,
  /** The lowest and highest value of a scale question. */
  scaleMin: 1,
  scaleMax: 5,
} as const;

/** Every question in display order, with its section. */
export function questionsOf(
  definition: Pick<QuestionnaireDefinition, 'sections'>,
): Array<{ section: QuestionnaireSection; question: Question }> {
  return definition.sections.flatMap((section) =>
    section.questions.map((question) => ({ section, question })),
  );
}
