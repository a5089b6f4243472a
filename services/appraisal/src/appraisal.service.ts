/**
 * The appraisal service (issue 11): appraiser assignments, coverage and late-unit decisions, and
 * the two rounds: appraisal entries, questions and the units' answers, sending and reopening.
 */
import type { Context, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import {
  accountUserActions,
  appraisalAssignmentActions as a,
  appraisalRoundActions as r,
  evidenceActions,
  periodActions,
  selfAssessmentActions,
  type AccountList,
  type AppraisalScope,
  type ListAccountsParams,
  type SelfAssessmentState,
  type UnitForAppraisal,
  type UnitPeriodList,
  type EvidenceFileList,
} from '@par/contracts';
import { contractAction, PortalError } from '@par/service-kit';
import type { AppraiserAccount } from './assignments/assignment-rules';
import {
  importRefusal,
  readAssignmentSheet,
  writeAssignmentSheet,
} from './assignments/assignment-sheet';
import * as assignments from './assignments/assignments';
import { assignmentModel, type AssignmentDocument } from './models/assignment.model';
import { auditEntryModel } from './models/audit-entry.model';
import { lateDecisionModel } from './models/late-decision.model';
import { appraisalEntryModel } from './models/appraisal-entry.model';
import { openingModel } from './models/opening.model';
import { roundModel } from './models/round.model';
import { listFinalScores } from './rounds/final-scores';
import * as progress from './rounds/progress';
import * as rounds from './rounds/rounds';

/** A domain refusal of the other service (404, 422, 403…) passes as it is; anything else is 503. */
function passRefusal(err: unknown): never {
  const type = (err as { type?: string }).type;
  if (type && ['E_NOT_FOUND', 'E_VALIDATION', 'E_FORBIDDEN', 'E_UNAUTHENTICATED'].includes(type))
    throw err;
  throw new PortalError('E_UNAVAILABLE', {
    key: 'assignment.scope.unavailable',
    cause: String(err),
  });
}

/** As `passRefusal`, and a conflict (a withdrawal that won the race) passes too. */
function passRefusalOrConflict(err: unknown): never {
  if ((err as { type?: string }).type === 'E_CONFLICT') throw err;
  return passRefusal(err);
}

const PAGE = 1000;

export function appraisalService(db: Connection): ServiceSchema {
  /** What the domain needs, asked over the bus with the caller's own token (`ctx.call`). */
  const depsOf = (ctx: Context): assignments.AssignmentDeps => ({
    db,
    locale: (ctx.meta as { locale?: 'vi' | 'en' }).locale ?? 'vi',
    scope: (periodId) =>
      ctx
        .call<AppraisalScope, { id: string }>(periodActions.getAppraisalScope.name, {
          id: periodId,
        })
        .catch(passRefusal),
    appraisers: async () => {
      const found: AppraiserAccount[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await ctx
          .call<AccountList, ListAccountsParams>(accountUserActions.listAccounts.name, {
            role: 'appraisal',
            enabled: true,
            limit: PAGE,
            offset,
          })
          .catch(passRefusal);
        found.push(...page.items.map((u) => ({ id: u.id, username: u.username, unit: u.unit })));
        if (page.items.length < PAGE || offset + PAGE >= page.total) break;
      }
      return found;
    },
  });

  /** The rounds' needs, asked with the caller's own token (the appraiser's, an officer's). */
  const roundDepsOf = (ctx: Context): rounds.RoundDeps => ({
    db,
    locale: (ctx.meta as { locale?: 'vi' | 'en' }).locale ?? 'vi',
    scope: depsOf(ctx).scope,
    unitForAppraisal: (periodId, unitCode) =>
      ctx
        .call<UnitForAppraisal, object>(selfAssessmentActions.getUnitForAppraisal.name, {
          periodId,
          unitCode,
        })
        .catch(passRefusal),
    markOpened: (periodId, unitCode, version) =>
      ctx
        .call<SelfAssessmentState, object>(selfAssessmentActions.markAppraisalOpened.name, {
          periodId,
          unitCode,
          version,
        })
        .catch(passRefusalOrConflict),
    evidence: async (periodId, unitCode) =>
      (
        await ctx
          .call<EvidenceFileList, object>(evidenceActions.listFiles.name, { periodId, unitCode })
          .catch(passRefusal)
      ).items,
    unitPeriod: async (periodId, unitCode) => {
      const list = await ctx
        .call<UnitPeriodList, object>(selfAssessmentActions.listUnitPeriods.name, {
          ...(unitCode ? { unitCode } : {}),
        })
        .catch(passRefusal);
      return list.items.find((p) => p.periodId === periodId);
    },
  });

  return {
    name: 'appraisal',

    actions: {
      listAssignments: contractAction(a.listAssignments, (params, _user, ctx) =>
        assignments.listAssignments(depsOf(ctx), params),
      ),
      createAssignment: contractAction(a.createAssignment, (params, user, ctx) =>
        assignments.createAssignment(depsOf(ctx), params, user),
      ),
      updateAssignment: contractAction(a.updateAssignment, (params, user, ctx) =>
        assignments.updateAssignment(depsOf(ctx), params, user),
      ),
      deleteAssignment: contractAction(a.deleteAssignment, (params, user, ctx) =>
        assignments.deleteAssignment(depsOf(ctx), params, user),
      ),
      suggestAssignments: contractAction(a.suggestAssignments, (params, _user, ctx) =>
        assignments.suggestAssignments(depsOf(ctx), params.periodId),
      ),
      getCoverage: contractAction(a.getCoverage, (params, _user, ctx) =>
        assignments.getCoverage(depsOf(ctx), params.periodId),
      ),
      // Bus only: asked by the period's phase change before round 1 opens.
      checkRound1Start: contractAction(a.checkRound1Start, (params, _user, ctx) =>
        assignments.checkRound1Start(depsOf(ctx), params.periodId),
      ),
      listLateUnits: contractAction(a.listLateUnits, (params, _user, ctx) =>
        assignments.listLateUnits(depsOf(ctx), params.periodId),
      ),
      decideLateUnit: contractAction(a.decideLateUnit, (params, user, ctx) =>
        assignments.decideLateUnit(depsOf(ctx), params, user),
      ),
      previewAssignmentImport: contractAction(
        a.previewAssignmentImport,
        async (params, _u, ctx) => {
          const deps = depsOf(ctx);
          const [scope, people] = await Promise.all([
            deps.scope(params.periodId),
            deps.appraisers(),
          ]);
          return (
            await readAssignmentSheet(
              params.fileName,
              params.contentBase64,
              scope,
              people,
              deps.locale,
            )
          ).preview;
        },
      ),
      commitAssignmentImport: contractAction(
        a.commitAssignmentImport,
        async (params, user, ctx) => {
          const deps = depsOf(ctx);
          const [scope, people] = await Promise.all([
            deps.scope(params.periodId),
            deps.appraisers(),
          ]);
          if (!['setup', 'trial', 'selfAssessment'].includes(scope.period.currentPhase))
            throw new PortalError('E_CONFLICT', {
              key: 'assignment.period.closed',
              params: { phase: scope.period.currentPhase },
            });
          const read = await readAssignmentSheet(
            params.fileName,
            params.contentBase64,
            scope,
            people,
            deps.locale,
          );
          if (read.preview.totals.invalid > 0) throw importRefusal(read.preview);
          const created = await assignments.insertAssignments(
            deps,
            scope.period.id,
            read.valid,
            user,
          );
          return { fileName: params.fileName, created };
        },
      ),
      exportAssignments: contractAction(a.exportAssignments, async (params, _user, ctx) => {
        const scope = await depsOf(ctx).scope(params.periodId);
        const docs = await assignmentModel(db)
          .find({ periodId: scope.period.id })
          .sort({ createdAt: 1 })
          .lean<AssignmentDocument[]>();
        return writeAssignmentSheet(docs, params.format, scope.period.name);
      }),
      listAppraisalAudit: contractAction(a.listAppraisalAudit, (params) =>
        assignments.listAppraisalAudit(db, params),
      ),

      // The rounds (issue 11): the appraiser's worklist, units, saves, questions, send; the
      // admin's reopening and progress; the unit's answers.
      listMyPeriods: contractAction(r.listMyPeriods, (_params, user, ctx) =>
        rounds.listMyPeriods(roundDepsOf(ctx), user),
      ),
      listMyUnits: contractAction(r.listMyUnits, (params, user, ctx) =>
        rounds.listMyUnits(roundDepsOf(ctx), params, user),
      ),
      getUnitAppraisal: contractAction(r.getUnitAppraisal, (params, user, ctx) =>
        rounds.getUnitAppraisal(roundDepsOf(ctx), params, user),
      ),
      saveAppraisal: contractAction(r.saveAppraisal, (params, user, ctx) =>
        rounds.saveAppraisal(roundDepsOf(ctx), params, user),
      ),
      askQuestion: contractAction(r.askQuestion, (params, user, ctx) =>
        rounds.askQuestion(roundDepsOf(ctx), params, user),
      ),
      sendRound: contractAction(r.sendRound, (params, user, ctx) =>
        rounds.sendRound(roundDepsOf(ctx), params, user),
      ),
      reopenRound: contractAction(r.reopenRound, (params, user, ctx) =>
        rounds.reopenRound(roundDepsOf(ctx), params, user),
      ),
      getAppraisalProgress: contractAction(r.getAppraisalProgress, (params, _user, ctx) =>
        progress.getAppraisalProgress(roundDepsOf(ctx), params.periodId),
      ),
      exportAppraisalProgress: contractAction(r.exportAppraisalProgress, (params, _user, ctx) =>
        progress.exportAppraisalProgress(roundDepsOf(ctx), params.periodId),
      ),
      listUnitQuestions: contractAction(r.listUnitQuestions, (params, user, ctx) =>
        rounds.listUnitQuestions(roundDepsOf(ctx), params, user),
      ),
      answerQuestion: contractAction(r.answerQuestion, (params, user, ctx) =>
        rounds.answerQuestion(roundDepsOf(ctx), params, user),
      ),
      // Bus only: the evidence service, with the appraiser's token.
      listAssignedLeaves: contractAction(r.listAssignedLeaves, (params, user, ctx) =>
        rounds.listAssignedLeaves(roundDepsOf(ctx), params, user),
      ),
      // Bus only: the ranking service, with the admin's token or its own principal's.
      listFinalScores: contractAction(r.listFinalScores, (params, _user, ctx) =>
        listFinalScores(roundDepsOf(ctx), params.periodId),
      ),
    },

    async started() {
      await Promise.all([
        assignmentModel(db).init(),
        lateDecisionModel(db).init(),
        auditEntryModel(db).init(),
        appraisalEntryModel(db).init(),
        roundModel(db).init(),
        openingModel(db).init(),
      ]);
    },
  };
}
