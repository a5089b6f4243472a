/**
 * Actions of the survey service on campaigns (issue 13): a campaign asks one published
 * questionnaire version of the units of a period, with a sample size per unit for direct
 * surveys, the satisfaction index's method, and which `survey` criteria its results fill.
 * Draft → open (answers taken) → closed (results sent to the assessment service through the
 * durable event `survey.campaign.closed`); a closed campaign may be reopened and closed again,
 * and the results sent then replace the earlier ones.
 *
 * Who: the admin only.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { CriterionCode } from './assessment.criteria';
import { SAMPLE_MARGIN_MAX, SAMPLE_MARGIN_MIN, SAMPLE_POPULATION_MAX } from './survey.sample-size';
import { SurveyKey } from './survey.questionnaire';
import { surveyRecordId } from './survey.params';
import { SurveyObjectId } from './survey.questionnaires.actions';

export const CampaignId = surveyRecordId('survey.campaign.notFound');

/** A unit's code as the survey pages send it, refused with `key`'s message. */
export const surveyUnitCode = (key: 'survey.campaign.units.required' | 'survey.question.unit') =>
  z.string({ error: key }).trim().min(1, { error: key }).max(32, { error: key }).toUpperCase();

export const SurveyUnitCode = surveyUnitCode('survey.campaign.units.required');

export const campaignStatuses = ['draft', 'open', 'closed'] as const;
export const CampaignStatus = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

const Count = z
  .number({ error: 'survey.sample.population' })
  .int({ error: 'survey.sample.population' })
  .min(0, { error: 'survey.sample.population' })
  .max(SAMPLE_POPULATION_MAX, { error: 'survey.sample.population' });

/**
 * A surveyed unit: `population` is its number of dossiers N; `sampleSize` the citizens its
 * direct survey needs, given, or computed as n = N ÷ (1 + N·e²) when only N is given.
 */
export const CampaignUnitInput = z.object({
  unitCode: SurveyUnitCode,
  population: Count.nullable().default(null),
  sampleSize: Count.nullable().default(null),
});
export type CampaignUnitInput = z.input<typeof CampaignUnitInput>;

export const CampaignUnit = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  population: z.number().int().nullable(),
  sampleSize: z.number().int().nullable(),
  /** True when the sample size was computed from `population` and the margin. */
  sampleSizeComputed: z.boolean(),
});
export type CampaignUnit = z.infer<typeof CampaignUnit>;

/**
 * The satisfaction index: per aspect section, the share of its scale answers at `satisfiedFrom`
 * or above (4: "satisfied" and "very satisfied"), then the weighted mean of the sections'
 * shares by `aspectWeights` (every aspect section weighs the same when the list is empty).
 * Shares and the index are hundredths of a percent (8750 is 87.50 %).
 */
export const SatisfactionIndexMethod = z.object({
  satisfiedFrom: z.number().int().min(2).max(5).default(4),
  aspectWeights: z
    .array(z.object({ sectionKey: SurveyKey, weight: z.number().int().min(1).max(1000) }))
    .max(20)
    .default([]),
});
export type SatisfactionIndexMethod = z.output<typeof SatisfactionIndexMethod>;

/**
 * A `survey` criterion of the period's sets that the results fill: from the whole index
 * (`sectionKey` null) or from one aspect section's share; the leaf's score is that percentage of
 * its maximum.
 */
export const CampaignCriterion = z.object({
  criterionCode: CriterionCode,
  sectionKey: SurveyKey.nullable().default(null),
});
export type CampaignCriterion = z.output<typeof CampaignCriterion>;

