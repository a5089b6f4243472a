/** The assessment service: indices, criteria sets, periods and phases (issue 5), later self-assessments and integrations. */
import type { Context, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { assessmentAuditActions, criteriaSetActions, periodActions } from '@par/contracts';
import { contractAction, servicePrincipalFromEnv } from '@par/service-kit';
import { listAssessmentAudit } from './audit/audit-trail';
import * as sets from './criteria-sets/criteria-sets';
import * as imports from './criteria-sets/criteria-set-import';
import { exportPeriodProgress, getPeriodProgress } from './periods/period-progress';
import { startPeriodScheduler, type PeriodScheduler } from './periods/period-scheduler';
import { unitsOfGroups } from './periods/period-units';
import * as periods from './periods/periods';
import { entryModel } from './models/entry.model';
import { periodModel } from './models/period.model';
import { selfAssessmentModel } from './models/self-assessment.model';

export function assessmentService(db: Connection): ServiceSchema {
  let scheduler: PeriodScheduler | undefined;
  const unitsFor = (ctx: Context) => (year: number, groups: readonly string[]) =>
    unitsOfGroups(ctx, year, groups);
  const sa = criteriaSetActions;
  const pa = periodActions;
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
      advancePeriodPhase: contractAction(pa.advancePeriodPhase, (params, user) =>
        periods.advancePeriodPhase(db, params, user.id),
      ),
      extendDeadline: contractAction(pa.extendDeadline, (params, user, ctx) =>
        periods.extendDeadline(db, params, user.id, ctx.meta.locale ?? 'vi'),
      ),
      getPeriodProgress: contractAction(pa.getPeriodProgress, (params) =>
        getPeriodProgress(db, params),
      ),
      exportPeriodProgress: contractAction(pa.exportPeriodProgress, (params) =>
        exportPeriodProgress(db, params),
      ),
      movePeriodsDue: contractAction(pa.movePeriodsDue, async (_params, principal) => ({
        moves: await periods.runSchedulerPass(db, principal),
      })),

      // Audit trail.
      listAssessmentAudit: contractAction(assessmentAuditActions.listAssessmentAudit, (params) =>
        listAssessmentAudit(db, params),
      ),
    },

    async started() {
      // Unique indexes must exist before the first write, or duplicate entries slip through.
      await Promise.all([
        periodModel(db).init(),
        entryModel(db).init(),
        selfAssessmentModel(db).init(),
      ]);
      scheduler = startPeriodScheduler(
        this.broker,
        servicePrincipalFromEnv('assessment'),
        this.logger,
      );
    },

    async stopped() {
      await scheduler?.stop();
    },
  };
}
