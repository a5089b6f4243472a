/**
 * Actions of the survey service on answers (issue 13): the public form and its submission
 * without login (one answer per device per campaign and unit), paper forms entered by
 * surveyors (each paper id once), and the results per unit, aspect and question with their
 * Excel export.
 *
 * Public routes (`rest.public`) take no login: the gateway limits them per address and calls
 * the action as its own service principal (`services: ['gateway']`), so nobody else on the bus
 * can. Every answer is checked with `checkAnswers` (`survey.answers.ts`), as the form does.
 */
import { z } from 'zod';
import { defineAction, viaGateway } from './action';
import { Answers } from './survey.answers';
import { CampaignId, CampaignStatus, SurveyUnitCode } from './survey.campaigns.actions';
import { QuestionnaireDefinition, SipasAspect, questionTypes } from './survey.questionnaire';

/** The largest JSON body the public submission takes (a 100-question form fits easily). */
export const SURVEY_RESPONSE_BODY_LIMIT = '64kb';

/**
 * A random token the browser makes once and keeps (`localStorage`), e.g. `crypto.randomUUID()`:
 * one answer per device token per campaign and unit. No personal data.
 */
export const DeviceToken = z
  .string({ error: 'survey.device.invalid' })
  .regex(/^[A-Za-z0-9_-]{16,128}$/, { error: 'survey.device.invalid' });

/** The id printed on a paper form. */
export const PaperId = z
  .string({ error: 'survey.paperId.invalid' })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, { error: 'survey.paperId.invalid' });

export const PublicCampaign = z.object({
  campaignId: z.string(),
  name: z.string(),
  closesAt: z.iso.datetime().nullable(),
  units: z.array(z.object({ unitCode: z.string(), unitName: z.string() })),
});
export const PublicCampaignList = z.object({ items: z.array(PublicCampaign) });
export type PublicCampaignList = z.infer<typeof PublicCampaignList>;

/** What the public form needs to render a unit's survey. */
export const PublicSurveyForm = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  status: CampaignStatus,
  /** False once closed or past `closesAt`: show a thank-you, not the form. */
  accepting: z.boolean(),
  closesAt: z.iso.datetime().nullable(),
  questionnaire: QuestionnaireDefinition,
});
export type PublicSurveyForm = z.infer<typeof PublicSurveyForm>;

export const PublicFormParams = z.object({ campaignId: CampaignId, unitCode: SurveyUnitCode });

export const SubmitResponseParams = z.object({
  campaignId: CampaignId,
  unitCode: SurveyUnitCode,
  deviceToken: DeviceToken,
  answers: Answers,
  /** The citizen's consent to the questionnaire's `consentText`, needed for personal answers. */
  consent: z.boolean().default(false),
});
export type SubmitResponseParams = z.input<typeof SubmitResponseParams>;

export const SubmittedResponse = z.object({
  id: z.string(),
  receivedAt: z.iso.datetime(),
});
export type SubmittedResponse = z.infer<typeof SubmittedResponse>;

export const EnterPaperResponseParams = z.object({
  campaignId: CampaignId,
  unitCode: SurveyUnitCode,
  paperId: PaperId,
  answers: Answers,
  consent: z.boolean().default(false),
});
export type EnterPaperResponseParams = z.input<typeof EnterPaperResponseParams>;

export const EnteredPaperResponse = z.object({
  id: z.string(),
  paperId: z.string(),
  receivedAt: z.iso.datetime(),
  /** True when this paper id was already entered with the same answers (a resend): nothing new. */
  replayed: z.boolean(),
});
export type EnteredPaperResponse = z.infer<typeof EnteredPaperResponse>;

/** A count and its share of the answers, the share in hundredths of a percent. */
const Share = z.object({ count: z.number().int(), share: z.number().int() });

