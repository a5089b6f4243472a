/**
 * Actions of the survey service on public questions and answers (issue 13): a citizen asks a
 * unit a question without an account (public routes, limited per address by the gateway); the
 * admin routes it to another unit with a note (a routing history is kept); the unit's officers
 * (their own unit, from the token) or the admin answer it, edit the answer until it is
 * published, publish it, or reject the question with a reason (never shown publicly). The public
 * sees published questions only, each unit's answered count and median time to answer beside
 * them. Questions are kept as typed: every page shows them as text, never as HTML.
 */
import { z } from 'zod';
import { defineAction, viaGateway } from './action';
import type { Locale } from './locale';
import { surveyUnitCode } from './survey.campaigns.actions';
import { PUBLIC_TEXT_BODY_LIMIT } from './survey.consultations.actions';
import { CitizenName, requiredText, surveyRecordId, unitOrAdmin } from './survey.params';

export const QuestionId = surveyRecordId('survey.question.notFound');

export const QuestionIdParams = z.object({ id: QuestionId });

export const QuestionUnitCode = surveyUnitCode('survey.question.unit');

/**
 * `new`: asked, at the unit the citizen chose; `routed`: moved by the admin to another unit,
 * not answered yet; `answered`: answered, not yet public (the answer may still be edited);
 * `published`: the public sees it with its answer; `rejected`: spam or offensive, never shown.
 */
export const questionStatuses = ['new', 'routed', 'answered', 'published', 'rejected'] as const;
export const QuestionStatus = z.enum(questionStatuses);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

const Version = z.coerce.number({ error: 'survey.question.version' }).int().min(1);

export const QuestionRouting = z.object({
  fromUnitCode: z.string(),
  toUnitCode: z.string(),
  note: z.string(),
  by: z.string(),
  at: z.iso.datetime(),
});
export type QuestionRouting = z.infer<typeof QuestionRouting>;

