/**
 * Answers arriving: a citizen's online answer (once per device per campaign and unit) and a
 * paper form typed in by a surveyor (once per paper id). Each is checked against the campaign's
 * questionnaire version with `checkAnswers`, as the form does, and written in one insert whose
 * `_id` makes a second one a duplicate key: nothing is written unless everything is valid.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Connection } from 'mongoose';
import {
  checkAnswers,
  formatMessage,
  type AuthUser,
  type CheckedAnswers,
  type EnteredPaperResponse,
  type Locale,
  type PublicCampaignList,
  type PublicSurveyForm,
  type QuestionnaireDefinition,
  type SubmittedResponse,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import { campaignModel, type CampaignDocument } from '../models/campaign.model';
import { responseModel, type ResponseDocument } from '../models/response.model';

export interface ResponseDeps {
  db: Connection;
  definition: (questionnaireId: string, number: number) => Promise<QuestionnaireDefinition>;
  now?: () => Date;
}

const notFound = () => new PortalError('E_NOT_FOUND', { key: 'survey.campaign.notFound' });

/** Whether the campaign takes answers at `now`: open, and before its closing time if it has one. */
export const accepting = (campaign: Pick<CampaignDocument, 'status' | 'closesAt'>, now: Date) =>
  campaign.status === 'open' && (campaign.closesAt === null || now < campaign.closesAt);

/** The campaign (a draft is not public: 404) and the unit, or the refusal. */
async function campaignFor(
  db: Connection,
  campaignId: string,
  unitCode: string,
): Promise<{ campaign: CampaignDocument; unitName: string }> {
  const campaign = await campaignModel(db).findById(campaignId).lean<CampaignDocument>();
  if (!campaign || campaign.status === 'draft') throw notFound();
  const unit = campaign.units.find((u) => u.unitCode === unitCode);
  if (!unit)
    throw new PortalError('E_NOT_FOUND', {
      key: 'survey.campaign.unitUnknown',
      params: { code: unitCode },
      fields: [{ field: 'unitCode', key: 'survey.campaign.unitUnknown' }],
    });
  return { campaign, unitName: unit.unitName };
}

export async function listOpenCampaigns(
  db: Connection,
  now: Date = new Date(),
): Promise<PublicCampaignList> {
  const open = await campaignModel(db)
    .find({ status: 'open' }, { name: 1, closesAt: 1, status: 1, units: 1 })
    .sort({ createdAt: -1 })
    .lean<CampaignDocument[]>();
  return {
    items: open
      .filter((c) => accepting(c, now))
      .map((c) => ({
        campaignId: c._id.toHexString(),
        name: c.name,
        closesAt: c.closesAt?.toISOString() ?? null,
        units: c.units.map((u) => ({ unitCode: u.unitCode, unitName: u.unitName })),
      })),
  };
}

export async function publicForm(
  deps: ResponseDeps,
  params: { campaignId: string; unitCode: string },
): Promise<PublicSurveyForm> {
  const { campaign, unitName } = await campaignFor(deps.db, params.campaignId, params.unitCode);
  return {
    campaignId: params.campaignId,
    campaignName: campaign.name,
    unitCode: params.unitCode,
    unitName,
    status: campaign.status,
    accepting: accepting(campaign, deps.now?.() ?? new Date()),
    closesAt: campaign.closesAt?.toISOString() ?? null,
    questionnaire: await deps.definition(campaign.questionnaireId, campaign.questionnaireVersion),
  };
}

/** The campaign open for answers and the answers checked, or the refusal naming each field. */
async function checked(
  deps: ResponseDeps,
  params: { campaignId: string; unitCode: string; answers: unknown; consent: boolean },
  locale: Locale,
): Promise<{ answers: CheckedAnswers; campaign: CampaignDocument }> {
  const { campaign } = await campaignFor(deps.db, params.campaignId, params.unitCode);
  // Its own code, as a consultation's closed comment period has: a 409 is a second answer only,
  // so a page tells "closed" from "already answered" without reading the text.
  if (!accepting(campaign, deps.now?.() ?? new Date()))
    throw new PortalError('E_DEADLINE_PASSED', { key: 'survey.campaign.notOpen' });
  const definition = await deps.definition(campaign.questionnaireId, campaign.questionnaireVersion);
  const outcome = checkAnswers(definition, params.answers, params.consent);
  if (!outcome.ok)
    throw new PortalError('E_VALIDATION', {
      key: 'error.validation',
      fields: outcome.issues.map((issue) => ({
        field: issue.field,
        message: formatMessage(issue.key, issue.params, locale),
      })),
    });
  return { answers: outcome.answers, campaign };
}

/** A device token is never stored: only a hash of it with the campaign and unit. */
export const deviceResponseId = (campaignId: string, unitCode: string, deviceToken: string) =>
  `d:${createHash('sha256').update(`${campaignId}\n${unitCode}\n${deviceToken}`).digest('hex')}`;

export const paperResponseId = (campaignId: string, paperId: string) =>
  `p:${campaignId}/${paperId}`;

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

export async function submitResponse(
  deps: ResponseDeps,
  params: {
    campaignId: string;
    unitCode: string;
    deviceToken: string;
    answers: unknown;
    consent: boolean;
  },
  locale: Locale,
): Promise<SubmittedResponse> {
  const { answers } = await checked(deps, params, locale);
  const _id = deviceResponseId(params.campaignId, params.unitCode, params.deviceToken);
  const receivedAt = deps.now?.() ?? new Date();
  try {
    await responseModel(deps.db).create([
      {
        _id,
        campaignId: params.campaignId,
        unitCode: params.unitCode,
        channel: 'online',
        answers,
        consent: params.consent,
        receivedAt,
      },
    ]);
  } catch (err) {
    if (isDuplicate(err)) throw new PortalError('E_CONFLICT', { key: 'survey.device.duplicate' });
    throw err;
  }
  return { id: _id, receivedAt: receivedAt.toISOString() };
}

/**
 * A paper form: the same paper id with the same unit and answers again is a resend (the
 * surveyor's app retrying), answered as the first time with `replayed`; with anything else, 409.
 */
export async function enterPaperResponse(
  deps: ResponseDeps,
  params: {
    campaignId: string;
    unitCode: string;
    paperId: string;
    answers: unknown;
    consent: boolean;
  },
  user: AuthUser,
  locale: Locale,
): Promise<EnteredPaperResponse> {
  const { answers } = await checked(deps, params, locale);
  const _id = paperResponseId(params.campaignId, params.paperId);
  const receivedAt = deps.now?.() ?? new Date();
  try {
    await responseModel(deps.db).create([
      {
        _id,
        campaignId: params.campaignId,
        unitCode: params.unitCode,
        channel: 'paper',
        paperId: params.paperId,
        enteredBy: { id: user.id, username: user.username },
        answers,
        consent: params.consent,
        receivedAt,
      },
    ]);
    return {
      id: _id,
      paperId: params.paperId,
      receivedAt: receivedAt.toISOString(),
      replayed: false,
    };
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  const first = await responseModel(deps.db).findById(_id).lean<ResponseDocument>();
  if (first && first.unitCode === params.unitCode && isDeepStrictEqual(first.answers, answers))
    return {
      id: _id,
      paperId: params.paperId,
      receivedAt: first.receivedAt.toISOString(),
      replayed: true,
    };
  throw new PortalError('E_CONFLICT', {
    key: 'survey.paper.duplicate',
    params: { paperId: params.paperId },
    fields: [{ field: 'paperId', key: 'survey.paper.duplicate' }],
  });
}
