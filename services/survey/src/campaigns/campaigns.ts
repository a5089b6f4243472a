/**
 * Campaigns: created and changed as drafts, opened, closed. Closing sends each unit's results
 * for the campaign's survey criteria as the durable event `survey.campaign.closed`, through the
 * campaign's outbox.
 */
import { randomUUID } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import {
  sampleSize,
  surveyEvents,
  type AuthUser,
  type Campaign,
  type CampaignInput,
  type CampaignList,
  type CampaignStatus,
  type CampaignUnit,
  type Period,
  type QuestionnaireDefinition,
  type SurveyCampaignClosed,
} from '@par/contracts';
import { outboxEvent, PortalError, versionedDocuments, wakeOutboxRelay } from '@par/service-kit';
import type { z } from 'zod';
import { auditItem } from '../models/audit-entry.model';
import { campaignModel, type CampaignDocument } from '../models/campaign.model';
import { responseModel } from '../models/response.model';
import { getVersion } from '../questionnaires/questionnaires';
import { campaignTallies } from '../results/results';
import { criterionPercents, tallyResult } from '../results/tally';

export type CampaignFields = z.output<typeof CampaignInput>;

export interface CampaignDeps {
  db: Connection;
  /** The period, asked of the assessment service with the caller's own token. */
  period: (periodId: string) => Promise<Period>;
  /** A published version's definition (frozen, so a node may keep it). */
  definition: (questionnaireId: string, number: number) => Promise<QuestionnaireDefinition>;
}

/**
 * Answers stored per campaign, in one pass over the responses for all of `ids`: a count per
 * campaign scans the whole collection on the local FerretDB, and a list of 50 campaigns made 50
 * such scans at once (10 s and more once a campaign day had stored a few thousand answers).
 */
