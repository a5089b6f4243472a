/**
 * Actions of the survey service on questionnaires (issue 13): the admin keeps one draft per
 * questionnaire and publishes it as numbered versions; a published version never changes, and
 * campaigns name the version they ask.
 *
 * Who: the admin (the Department of Home Affairs) only.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { QuestionnaireDefinition } from './survey.questionnaire';
import { surveyRecordId } from './survey.params';

export const SurveyObjectId = surveyRecordId('survey.questionnaire.notFound');

export const QuestionnaireVersionSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  questionCount: z.number().int(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.object({ id: z.string(), username: z.string() }),
});
export type QuestionnaireVersionSummary = z.infer<typeof QuestionnaireVersionSummary>;

/** A questionnaire: its draft (what the editor changes) and its published versions. */
export const Questionnaire = z.object({
  id: z.string(),
  draft: QuestionnaireDefinition,
  /** Newest first. */
  versions: z.array(QuestionnaireVersionSummary),
  /** The draft's optimistic version: send it back with a save or a publication. */
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export const QuestionnaireSummary = z.object({
  id: z.string(),
  title: z.string(),
  latestVersion: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export const QuestionnaireList = z.object({
  items: z.array(QuestionnaireSummary),
  total: z.number().int(),
});
export type QuestionnaireList = z.infer<typeof QuestionnaireList>;

/** One published version, frozen. */
export const QuestionnaireVersion = z.object({
  questionnaireId: z.string(),
  number: z.number().int(),
  definition: QuestionnaireDefinition,
  publishedAt: z.iso.datetime(),
  publishedBy: z.object({ id: z.string(), username: z.string() }),
});
export type QuestionnaireVersion = z.infer<typeof QuestionnaireVersion>;

export const ListQuestionnairesParams = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const QuestionnaireIdParams = z.object({ id: SurveyObjectId });
export const CreateQuestionnaireParams = z.object({ definition: QuestionnaireDefinition });
export type CreateQuestionnaireParams = z.input<typeof CreateQuestionnaireParams>;
export const SaveQuestionnaireDraftParams = z.object({
  id: SurveyObjectId,
  definition: QuestionnaireDefinition,
  version: z.coerce.number().int(),
});
export type SaveQuestionnaireDraftParams = z.input<typeof SaveQuestionnaireDraftParams>;
export const PublishQuestionnaireParams = z.object({
  id: SurveyObjectId,
  version: z.coerce.number().int(),
});
export const QuestionnaireVersionParams = z.object({
  id: SurveyObjectId,
  number: z.coerce.number().int().min(1),
});

const admin = ['admin'] as const;

export const surveyQuestionnaireActions = {
  listQuestionnaires: defineAction({
    name: 'survey.listQuestionnaires',
    summary: 'Questionnaires, most recently changed first',
    params: ListQuestionnairesParams,
    result: QuestionnaireList,
    roles: admin,
    rest: { method: 'GET', path: '/survey/questionnaires' },
  }),
  getQuestionnaire: defineAction({
    name: 'survey.getQuestionnaire',
    summary: "A questionnaire's draft and its published versions",
    params: QuestionnaireIdParams,
    result: Questionnaire,
    roles: admin,
    rest: { method: 'GET', path: '/survey/questionnaires/:id' },
  }),
  createQuestionnaire: defineAction({
    name: 'survey.createQuestionnaire',
    summary: 'A new questionnaire, as a draft (422 naming each field at fault)',
    params: CreateQuestionnaireParams,
    result: Questionnaire,
    roles: admin,
    rest: { method: 'POST', path: '/survey/questionnaires', status: 201 },
  }),
  saveQuestionnaireDraft: defineAction({
    name: 'survey.saveQuestionnaireDraft',
    summary: "Replace a questionnaire's draft (409 on a stale version); published versions stay",
    params: SaveQuestionnaireDraftParams,
    result: Questionnaire,
    roles: admin,
    rest: { method: 'PUT', path: '/survey/questionnaires/:id/draft' },
  }),
  publishQuestionnaire: defineAction({
    name: 'survey.publishQuestionnaire',
    summary: 'Freeze the draft as the next numbered version (409 on a stale version)',
    params: PublishQuestionnaireParams,
    result: QuestionnaireVersion,
    roles: admin,
    rest: { method: 'POST', path: '/survey/questionnaires/:id/versions', status: 201 },
  }),
  getQuestionnaireVersion: defineAction({
    name: 'survey.getQuestionnaireVersion',
    summary: 'One published version, as it was published',
    params: QuestionnaireVersionParams,
    result: QuestionnaireVersion,
    roles: admin,
    rest: { method: 'GET', path: '/survey/questionnaires/:id/versions/:number' },
  }),
};