export const CampaignInput = z.object({
  periodId: z
    .string({ error: 'period.notFound' })
    .trim()
    .regex(/^[0-9a-f]{24}$/, { error: 'period.notFound' }),
  name: z
    .string({ error: 'survey.label.required' })
    .trim()
    .min(1, { error: 'survey.label.required' })
    .max(200, { error: 'survey.label.tooLong' }),
  questionnaireId: SurveyObjectId,
  questionnaireVersion: z.coerce.number().int().min(1),
  units: z
    .array(CampaignUnitInput)
    .min(1, { error: 'survey.campaign.units.required' })
    .max(2000, { error: 'survey.campaign.units.required' })
    .refine((units) => new Set(units.map((u) => u.unitCode)).size === units.length, {
      error: 'survey.campaign.units.required',
    }),
  /** Margin of error e for the sample sizes, in hundredths of a percent (500 is 5 %). */
  marginOfError: z
    .number({ error: 'survey.sample.margin' })
    .int({ error: 'survey.sample.margin' })
    .min(SAMPLE_MARGIN_MIN, { error: 'survey.sample.margin' })
    .max(SAMPLE_MARGIN_MAX, { error: 'survey.sample.margin' })
    .default(500),
  index: SatisfactionIndexMethod.default({ satisfiedFrom: 4, aspectWeights: [] }),
  criteria: z.array(CampaignCriterion).max(50).default([]),
  /** After this time no answer is taken, even before the admin closes it. */
  closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type CampaignInput = z.input<typeof CampaignInput>;

export const Campaign = z.object({
  id: z.string(),
  periodId: z.string(),
  name: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  questionnaireTitle: z.string(),
  units: z.array(CampaignUnit),
  marginOfError: z.number().int(),
  index: SatisfactionIndexMethod,
  criteria: z.array(CampaignCriterion),
  closesAt: z.iso.datetime().nullable(),
  status: CampaignStatus,
  openedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** How many times results were sent (each close); the event carries it so older never win. */
  resultsSent: z.number().int(),
  responseCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignList = z.object({ items: z.array(Campaign), total: z.number().int() });
export type CampaignList = z.infer<typeof CampaignList>;

export const ListCampaignsParams = z.object({
  periodId: z.string().trim().optional(),
  status: CampaignStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const CampaignIdParams = z.object({ id: CampaignId });
export const CreateCampaignParams = CampaignInput;
export type CreateCampaignParams = z.input<typeof CreateCampaignParams>;
export const UpdateCampaignParams = CampaignInput.extend({
  id: CampaignId,
  version: z.coerce.number().int(),
});
export type UpdateCampaignParams = z.input<typeof UpdateCampaignParams>;
export const CampaignTransitionParams = z.object({
  id: CampaignId,
  version: z.coerce.number().int(),
});
export type CampaignTransitionParams = z.input<typeof CampaignTransitionParams>;

const admin = ['admin'] as const;

export const surveyCampaignActions = {
  listCampaigns: defineAction({
    name: 'survey.listCampaigns',
    summary: 'Campaigns, filtered by period and status, newest first',
    params: ListCampaignsParams,
    result: CampaignList,
    roles: admin,
    rest: { method: 'GET', path: '/survey/campaigns' },
  }),
  getCampaign: defineAction({
    name: 'survey.getCampaign',
    summary: 'One campaign with its units and sample sizes',
    params: CampaignIdParams,
    result: Campaign,
    roles: admin,
    rest: { method: 'GET', path: '/survey/campaigns/:id' },
  }),
  createCampaign: defineAction({
    name: 'survey.createCampaign',
    summary:
      "A draft campaign of a period's units asking a published questionnaire version (422 naming each field)",
    params: CreateCampaignParams,
    result: Campaign,
    roles: admin,
    rest: { method: 'POST', path: '/survey/campaigns', status: 201 },
  }),
  updateCampaign: defineAction({
    name: 'survey.updateCampaign',
    summary: 'Change a draft campaign (409 on a stale version or once opened)',
    params: UpdateCampaignParams,
    result: Campaign,
    roles: admin,
    rest: { method: 'PUT', path: '/survey/campaigns/:id' },
  }),
  openCampaign: defineAction({
    name: 'survey.openCampaign',
    summary: 'Start taking answers (from a draft, or again after a close)',
    params: CampaignTransitionParams,
    result: Campaign,
    roles: admin,
    rest: { method: 'POST', path: '/survey/campaigns/:id/open' },
  }),
  closeCampaign: defineAction({
    name: 'survey.closeCampaign',
    summary:
      "Stop taking answers and send each unit's results to its survey criteria (a durable event; re-sent results replace)",
    params: CampaignTransitionParams,
    result: Campaign,
    roles: admin,
    rest: { method: 'POST', path: '/survey/campaigns/:id/close' },
  }),
};
