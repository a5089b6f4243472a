/** The assessment service: indices, criteria sets, periods and phases (issue 5), later self-assessments and integrations. */
import type { Context, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import {
  assessmentAuditActions,
  criteriaSetActions,
  periodActions,
  selfAssessmentActions,
  surveyEvents,
} from '@par/contracts';
import {
  channelEventId,
  contractAction,
  inFlightMetrics,
  processOnce,
  servicePrincipalFromEnv,
} from '@par/service-kit';
import { listAssessmentAudit } from './audit/audit-trail';
import * as sets from './criteria-sets/criteria-sets';
import * as imports from './criteria-sets/criteria-set-import';
import { getAppraisalScope, unitTreeFromAccounts } from './periods/appraisal-scope';
import { exportPeriodProgress, getPeriodProgress } from './periods/period-progress';
import { startPeriodScheduler, type PeriodScheduler } from './periods/period-scheduler';
import { unitsOfGroups } from './periods/period-units';
import { cachedPeriod } from './periods/period-cache';
import { prepareEntryCollections } from './periods/period-entries';
import * as periods from './periods/periods';
import { round1Gate, type Round1Gate } from './periods/round1-gate';
import { entryLayoutFromEnv, entryStore } from './models/entry.model';
import { periodModel } from './models/period.model';
import { selfAssessmentModel } from './models/self-assessment.model';
import { evidenceCounter } from './self-assessments/evidence-counts';
import * as self from './self-assessments/self-assessments';
import { exportSelfAssessment } from './self-assessments/self-assessment-export';
import * as submission from './self-assessments/submission';
import { applySurveyResults } from './self-assessments/survey-results';

export function assessmentService(db: Connection): ServiceSchema {
  let scheduler: PeriodScheduler | undefined;
  // One principal for everything the service does on its own: the scheduler, evidence counts.
  const principal = servicePrincipalFromEnv('assessment');
  const entries = entryStore(db, entryLayoutFromEnv());
  let deps: self.SelfAssessmentDeps | undefined;
  const selfDeps = () => deps!;
  // Asked, as the principal, before any move into appraisal round 1 (the admin's or the clock's).
  let round1: Round1Gate | undefined;
  const unitsFor = (ctx: Context) => (year: number, groups: readonly string[]) =>
    unitsOfGroups(ctx, year, groups);
  const sa = criteriaSetActions;
  const pa = periodActions;
  const xa = selfAssessmentActions;
  return {
    name: 'assessment',

    actions: {
      // Indices and criteria sets.
      listIndices: contractAction(sa.listIndices, () => sets.listIndices(db)),
      createIndex: contractAction(sa.createIndex, (params, user) =>
        sets.createIndex(db, params, user),
      ),
      listCriteriaSets: contractAction(sa.listCriteriaSets, (params) =>
        sets.listCriteriaSets(db, params),
      ),
      getCriteriaSet: contractAction(sa.getCriteriaSet, (params, _user, ctx) =>
        sets.getCriteriaSet(db, params.id, ctx.meta.locale ?? 'vi'),
      ),
      createCriteriaSet: contractAction(sa.createCriteriaSet, (params, user, ctx) =>
        sets.createCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
      ),
      saveCriteriaSet: contractAction(sa.saveCriteriaSet, (params, user, ctx) =>
        sets.saveCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
      ),
      deleteCriteriaSet: contractAction(sa.deleteCriteriaSet, (params, user, ctx) =>
        sets.deleteCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
      ),
      validateCriteriaSet: contractAction(sa.validateCriteriaSet, (params, _user, ctx) =>
        sets.validateUnsavedNodes(db, params, ctx.meta.locale ?? 'vi'),
      ),
      cloneCriteriaSet: contractAction(sa.cloneCriteriaSet, (params, user, ctx) =>
        sets.cloneCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
      ),
      createCriteriaSetVersion: contractAction(sa.createCriteriaSetVersion, (params, user, ctx) =>
        sets.createCriteriaSetVersion(db, params.id, ctx.meta.locale ?? 'vi', user),
      ),
      previewCriteriaImport: contractAction(sa.previewCriteriaImport, (params, _user, ctx) =>
        imports.previewCriteriaImport(params, ctx.meta.locale ?? 'vi'),
      ),
      commitCriteriaImport: contractAction(sa.commitCriteriaImport, (params, user, ctx) =>
        imports.commitCriteriaImport(db, params, ctx.meta.locale ?? 'vi', user),
      ),
      exportCriteriaSet: contractAction(sa.exportCriteriaSet, (params) =>
        sets.exportCriteriaSet(db, params),
      ),
      diffCriteriaSets: contractAction(sa.diffCriteriaSets, (params) =>
        sets.diffCriteriaSets(db, params),
      ),
      listCriteriaSetTemplates: contractAction(sa.listCriteriaSetTemplates, () =>
        imports.listCriteriaSetTemplates(),
      ),
      createCriteriaSetFromTemplate: contractAction(
        sa.createCriteriaSetFromTemplate,
        (params, user, ctx) =>
          imports.createCriteriaSetFromTemplate(db, params, ctx.meta.locale ?? 'vi', user),
      ),

      // Periods, phases, deadlines and progress.
      listPeriods: contractAction(pa.listPeriods, (params) => periods.listPeriods(db, params)),
      getPeriod: contractAction(pa.getPeriod, (params) => periods.getPeriod(db, params.id)),
      createPeriod: contractAction(pa.createPeriod, (params, user, ctx) =>
        periods.createPeriod(db, params, user.id, unitsFor(ctx), ctx.meta.locale ?? 'vi'),
      ),
      updatePeriod: contractAction(pa.updatePeriod, (params, user, ctx) =>
        periods.updatePeriod(db, params, user.id, unitsFor(ctx), ctx.meta.locale ?? 'vi'),
      ),
      advancePeriodPhase: contractAction(pa.advancePeriodPhase, async (params, user, ctx) => {
        const moved = await periods.advancePeriodPhase(
          db,
          params,
          user.id,
          round1!,
          ctx.meta.locale ?? 'vi',
        );
        // Its units may start saving now: their entries' collections are made in the background.
        void cachedPeriod(db, moved.id)
          .then((doc) => doc && prepareEntryCollections(db, doc, ctx.broker.logger))
          .catch((err: Error) => ctx.broker.logger.warn(`entry collections: ${err.message}`));
        return moved;
      }),
      extendDeadline: contractAction(pa.extendDeadline, (params, user, ctx) =>
        periods.extendDeadline(db, params, user.id, ctx.meta.locale ?? 'vi'),
      ),
      getPeriodProgress: contractAction(pa.getPeriodProgress, (params) =>
        getPeriodProgress(db, params, selfDeps()),
      ),
      exportPeriodProgress: contractAction(pa.exportPeriodProgress, (params) =>
        exportPeriodProgress(db, params, selfDeps()),
      ),
      // Bus only, for the appraisal service (assignments, coverage, late units).
      getAppraisalScope: contractAction(pa.getAppraisalScope, (params, _user, ctx) =>
        getAppraisalScope(
          db,
          params.id,
          unitTreeFromAccounts(async (action, callParams) =>
            ctx.broker.call(action, callParams, { meta: await principal.meta() }),
          ),
        ),
      ),
      movePeriodsDue: contractAction(pa.movePeriodsDue, async (_params, principal, ctx) => ({
        moves: await periods.runSchedulerPass(db, principal, {
          afterPass: (doc) => {
            void prepareEntryCollections(db, doc, ctx.broker.logger);
          },
          round1,
          // Left in its phase for the next pass, which asks again.
          onHeld: (doc, reason) =>
            ctx.broker.logger.warn(
              `period ${doc._id.toHexString()} held in ${doc.currentPhase}: ${reason}`,
            ),
        }),
      })),

      // A unit's self-assessment (issue 10).
      listUnitPeriods: contractAction(xa.listUnitPeriods, (params, user) =>
        self.listUnitPeriods(selfDeps(), self.unitOfCaller(user, params.unitCode)),
      ),
      getSelfAssessment: contractAction(xa.getSelfAssessment, (params, user) =>
        self.getSelfAssessment(selfDeps(), params, self.unitOfCaller(user, params.unitCode)),
      ),
      listEntries: contractAction(xa.listEntries, (params, user) =>
        self.listEntries(selfDeps(), params, self.unitOfCaller(user, params.unitCode)),
      ),
      saveEntry: contractAction(xa.saveEntry, (params, user, ctx) =>
        self.saveEntry(selfDeps(), params, user, ctx.meta.locale ?? 'vi'),
      ),
      submitSelfAssessment: contractAction(xa.submitSelfAssessment, (params, user, ctx) =>
        submission.submitSelfAssessment(selfDeps(), params, user, ctx.meta.locale ?? 'vi'),
      ),
      withdrawSelfAssessment: contractAction(xa.withdrawSelfAssessment, (params, user, ctx) =>
        submission.withdrawSelfAssessment(selfDeps(), params, user, ctx.meta.locale ?? 'vi'),
      ),
      exportSelfAssessment: contractAction(xa.exportSelfAssessment, (params, user, ctx) =>
        exportSelfAssessment(selfDeps(), ctx, params, self.unitOfCaller(user, params.unitCode)),
      ),
      getWriteWindow: contractAction(xa.getWriteWindow, (params) =>
        self.getWriteWindow(db, params),
      ),
      // Bus only, for the appraisal service (issue 11), with the appraiser's token.
      getUnitForAppraisal: contractAction(xa.getUnitForAppraisal, (params) =>
        self.getUnitForAppraisal(selfDeps(), params),
      ),
      markAppraisalOpened: contractAction(xa.markAppraisalOpened, (params, user) =>
        submission.markAppraisalOpened(selfDeps(), params, user),
      ),

      // Audit trail.
      listAssessmentAudit: contractAction(assessmentAuditActions.listAssessmentAudit, (params) =>
        listAssessmentAudit(db, params),
      ),
    },

    // Durable events of other services, once per event id (the inbox drops redeliveries).
    channels: {
      [surveyEvents.campaignClosed.name]: {
        group: 'assessment',
        async handler(
          this: { logger: { info(...args: unknown[]): void } },
          raw: unknown,
          message: unknown,
        ) {
          const event = surveyEvents.campaignClosed.payload.parse(raw);
          await processOnce(
            db,
            'assessment',
            channelEventId(message) ?? event.eventId,
            async () => {
              const outcome = await applySurveyResults(db, entries, event);
              this.logger.info(
                `survey results of campaign ${event.campaignId} (#${event.resultsSent}): ${outcome.written} entries written, ${outcome.skipped.length} skipped`,
              );
            },
          );
        },
      },
    },

    async started() {
      // Unique indexes must exist before the first write, or duplicate entries slip through.
      await Promise.all([periodModel(db).init(), entries.init(), selfAssessmentModel(db).init()]);
      deps = {
        db,
        entries,
        evidence: evidenceCounter(this.broker, principal, this.logger),
        saves: self.savesLimitFromEnv(inFlightMetrics(this.broker.metrics, 'par.assessment.saves')),
      };
      round1 = round1Gate(this.broker, principal, this.logger);
      scheduler = startPeriodScheduler(this.broker, principal, this.logger);
    },

    async stopped() {
      await scheduler?.stop();
    },
    // `channels` is @moleculer/channels' addition to the schema, which Moleculer's types do not know.
  } as ServiceSchema;
}
