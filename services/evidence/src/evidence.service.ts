/** The evidence service: evidence metadata in its database; the files themselves live in MinIO behind presigned URLs. */
import type { Context, Service, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import {
  appraisalRoundActions,
  assessmentEvents as events,
  evidenceActions as a,
  selfAssessmentActions,
  type AssignedLeaves,
  type UnitQuestionList,
  type WriteWindow,
} from '@par/contracts';
import {
  channelEventId,
  contractAction,
  objectStorage,
  PortalError,
  processOnce,
  servicePrincipalFromEnv,
} from '@par/service-kit';
import type { z } from 'zod';
import { freezeSet, thawSet, wipeTrial } from './files/evidence-events';
import { evidenceSettings } from './evidence-settings';
import * as files from './files/evidence-files';
import { isDomainRefusal, type AskClarification, type AskWriteWindow } from './files/write-window';
import { evidenceFileModel } from './models/evidence-file.model';
import { evidenceSetModel } from './models/evidence-set.model';

/** The evidence service's own durable consumer group for every event it follows. */
const CONSUMER = 'evidence';

/** An appraiser's leaves of a unit, asked of the appraisal service with their own token. */
const assignedLeaves =
  (ctx: Context): files.AssignedLeaves =>
  async (periodId, unitCode) =>
    (
      await ctx.call<AssignedLeaves, object>(appraisalRoundActions.listAssignedLeaves.name, {
        periodId,
        unitCode,
      })
    ).criterionCodes;

/**
 * The officer's unit's clarification questions and window, asked of the appraisal service with
 * the officer's own token (only when the self-assessment no longer takes the write); null when
 * it cannot say (not running, the period unknown to it), so the self-assessment's refusal stands.
 */
const clarification =
  (ctx: Context): AskClarification =>
  async (periodId) => {
    try {
      return await ctx.call<UnitQuestionList, object>(
        appraisalRoundActions.listUnitQuestions.name,
        { periodId },
      );
    } catch (err) {
      ctx.service?.logger.debug(`clarification of ${periodId}: ${(err as Error).message}`);
      return null;
    }
  };

export function evidenceService(db: Connection): ServiceSchema {
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

  const settings = evidenceSettings();
  const principal = servicePrincipalFromEnv('evidence');
  let sweepTimer: NodeJS.Timeout | undefined;
  let logger: Service['logger'] | undefined;
  // Set once the broker exists (`created`); actions only run after that.
  let askWindow: AskWriteWindow = () => Promise.reject(new Error('the service is not created yet'));
  const deps: files.EvidenceDeps = {
    db,
    settings,
    storage: objectStorage(settings.storage),
    askWindow: (periodId, unitCode) => askWindow(periodId, unitCode),
  };

  // `channels` is @moleculer/channels' addition to the schema, which Moleculer's types do not know.
  return {
    name: 'evidence',

    actions: {
      requestUpload: contractAction(a.requestUpload, (params, user, ctx) =>
        files.requestUpload(deps, params, user, clarification(ctx)),
      ),
      confirmUpload: contractAction(a.confirmUpload, (params, user, ctx) =>
        files.confirmUpload(deps, params.id, user, ctx.meta.locale ?? 'vi', clarification(ctx)),
      ),
      listFiles: contractAction(a.listFiles, (params, user, ctx) =>
        files.listFiles(deps, params, user, assignedLeaves(ctx)),
      ),
      getDownloadUrl: contractAction(a.getDownloadUrl, (params, user, ctx) =>
        files.getDownloadUrl(deps, params.id, user, assignedLeaves(ctx)),
      ),
      attach: contractAction(a.attach, (params, user, ctx) =>
        files.attach(deps, params, user, clarification(ctx)),
      ),
      detach: contractAction(a.detach, (params, user, ctx) =>
        files.detach(deps, params, user, clarification(ctx)),
      ),
      deleteFile: contractAction(a.deleteFile, (params, user, ctx) =>
        files.deleteFile(deps, params.id, user, clarification(ctx)),
      ),
      // Bus only, for the assessment service's completeness checks and progress board.
      countFiles: contractAction(a.countFiles, (params) => files.countFiles(deps, params)),
    },

    // Durable events of the assessment service, once per event id (the inbox drops redeliveries).
    channels: {
      [events.selfAssessmentSubmitted.name]: consumer(events.selfAssessmentSubmitted, (event) =>
        freezeSet(deps, event),
      ),
      [events.selfAssessmentWithdrawn.name]: consumer(events.selfAssessmentWithdrawn, (event) =>
        thawSet(deps, event),
      ),
      [events.periodPhaseChanged.name]: consumer(events.periodPhaseChanged, async (event) => {
        const removed = await wipeTrial(deps, event);
        if (removed)
          logger?.info(`wiped ${removed} evidence file(s) of the trial ${event.periodId}`);
      }),
    },

    created() {
      logger = this.logger;
      askWindow = async (periodId, unitCode) => {
        try {
          return await this.broker.call<WriteWindow, object>(
            selfAssessmentActions.getWriteWindow.name,
            { periodId, unitCode },
            { meta: await principal.meta() },
          );
        } catch (err) {
          if (isDomainRefusal(err)) throw err;
          this.logger.warn(`write window of ${unitCode} in ${periodId}: ${(err as Error).message}`);
          throw new PortalError('E_UNAVAILABLE', { key: 'evidence.window.unavailable' });
        }
      };
    },

    async started() {
      await Promise.all([evidenceFileModel(db).init(), evidenceSetModel(db).init()]);
      // Versioning keeps an object's checked version even if its upload slot is replayed.
      await deps.storage.enableVersioning().catch((err: Error) => {
        this.logger.warn(`bucket versioning could not be enabled: ${err.message}`);
      });
      const sweep = () => {
        const olderThan = new Date(Date.now() - settings.pendingMaxAgeMs);
        files
          .sweepPending(deps, olderThan)
          .then((removed) => {
            if (removed) this.logger.info(`swept ${removed} evidence file(s) never confirmed`);
          })
          .catch((err: Error) => this.logger.warn(`evidence sweep failed: ${err.message}`));
      };
      sweepTimer = setInterval(sweep, settings.sweepIntervalMs);
      sweepTimer.unref();
      sweep();
    },

    stopped() {
      clearInterval(sweepTimer);
    },
  } as ServiceSchema;
}