async function responseCounts(db: Connection, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await responseModel(db).aggregate<{ _id: string; n: number }>([
    { $match: { campaignId: { $in: ids } } },
    { $group: { _id: '$campaignId', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [row._id, row.n]));
}

export async function toCampaign(
  db: Connection,
  doc: CampaignDocument,
  counted?: Map<string, number>,
): Promise<Campaign> {
  const id = doc._id.toHexString();
  const counts = counted ?? (await responseCounts(db, [id]));
  return {
    id,
    periodId: doc.periodId,
    name: doc.name,
    questionnaireId: doc.questionnaireId,
    questionnaireVersion: doc.questionnaireVersion,
    questionnaireTitle: doc.questionnaireTitle,
    units: doc.units,
    marginOfError: doc.marginOfError,
    index: doc.index,
    criteria: doc.criteria,
    closesAt: doc.closesAt?.toISOString() ?? null,
    status: doc.status,
    openedAt: doc.openedAt?.toISOString() ?? null,
    closedAt: doc.closedAt?.toISOString() ?? null,
    resultsSent: doc.resultsSent,
    responseCount: counts.get(id) ?? 0,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export const versionedCampaigns = (db: Connection) =>
  versionedDocuments({
    model: campaignModel,
    toCurrent: (doc: CampaignDocument) => toCampaign(db, doc),
    stale: () => ({ key: 'survey.campaign.version.stale', field: 'version' }),
    notFound: { key: 'survey.campaign.notFound' },
  });

const validation = (field: string, key: Parameters<typeof fieldIssue>[1], params = {}) =>
  new PortalError('E_VALIDATION', {
    key: 'error.validation',
    fields: [fieldIssue(field, key, params)],
  });
function fieldIssue(
  field: string,
  key:
    | 'survey.campaign.unitNotInPeriod'
    | 'survey.campaign.weightSection'
    | 'survey.campaign.criterionSection'
    | 'survey.campaign.noAspect'
    | 'survey.questionnaire.notFound',
  params: Record<string, string | number> = {},
) {
  return { field, key, params };
}

/**
 * What a draft holds once its references are checked: the questionnaire version exists, every
 * unit takes part in the period (its name from the period), weights and criteria name aspect
 * sections, and sample sizes are computed where only the number of dossiers is given.
 */
async function resolve(
  deps: CampaignDeps,
  input: CampaignFields,
): Promise<
  Omit<
    CampaignDocument,
    | '_id'
    | 'status'
    | 'openedAt'
    | 'closedAt'
    | 'resultsSent'
    | 'version'
    | 'createdAt'
    | 'updatedAt'
    | 'outbox'
  >
> {
  const definition = await deps
    .definition(input.questionnaireId, input.questionnaireVersion)
    .catch(() => {
      throw validation('questionnaireVersion', 'survey.questionnaire.notFound');
    });
  const period = await deps.period(input.periodId);
  const names = new Map(period.units.map((u) => [u.code, u.name]));
  const units: CampaignUnit[] = input.units.map((u, i) => {
    const name = names.get(u.unitCode);
    if (name === undefined)
      throw validation(`units.${i}.unitCode`, 'survey.campaign.unitNotInPeriod', {
        code: u.unitCode,
      });
    const computed = u.sampleSize === null && u.population !== null;
    return {
      unitCode: u.unitCode,
      unitName: name,
      population: u.population,
      sampleSize: computed ? sampleSize(u.population!, input.marginOfError) : u.sampleSize,
      sampleSizeComputed: computed,
    };
  });
  const aspectSections = new Set(
    definition.sections
      .filter((s) => s.aspect !== null && s.questions.some((q) => q.type === 'scale'))
      .map((s) => s.key),
  );
  input.index.aspectWeights.forEach((w, i) => {
    if (!aspectSections.has(w.sectionKey))
      throw validation(`index.aspectWeights.${i}.sectionKey`, 'survey.campaign.weightSection', {
        key: w.sectionKey,
      });
  });
  input.criteria.forEach((c, i) => {
    if (aspectSections.size === 0)
      throw validation(`criteria.${i}.criterionCode`, 'survey.campaign.noAspect');
    if (c.sectionKey !== null && !aspectSections.has(c.sectionKey))
      throw validation(`criteria.${i}.sectionKey`, 'survey.campaign.criterionSection', {
        code: c.criterionCode,
        key: c.sectionKey,
      });
  });
  return {
    periodId: input.periodId,
    name: input.name,
    questionnaireId: input.questionnaireId,
    questionnaireVersion: input.questionnaireVersion,
    questionnaireTitle: definition.title,
    units,
    marginOfError: input.marginOfError,
    index: input.index,
    criteria: input.criteria,
    closesAt: input.closesAt ? new Date(input.closesAt) : null,
  };
}

export async function listCampaigns(
  db: Connection,
  params: { periodId?: string; status?: CampaignStatus; limit: number; offset: number },
): Promise<CampaignList> {
  const filter = {
    ...(params.periodId ? { periodId: params.periodId } : {}),
    ...(params.status ? { status: params.status } : {}),
  };
  const model = campaignModel(db);
  const [docs, total] = await Promise.all([
    model
      .find(filter)
      .sort({ createdAt: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<CampaignDocument[]>(),
    model.countDocuments(filter),
  ]);
  const counts = await responseCounts(
    db,
    docs.map((d) => d._id.toHexString()),
  );
  return { items: await Promise.all(docs.map((d) => toCampaign(db, d, counts))), total };
}

export async function getCampaign(db: Connection, id: string): Promise<Campaign> {
  return toCampaign(db, await versionedCampaigns(db).find(db, id));
}

export async function createCampaign(
  deps: CampaignDeps,
  input: CampaignFields,
  user: AuthUser,
): Promise<Campaign> {
  const fields = await resolve(deps, input);
  const _id = new Types.ObjectId();
  const id = _id.toHexString();
  // The audit entry travels in the new document's outbox, written with it.
  const [doc] = await campaignModel(deps.db).create([
    {
      _id,
      ...fields,
      status: 'draft',
      openedAt: null,
      closedAt: null,
      resultsSent: 0,
      outbox: [
        auditItem(user, {
          action: 'campaign.created',
          target: `campaign:${id}`,
          subject: id,
          before: null,
          after: { name: fields.name, units: fields.units.length },
        }),
      ],
    },
  ]);
  await wakeOutboxRelay(deps.db, campaignModel(deps.db), _id);
  return toCampaign(deps.db, doc!.toObject());
}

export async function updateCampaign(
  deps: CampaignDeps,
  params: CampaignFields & { id: string; version: number },
  user: AuthUser,
): Promise<Campaign> {
  const v = versionedCampaigns(deps.db);
  const before = await v.findAt(deps.db, params.id, params.version);
  if (before.status !== 'draft')
    throw new PortalError('E_CONFLICT', { key: 'survey.campaign.notDraft' });
  const fields = await resolve(deps, params);
  const written = await v.write(
    deps.db,
    params.id,
    params.version,
    { $set: fields },
    {
      where: { status: 'draft' },
      outbox: [
        auditItem(user, {
          action: 'campaign.updated',
          target: `campaign:${params.id}`,
          subject: params.id,
          before: { name: before.name, units: before.units.length },
          after: { name: fields.name, units: fields.units.length },
        }),
      ],
    },
  );
  return toCampaign(deps.db, written);
}

/** Draft or closed → open: answers are taken again (a reopened campaign sends results anew). */
export async function openCampaign(
  db: Connection,
  params: { id: string; version: number },
  user: AuthUser,
): Promise<Campaign> {
  const v = versionedCampaigns(db);
  const before = await v.findAt(db, params.id, params.version);
  if (before.status === 'open')
    throw new PortalError('E_CONFLICT', {
      key: 'survey.campaign.state',
      params: { from: before.status, to: 'open' },
    });
  const written = await v.write(
    db,
    params.id,
    params.version,
    { $set: { status: 'open', openedAt: new Date() } },
    {
      where: { status: before.status },
      outbox: [
        auditItem(user, {
          action: 'campaign.opened',
          target: `campaign:${params.id}`,
          subject: params.id,
          before: { status: before.status },
          after: { status: 'open' },
        }),
      ],
    },
  );
  return toCampaign(db, written);
}

/**
 * Open → closed, then the results. The status is written first, so no answer is taken once the
 * results are counted (an answer already past its check may still land: reopening and closing
 * again re-sends results that include it, replacing these). The event goes in a second update
 * of the closed campaign, with its `resultsSent` count.
 */
export async function closeCampaign(
  deps: CampaignDeps,
  params: { id: string; version: number },
  user: AuthUser,
): Promise<Campaign> {
  const { db } = deps;
  const v = versionedCampaigns(db);
  const before = await v.findAt(db, params.id, params.version);
  if (before.status !== 'open')
    throw new PortalError('E_CONFLICT', {
      key: 'survey.campaign.state',
      params: { from: before.status, to: 'closed' },
    });
  const closedAt = new Date();
  const closed = await v.write(
    db,
    params.id,
    params.version,
    { $set: { status: 'closed', closedAt } },
    { where: { status: 'open' } },
  );
  const definition = await deps.definition(closed.questionnaireId, closed.questionnaireVersion);
  const { units } = await campaignTallies(db, closed, definition);
  const resultsSent = closed.resultsSent + 1;
  const payload: SurveyCampaignClosed = {
    eventId: randomUUID(),
    campaignId: params.id,
    periodId: closed.periodId,
    resultsSent,
    closedAt: closedAt.toISOString(),
    by: user.id,
    units: closed.units.map((unit) => {
      const result = tallyResult(units.get(unit.unitCode)!, definition, closed.index);
      return {
        unitCode: unit.unitCode,
        responses: result.responses,
        index: result.index,
        criteria: criterionPercents(closed.criteria, result),
      };
    }),
  };
  const written = await v.write(
    db,
    params.id,
    closed.version,
    { $set: { resultsSent } },
    {
      where: { status: 'closed' },
      outbox: [
        outboxEvent(surveyEvents.campaignClosed.name, payload, payload.eventId),
        auditItem(user, {
          action: 'campaign.closed',
          target: `campaign:${params.id}`,
          subject: params.id,
          before: { status: 'open' },
          after: {
            status: 'closed',
            resultsSent,
            responses: payload.units.reduce((sum, u) => sum + u.responses, 0),
          },
        }),
      ],
    },
  );
  return toCampaign(db, written);
}

/** The definitions a node has read: published versions never change, so they are kept. */
export function definitionCache(db: Connection): CampaignDeps['definition'] {
  const cache = new Map<string, Promise<QuestionnaireDefinition>>();
  return (questionnaireId, number) => {
    const key = `${questionnaireId}/${number}`;
    let found = cache.get(key);
    if (!found) {
      found = getVersion(db, questionnaireId, number).then((v) => v.definition);
      found.catch(() => cache.delete(key));
      cache.set(key, found);
    }
    return found;
  };
}
