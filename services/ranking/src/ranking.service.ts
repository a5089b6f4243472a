/**
 * The ranking service: each index's band table, a period's draft consolidations (every version
 * kept, with the inputs they came from and what blocks them; made on demand or when round 2 is
 * sent for every appraiser), the survey results import, the admin's blocker decisions and the
 * publications (issue 12), their exports, the past results import and the public reads.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Service, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  appraisalEvents,
  formatMessage,
  rankingActions as r,
  rankingExportActions as rx,
  rankingPastResultsActions as past,
  rankingPublicActions as pub,
  surveyEvents,
  type AuthUser,
  type Locale,
  type SurveyImportParams,
} from '@par/contracts';
import { validateBandTable, type BandTableIssue } from '@par/scoring';
import {
  channelEventId,
  contractAction,
  PortalError,
  processOnce,
  servicePrincipalFromEnv,
} from '@par/service-kit';
import {
  consolidatePeriod,
  finalScores,
  latestHeader,
  loadScope,
  rowsOf,
  surveyResults,
  toConsolidation,
  bandsOf,
  type Ask,
} from './consolidation/consolidations';
import { exportConsolidation, exportPublication } from './export/ranking-exports';
import { bandTableModel } from './models/band-table.model';
import { blockerDecisionsModel } from './models/blocker-decision.model';
import { consolidationModel, consolidationRowModel } from './models/consolidation.model';
import { publicationModel } from './models/publication.model';
import { surveyImportModel } from './models/survey-import.model';
import { pastResultsImportModel } from './models/past-results-import.model';
import {
  commitPastResultsImport,
  previewPastResultsImport,
} from './past-results/past-results-import';
import * as publications from './publication/publications';
import { periodLabels } from './public/period-labels';
import { publishedResults } from './public/published-results';
import { importCampaignResults } from './survey/campaign-results';
import { readSurveySheet, surveyImportRefusal } from './survey/survey-sheet';

/** The ranking service's own durable consumer group for the events it follows. */
const CONSUMER = 'ranking';

const localeOf = (ctx: Context): Locale => (ctx.meta as { locale?: Locale }).locale ?? 'vi';

/** A band table's 422: every issue in words, on its row (`bands.<position>`) and in the summary. */
function bandTableRefusal(issues: readonly BandTableIssue[], locale: Locale): PortalError {
  const texts = issues.map((i) => formatMessage(`ranking.bands.${i.code}`, {}, locale));
  return new PortalError('E_VALIDATION', {
    key: 'ranking.bands.invalid',
    params: {
      problem: issues
        .map((i, k) =>
          i.position === null
            ? texts[k]!
            : formatMessage('ranking.bands.row', { n: i.position + 1, text: texts[k]! }, locale),
        )
        .join(' '),
    },
    fields: issues.map((i, k) => ({
      field: i.position === null ? 'bands' : `bands.${i.position}`,
      message: texts[k]!,
    })),
  });
}
const actor = (user: AuthUser) => ({ id: user.id, username: user.username ?? null });
/** The bus as the caller: their own token goes with every call. */
const askAs =
  (ctx: Context): Ask =>
  (action, params) =>
    ctx.call(action, params);