export const QuestionResult = z.object({
  key: z.string(),
  sectionKey: z.string(),
  type: z.enum(questionTypes),
  label: z.string(),
  /** Responses that answered it (hidden or skipped ones do not count). */
  answered: z.number().int(),
  /** Choice questions: each option in the questionnaire's order. */
  options: z.array(Share.extend({ key: z.string(), label: z.string() })).optional(),
  /** Scale questions: answers 1 to 5, their mean in hundredths, the satisfied share. */
  scale: z
    .object({
      counts: z.array(z.number().int()).length(5),
      mean: z.number().int().nullable(),
      satisfied: Share,
    })
    .optional(),
  /** Number questions: mean in hundredths, least and most. */
  number: z
    .object({
      mean: z.number().int().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
    })
    .optional(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const AspectResult = z.object({
  sectionKey: z.string(),
  title: z.string(),
  aspect: SipasAspect,
  weight: z.number().int(),
  /** Scale answers in the section, and those at the method's `satisfiedFrom` or above. */
  scaleAnswers: z.number().int(),
  satisfied: z.number().int(),
  /** satisfied ÷ scaleAnswers in hundredths of a percent; null without any scale answer. */
  share: z.number().int().nullable(),
});
export type AspectResult = z.infer<typeof AspectResult>;

export const UnitResult = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  responses: z.number().int(),
  online: z.number().int(),
  paper: z.number().int(),
  sampleSize: z.number().int().nullable(),
  /** The satisfaction index in hundredths of a percent; null without any scale answer. */
  index: z.number().int().nullable(),
  aspects: z.array(AspectResult),
  questions: z.array(QuestionResult),
});
export type UnitResult = z.infer<typeof UnitResult>;

export const CampaignResults = z.object({
  campaignId: z.string(),
  status: CampaignStatus,
  /** All the campaign's units together (the index over every response). */
  overall: UnitResult.omit({ unitCode: true, unitName: true, sampleSize: true }),
  units: z.array(UnitResult),
});
export type CampaignResults = z.infer<typeof CampaignResults>;

export const CampaignResultsParams = z.object({
  id: CampaignId,
  /** One unit only. */
  unitCode: SurveyUnitCode.optional(),
});

export const ExportCampaignParams = z.object({
  id: CampaignId,
  /** `table`: the results per unit, aspect and question; `answers`: one row per response. */
  kind: z.enum(['table', 'answers']).default('table'),
});
export const CampaignExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  count: z.number().int(),
});
export type CampaignExport = z.infer<typeof CampaignExport>;

const admin = ['admin'] as const;

export const surveyResponseActions = {
  listOpenCampaigns: defineAction({
    name: 'survey.listOpenCampaigns',
    summary: 'Campaigns taking answers now, with their units (public, no login)',
    params: z.object({}),
    result: PublicCampaignList,
    ...viaGateway,
    rest: { method: 'GET', path: '/public/surveys', public: true },
  }),
  getPublicForm: defineAction({
    name: 'survey.getPublicForm',
    summary: "A unit's survey form as a citizen sees it (public, no login)",
    params: PublicFormParams,
    result: PublicSurveyForm,
    ...viaGateway,
    rest: { method: 'GET', path: '/public/surveys/:campaignId/units/:unitCode', public: true },
  }),
  submitResponse: defineAction({
    name: 'survey.submitResponse',
    summary:
      "A citizen's answers (public, no login; one per device per campaign and unit, limited per address)",
    params: SubmitResponseParams,
    result: SubmittedResponse,
    ...viaGateway,
    rest: {
      method: 'POST',
      path: '/public/surveys/:campaignId/units/:unitCode/responses',
      status: 201,
      bodyLimit: SURVEY_RESPONSE_BODY_LIMIT,
      public: true,
    },
  }),
  enterPaperResponse: defineAction({
    name: 'survey.enterPaperResponse',
    summary:
      "A sampled citizen's paper form entered by a surveyor; the same paper id again is a resend (200), with other answers 409",
    params: EnterPaperResponseParams,
    result: EnteredPaperResponse,
    roles: admin,
    rest: {
      method: 'POST',
      path: '/survey/campaigns/:campaignId/units/:unitCode/paper-responses',
      bodyLimit: SURVEY_RESPONSE_BODY_LIMIT,
    },
  }),
  getCampaignResults: defineAction({
    name: 'survey.getCampaignResults',
    summary: 'Results per unit, per aspect and per question: counts, shares, satisfaction index',
    params: CampaignResultsParams,
    result: CampaignResults,
    roles: admin,
    rest: { method: 'GET', path: '/survey/campaigns/:id/results' },
  }),
  exportCampaign: defineAction({
    name: 'survey.exportCampaign',
    summary: 'Excel workbook of the results table, or of the raw answers',
    params: ExportCampaignParams,
    result: CampaignExport,
    roles: admin,
    rest: { method: 'GET', path: '/survey/campaigns/:id/export' },
  }),
};