export const CitizenQuestion = z.object({
  id: z.string(),
  /** The unit that holds the question now (after a routing, the one it was routed to). */
  unitCode: z.string(),
  title: z.string(),
  text: z.string(),
  /** What the citizen typed as their name; null when left empty. */
  authorName: z.string().nullable(),
  status: QuestionStatus,
  askedAt: z.iso.datetime(),
  /** When the question reached `unitCode`: asked, or routed there; time to answer counts from it. */
  unitSince: z.iso.datetime(),
  routings: z.array(QuestionRouting),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  /** The first answer's moment (what time to answer measures); edits keep it. */
  answeredAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  /** Why it was rejected (told to the unit and the admin only). */
  rejectReason: z.string().nullable(),
  rejectedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type CitizenQuestion = z.infer<typeof CitizenQuestion>;

export const QuestionList = z.object({ items: z.array(CitizenQuestion), total: z.number().int() });
export type QuestionList = z.infer<typeof QuestionList>;

const limit = z.coerce.number().int().min(1).max(200).default(50);
const offset = z.coerce.number().int().min(0).default(0);

export const ListQuestionsParams = z.object({
  /** The admin may narrow to one unit; an officer always sees their own unit only. */
  unitCode: QuestionUnitCode.optional(),
  status: QuestionStatus.optional(),
  limit,
  offset,
});
export type ListQuestionsParams = z.input<typeof ListQuestionsParams>;

export const RouteQuestionParams = z.object({
  id: QuestionId,
  version: Version,
  toUnitCode: QuestionUnitCode,
  note: requiredText('survey.question.routeNote', 500),
});
export type RouteQuestionParams = z.input<typeof RouteQuestionParams>;

export const AnswerCitizenQuestionParams = z.object({
  id: QuestionId,
  version: Version,
  answer: requiredText('survey.question.answer', 10_000),
});
export type AnswerCitizenQuestionParams = z.input<typeof AnswerCitizenQuestionParams>;

export const QuestionVersionParams = z.object({ id: QuestionId, version: Version });
export type QuestionVersionParams = z.input<typeof QuestionVersionParams>;

export const RejectQuestionParams = z.object({
  id: QuestionId,
  version: Version,
  reason: requiredText('survey.question.rejectReason', 500),
});
export type RejectQuestionParams = z.input<typeof RejectQuestionParams>;

/** One unit's figures; hours to one decimal, null when there is nothing to measure. */
export const QuestionUnitStatistics = z.object({
  unitCode: z.string(),
  /** Every question the unit holds now, rejected ones included. */
  received: z.number().int(),
  /** Answered, published or not. */
  answered: z.number().int(),
  published: z.number().int(),
  rejected: z.number().int(),
  /** Neither answered nor rejected. */
  open: z.number().int(),
  /** Median hours from reaching the unit to the first answer, over the answered. */
  medianHoursToAnswer: z.number().nullable(),
  /** Hours the oldest open question has waited at the unit until now. */
  longestOpenHours: z.number().nullable(),
});
export type QuestionUnitStatistics = z.infer<typeof QuestionUnitStatistics>;

const hoursFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};
/** Hours as the statistics give them (one decimal), for people: `2,5` in Vietnamese. */
export const formatHours = (hours: number, locale: Locale = 'vi'): string =>
  hoursFormats[locale].format(hours);

export const QuestionStatistics = z.object({
  units: z.array(QuestionUnitStatistics),
  computedAt: z.iso.datetime(),
});
export type QuestionStatistics = z.infer<typeof QuestionStatistics>;

export const AskCitizenQuestionParams = z.object({
  unitCode: QuestionUnitCode,
  title: requiredText('survey.question.title', 200),
  text: requiredText('survey.question.text', 4000),
  authorName: CitizenName,
});
export type AskCitizenQuestionParams = z.input<typeof AskCitizenQuestionParams>;

export const AskedQuestion = z.object({
  id: z.string(),
  unitCode: z.string(),
  askedAt: z.iso.datetime(),
});
export type AskedQuestion = z.infer<typeof AskedQuestion>;

/** What the public sees of a published question: no moderation or routing data. */
export const PublicQuestion = CitizenQuestion.pick({
  id: true,
  unitCode: true,
  title: true,
  text: true,
  authorName: true,
  askedAt: true,
  answer: true,
  publishedAt: true,
});
export type PublicQuestion = z.infer<typeof PublicQuestion>;

export const PublicQuestionList = z.object({
  items: z.array(PublicQuestion),
  total: z.number().int(),
  /** Each unit with a published answer: how many it has answered and its median hours. */
  units: z.array(
    QuestionUnitStatistics.pick({ unitCode: true, answered: true, medianHoursToAnswer: true }),
  ),
});
export type PublicQuestionList = z.infer<typeof PublicQuestionList>;

export const ListPublicQuestionsParams = z.object({
  unitCode: QuestionUnitCode.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset,
});
export type ListPublicQuestionsParams = z.input<typeof ListPublicQuestionsParams>;

const admin = ['admin'] as const;

export const surveyQuestionActions = {
  listQuestions: defineAction({
    name: 'survey.listQuestions',
    summary: 'Questions asked, newest first (an officer: their own unit’s), by status',
    params: ListQuestionsParams,
    result: QuestionList,
    roles: unitOrAdmin,
    rest: { method: 'GET', path: '/survey/questions' },
  }),
  getQuestionStatistics: defineAction({
    name: 'survey.getQuestionStatistics',
    summary: 'Per unit: questions received, answered, published, open, and time to answer',
    params: z.object({}),
    result: QuestionStatistics,
    roles: admin,
    // Before `/survey/questions/:id` would be read with id "statistics".
    rest: { method: 'GET', path: '/survey/questions/statistics' },
  }),
  getQuestion: defineAction({
    name: 'survey.getQuestion',
    summary: 'One question with its routing history and answer',
    params: QuestionIdParams,
    result: CitizenQuestion,
    roles: unitOrAdmin,
    rest: { method: 'GET', path: '/survey/questions/:id' },
  }),
  routeQuestion: defineAction({
    name: 'survey.routeQuestion',
    summary: 'Moves an unanswered question to another unit, with a note kept in its history',
    params: RouteQuestionParams,
    result: CitizenQuestion,
    roles: admin,
    rest: { method: 'POST', path: '/survey/questions/:id/routing' },
  }),
  answerQuestion: defineAction({
    name: 'survey.answerQuestion',
    summary: 'Writes or edits the answer of a question not yet published',
    params: AnswerCitizenQuestionParams,
    result: CitizenQuestion,
    roles: unitOrAdmin,
    rest: { method: 'PUT', path: '/survey/questions/:id/answer' },
  }),
  publishQuestion: defineAction({
    name: 'survey.publishQuestion',
    summary: 'Publishes an answered question: the public sees it with its answer',
    params: QuestionVersionParams,
    result: CitizenQuestion,
    roles: unitOrAdmin,
    rest: { method: 'POST', path: '/survey/questions/:id/publication' },
  }),
  rejectQuestion: defineAction({
    name: 'survey.rejectQuestion',
    summary: 'Rejects a question not yet published (spam, offensive), with a reason never shown',
    params: RejectQuestionParams,
    result: CitizenQuestion,
    roles: unitOrAdmin,
    rest: { method: 'POST', path: '/survey/questions/:id/rejection' },
  }),
  askQuestion: defineAction({
    name: 'survey.askQuestion',
    summary: "A citizen's question to a unit (public, no login, limited per address)",
    params: AskCitizenQuestionParams,
    result: AskedQuestion,
    ...viaGateway,
    rest: {
      method: 'POST',
      path: '/public/questions',
      status: 201,
      bodyLimit: PUBLIC_TEXT_BODY_LIMIT,
      public: true,
    },
  }),
  listPublicQuestions: defineAction({
    name: 'survey.listPublicQuestions',
    summary: 'Published questions with their answers, newest first (public, no login)',
    params: ListPublicQuestionsParams,
    result: PublicQuestionList,
    ...viaGateway,
    rest: { method: 'GET', path: '/public/questions', public: true },
  }),
  getPublicQuestion: defineAction({
    name: 'survey.getPublicQuestion',
    summary: 'One published question with its answer (public, no login)',
    params: QuestionIdParams,
    result: PublicQuestion,
    ...viaGateway,
    rest: { method: 'GET', path: '/public/questions/:id', public: true },
  }),
};