export function rankingService(db: Connection): ServiceSchema {
  const principal = servicePrincipalFromEnv('ranking');
  let logger: Service['logger'] | undefined;
  // Set once the broker exists (`created`); the consumer only runs after that.
  let askAsPrincipal: Ask = () => Promise.reject(new Error('the service is not created yet'));
  // The public results: names asked as the principal (the caller is the gateway, for anyone).
  const published = publishedResults({ db, labelsOf: periodLabels(() => askAsPrincipal) });

  /** A channel handler: the payload checked against its contract, then handled once per event id. */
  const consumer = <S extends z.ZodType>(
    event: { name: string; payload: S },
    handle: (payload: z.output<S>) => Promise<void>,
  ) => ({
    group: CONSUMER,
    handler: async (raw: unknown, message: unknown) => {
      const payload = event.payload.parse(raw) as z.output<S> & { eventId: string };
      await processOnce(db, CONSUMER, channelEventId(message) ?? payload.eventId, () =>
        handle(payload),
      );
    },
  });

  /**
   * Round 2 sent by one appraiser: once every appraiser of the period has sent it, consolidate
   * as the ranking principal, with the latest draft's tie-break and comparison, unless the
   * latest draft already holds the same inputs (several appraisers' events, a redelivery).
   */
  async function consolidateWhenRound2Sent(periodId: string) {
    const final = await finalScores(askAsPrincipal, periodId);
    if (!final.complete) return;
    const last = await latestHeader(db, periodId);
    const { user } = await principal.meta();
    const made = await consolidatePeriod(
      { db, ask: askAsPrincipal },
      {
        periodId,
        tieBreakAreaCodes: last?.tieBreakAreaCodes ?? [],
        previousPeriodId: last?.provenance.previousPeriodId ?? null,
        final,
        onlyIfChanged: true,
      },
      actor(user),
    );
    if (made) logger?.info(`round 2 sent for ${periodId}: consolidated as version ${made.version}`);
  }

  /** The period's survey scores as they stand, by `unit criterion`. */
  const surveyScoresNow = async (periodId: string) =>
    new Map([...(await surveyResults(db, periodId))].map(([key, v]) => [key, v.score]));

  /** A survey sheet read against the period and its current results. */
  async function readSheet(params: SurveyImportParams, ctx: Context) {
    const scope = await loadScope(askAs(ctx), params.periodId);
    const current = await surveyScoresNow(scope.period.id);
    const read = await readSurveySheet(
      params.fileName,
      params.contentBase64,
      params.mapping,
      scope,
      current,
      localeOf(ctx),
    );
    return { scope, read };
  }

  // `channels` is @moleculer/channels' addition to the schema, which Moleculer's types do not know.
  return {
    name: 'ranking',

    actions: {
      getBandTable: contractAction(r.getBandTable, (params) => bandsOf(db, params.indexCode)),
      setBandTable: contractAction(r.setBandTable, async (params, user, ctx) => {
        const issues = validateBandTable(params.bands);
        if (issues.length > 0) throw bandTableRefusal(issues, localeOf(ctx));
        await bandTableModel(db).replaceOne(
          { _id: params.indexCode },
          { bands: params.bands, updatedAt: new Date(), updatedBy: actor(user) },
          { upsert: true },
        );
        return { indexCode: params.indexCode, bands: params.bands, configured: true };
      }),

      consolidatePeriod: contractAction(r.consolidatePeriod, async (params, user, ctx) => {
        const made = await consolidatePeriod({ db, ask: askAs(ctx) }, params, actor(user));
        return made!;
      }),

      getConsolidation: contractAction(r.getConsolidation, async (params) => {
        const header = await latestHeader(db, params.periodId, params.version);
        if (!header)
          throw new PortalError('E_NOT_FOUND', { key: 'ranking.consolidation.notFound' });
        return toConsolidation(
          header,
          await rowsOf(db, header.periodId, header.version),
          params.unitCode,
        );
      }),

      previewSurveyImport: contractAction(
        r.previewSurveyImport,
        async (params, _user, ctx) => (await readSheet(params, ctx)).read.preview,
      ),

      commitSurveyImport: contractAction(r.commitSurveyImport, async (params, user, ctx) => {
        const { scope, read } = await readSheet(params, ctx);
        if (read.valid.length === 0 || read.valid.length !== read.preview.rows.length)
          throw surveyImportRefusal(read.preview);
        const importId = randomUUID();
        // One insert: the whole import, with who, when and what each result replaced (its audit).
        await surveyImportModel(db).create({
          _id: importId,
          periodId: scope.period.id,
          fileName: params.fileName,
          at: new Date(),
          by: actor(user),
          results: read.valid,
        });
        return {
          importId,
          fileName: params.fileName,
          written: read.valid.length,
          replaced: read.valid.filter((line) => line.replaces !== null).length,
        };
      }),

      previewPastResultsImport: contractAction(
        past.previewPastResultsImport,
        (params, _user, ctx) =>
          previewPastResultsImport({ db, ask: askAs(ctx) }, params, localeOf(ctx)),
      ),
      commitPastResultsImport: contractAction(past.commitPastResultsImport, (params, user, ctx) =>
        commitPastResultsImport({ db, ask: askAs(ctx) }, params, actor(user), localeOf(ctx)),
      ),

      listBlockerDecisions: contractAction(r.listBlockerDecisions, (params) =>
        publications.listBlockerDecisions(db, params.periodId),
      ),
      decideBlocker: contractAction(r.decideBlocker, (params, user, ctx) =>
        publications.decideBlocker(db, params, actor(user), localeOf(ctx)),
      ),
      publishConsolidation: contractAction(r.publishConsolidation, (params, user, ctx) =>
        publications.publishConsolidation(db, params, actor(user), localeOf(ctx)),
      ),
      listPublications: contractAction(r.listPublications, (params) =>
        publications.listPublications(db, params.periodId),
      ),
      getPublication: contractAction(r.getPublication, (params) =>
        publications.getPublication(db, params),
      ),
      comparePublications: contractAction(r.comparePublications, (params) =>
        publications.comparePublications(db, params),
      ),
      listRankingAudit: contractAction(r.listRankingAudit, (params) =>
        publications.listRankingAudit(db, params),
      ),
      exportConsolidation: contractAction(rx.exportConsolidation, (params, _user, ctx) =>
        exportConsolidation({ db, ask: askAs(ctx) }, params),
      ),
      exportPublication: contractAction(rx.exportPublication, (params, _user, ctx) =>
        exportPublication({ db, ask: askAs(ctx) }, params),
      ),

      // Public, no login (the gateway's principal calls for anyone): published results only.
      listPublishedResults: contractAction(pub.listPublishedResults, () => published.list()),
      getPublishedRanking: contractAction(pub.getPublishedRanking, (params) =>
        published.ranking(params),
      ),
      getPublishedUnit: contractAction(pub.getPublishedUnit, (params) => published.unit(params)),
    },

    // Durable: an event sent while this service is down is delivered when it is back.
    channels: {
      [appraisalEvents.roundSent.name]: consumer(appraisalEvents.roundSent, async (event) => {
        if (event.round !== 2) return;
        try {
          await consolidateWhenRound2Sent(event.periodId);
        } catch (err) {
          // A refusal (the period gone, a draft's settings no longer valid) would be refused
          // again on every redelivery: say so and let the admin consolidate. Anything else (a
          // service unavailable, a racing consolidation) is retried by the redelivery.
          const type = (err as { type?: string }).type;
          if (!type || !['E_NOT_FOUND', 'E_VALIDATION'].includes(type)) throw err;
          logger?.warn(
            `round 2 sent for ${event.periodId}: not consolidated (${type}): ${(err as Error).message}`,
          );
        }
      }),
      // A closed campaign's results become the period's survey results, as an import would.
      [surveyEvents.campaignClosed.name]: consumer(surveyEvents.campaignClosed, async (event) => {
        let scope;
        try {
          scope = await loadScope(askAsPrincipal, event.periodId);
        } catch (err) {
          // The period gone: nothing to fill, on this delivery or any other.
          if ((err as { type?: string }).type !== 'E_NOT_FOUND') throw err;
          logger?.warn(`survey results of ${event.campaignId}: period ${event.periodId} not found`);
          return;
        }
        const lines = await importCampaignResults(
          db,
          event,
          scope,
          await surveyScoresNow(scope.period.id),
        );
        logger?.info(
          `survey results of campaign ${event.campaignId} (#${event.resultsSent}) for ${event.periodId}: ${lines} results`,
        );
      }),
    },

    created() {
      logger = this.logger;
      askAsPrincipal = async (action, params) =>
        this.broker.call(action, params, { meta: await principal.meta() });
    },

    async started() {
      await Promise.all([
        bandTableModel(db).init(),
        surveyImportModel(db).init(),
        pastResultsImportModel(db).init(),
        consolidationModel(db).init(),
        consolidationRowModel(db).init(),
        blockerDecisionsModel(db).init(),
        publicationModel(db).init(),
      ]);
    },
  } as ServiceSchema;
}
