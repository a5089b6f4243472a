/**
 * The survey service: questionnaires and their published versions, campaigns, citizens'
 * answers (public, no login, through the gateway) and paper forms, results and their export.
 * Closing a campaign sends each unit's results to the assessment service's survey criteria.
 * Consultations on draft policies and citizens' questions to units, with their public routes; a
 * unit named for either must exist (asked of the accounts service).
 */
import type { Context, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import {
  accountsActions,
  accountsPublicActions,
  periodActions,
  surveyCampaignActions as c,
  surveyConsultationActions as k,
  surveyQuestionnaireActions as q,
  surveyQuestionActions as qa,
  surveyResponseActions as r,
  type AuthUser,
  type ListUnitsParams,
  type Period,
  type PublicUnitList,
  type UnitList,
} from '@par/contracts';
import {
  contractAction,
  objectStorage,
  PortalError,
  storageSettings,
  type PortalMeta,
} from '@par/service-kit';
import * as attachments from './consultations/attachments';
import * as campaigns from './campaigns/campaigns';
import * as consultations from './consultations/consultations';
import { campaignModel } from './models/campaign.model';
import { consultationAttachmentModel } from './models/consultation-attachment.model';
import { consultationCommentModel } from './models/consultation-comment.model';
import { consultationModel } from './models/consultation.model';
import { auditEntryModel } from './models/audit-entry.model';
import { questionnaireModel } from './models/questionnaire.model';
import { questionnaireVersionModel } from './models/questionnaire-version.model';
import { questionModel } from './models/question.model';
import { knownUnits } from './known-units';
import * as questions from './questions/questions';
import { responseModel } from './models/response.model';
import * as questionnaires from './questionnaires/questionnaires';
import * as responses from './responses/responses';
import { campaignResults, exportCampaign } from './results/results';

/** A domain refusal of the other service (404, 422, 403…) passes as it is; anything else is 503. */
function passRefusal(err: unknown): never {
  const type = (err as { type?: string }).type;
  if (type && ['E_NOT_FOUND', 'E_VALIDATION', 'E_FORBIDDEN', 'E_UNAUTHENTICATED'].includes(type))
    throw err;
  throw new PortalError('E_UNAVAILABLE', { key: 'survey.period.unavailable', cause: String(err) });
}

const localeOf = (ctx: Context<unknown, PortalMeta>) => ctx.meta.locale ?? 'vi';

export function surveyService(db: Connection): ServiceSchema {
  const definition = campaigns.definitionCache(db);
  /** What campaigns need, the period asked with the caller's own token (`ctx.call`). */
  const campaignDeps = (ctx: Context): campaigns.CampaignDeps => ({
    db,
    definition,
    period: (id) =>
      ctx.call<Period, { id: string }>(periodActions.getPeriod.name, { id }).catch(passRefusal),
  });
  const responseDeps: responses.ResponseDeps = { db, definition };
  const consultationDeps: consultations.ConsultationDeps = { db };
  // Consultation attachments live in MinIO, configured as the evidence service's (PAR_MINIO_*).
  const attachmentDeps: attachments.AttachmentDeps = {
    db,
    storage: objectStorage(storageSettings()),
    uploadTtlSeconds: 600,
    downloadTtlSeconds: 300,
    pendingMaxAgeMs: 86_400_000,
  };
  let sweepTimer: NodeJS.Timeout | undefined;
  // Per node: the active units, asked of the accounts service with the caller's own token: the
  // public list for a citizen's question (the gateway's principal), the admin's list for a routing
  // or a consultation posted for a unit.
  const unitExists = knownUnits();
  const activeUnits = async (ctx: Context, user: AuthUser): Promise<PublicUnitList> => {
    if (!user.roles.includes('admin'))
      return ctx.call<PublicUnitList, Record<string, never>>(
        accountsPublicActions.listPublicUnits.name,
        {},
      );
    const items: PublicUnitList['items'] = [];
    for (let total = Infinity; items.length < total;) {
      const page = await ctx.call<UnitList, ListUnitsParams>(accountsActions.listUnits.name, {
        includeInactive: false,
        limit: 1000,
        offset: items.length,
      });
      items.push(...page.items.map(({ code, name, shortName }) => ({ code, name, shortName })));
      total = page.items.length ? page.total : items.length;
    }
    return { items };
  };
  const questionDeps = (ctx: Context, user: AuthUser): questions.QuestionDeps => ({
    db,
    unitExists: (code) => unitExists(code, () => activeUnits(ctx, user)),
  });
  const campaignAndDefinition = async (id: string) => {
    const campaign = await campaigns.versionedCampaigns(db).find(db, id);
    return {
      campaign,
      definition: await definition(campaign.questionnaireId, campaign.questionnaireVersion),
    };
  };

  return {
    name: 'survey',

    actions: {
      listQuestionnaires: contractAction(q.listQuestionnaires, (params) =>
        questionnaires.listQuestionnaires(db, params),
      ),
      getQuestionnaire: contractAction(q.getQuestionnaire, (params) =>
        questionnaires.getQuestionnaire(db, params.id),
      ),
      createQuestionnaire: contractAction(q.createQuestionnaire, (params, user) =>
        questionnaires.createQuestionnaire(db, params.definition, user),
      ),
      saveQuestionnaireDraft: contractAction(q.saveQuestionnaireDraft, (params, user) =>
        questionnaires.saveDraft(db, params, user),
      ),
      publishQuestionnaire: contractAction(q.publishQuestionnaire, (params, user) =>
        questionnaires.publish(db, params, user),
      ),
      getQuestionnaireVersion: contractAction(q.getQuestionnaireVersion, async (params) =>
        questionnaires.toQuestionnaireVersion(
          await questionnaires.getVersion(db, params.id, params.number),
        ),
      ),

      listCampaigns: contractAction(c.listCampaigns, (params) =>
        campaigns.listCampaigns(db, params),
      ),
      getCampaign: contractAction(c.getCampaign, (params) => campaigns.getCampaign(db, params.id)),
      createCampaign: contractAction(c.createCampaign, (params, user, ctx) =>
        campaigns.createCampaign(campaignDeps(ctx), params, user),
      ),
      updateCampaign: contractAction(c.updateCampaign, (params, user, ctx) =>
        campaigns.updateCampaign(campaignDeps(ctx), params, user),
      ),
      openCampaign: contractAction(c.openCampaign, (params, user) =>
        campaigns.openCampaign(db, params, user),
      ),
      closeCampaign: contractAction(c.closeCampaign, (params, user, ctx) =>
        campaigns.closeCampaign(campaignDeps(ctx), params, user),
      ),

      // Public: the gateway calls these as its own principal for a citizen without login.
      listOpenCampaigns: contractAction(r.listOpenCampaigns, () => responses.listOpenCampaigns(db)),
      getPublicForm: contractAction(r.getPublicForm, (params) =>
        responses.publicForm(responseDeps, params),
      ),
      submitResponse: contractAction(r.submitResponse, (params, _user, ctx) =>
        responses.submitResponse(responseDeps, params, localeOf(ctx)),
      ),
      enterPaperResponse: contractAction(r.enterPaperResponse, (params, user, ctx) =>
        responses.enterPaperResponse(responseDeps, params, user, localeOf(ctx)),
      ),
      getCampaignResults: contractAction(r.getCampaignResults, async (params) => {
        const { campaign, definition: d } = await campaignAndDefinition(params.id);
        return campaignResults(db, campaign, d, params.unitCode);
      }),
      exportCampaign: contractAction(r.exportCampaign, async (params) => {
        const { campaign, definition: d } = await campaignAndDefinition(params.id);
        return exportCampaign(db, campaign, d, params.kind);
      }),

      listConsultations: contractAction(k.listConsultations, (params, user) =>
        consultations.listConsultations(consultationDeps, params, user),
      ),
      createConsultation: contractAction(k.createConsultation, (params, user, ctx) =>
        consultations.createConsultation(
          {
            ...consultationDeps,
            isActiveUnit: (code) => unitExists(code, () => activeUnits(ctx, user)),
          },
          params,
          user,
        ),
      ),
      getConsultation: contractAction(k.getConsultation, (params, user) =>
        consultations.getConsultation(consultationDeps, params, user),
      ),
      moderateComment: contractAction(k.moderateComment, (params, user) =>
        consultations.moderateComment(consultationDeps, params, user),
      ),
      publishConsultationSummary: contractAction(k.publishConsultationSummary, (params, user) =>
        consultations.publishSummary(consultationDeps, params, user),
      ),
      // Public: the gateway calls these as its own principal for a citizen without login.
      listPublicConsultations: contractAction(k.listPublicConsultations, () =>
        consultations.listPublicConsultations(consultationDeps),
      ),
      getPublicConsultation: contractAction(k.getPublicConsultation, (params) =>
        consultations.getPublicConsultation(consultationDeps, params),
      ),
      submitComment: contractAction(k.submitComment, (params) =>
        consultations.submitComment(consultationDeps, params),
      ),
      listConsultationAttachments: contractAction(k.listConsultationAttachments, (params, user) =>
        attachments.listAttachments(attachmentDeps, params.id, user),
      ),
      requestConsultationAttachmentUpload: contractAction(
        k.requestConsultationAttachmentUpload,
        (params, user) => attachments.requestUpload(attachmentDeps, params, user),
      ),
      confirmConsultationAttachment: contractAction(
        k.confirmConsultationAttachment,
        (params, user, ctx) =>
          attachments.confirmUpload(attachmentDeps, params, user, localeOf(ctx)),
      ),
      removeConsultationAttachment: contractAction(k.removeConsultationAttachment, (params, user) =>
        attachments.removeAttachment(attachmentDeps, params, user),
      ),
      // Public: a citizen's download, through the gateway's limit per address.
      getPublicConsultationAttachment: contractAction(k.getPublicConsultationAttachment, (params) =>
        attachments.publicDownload(attachmentDeps, params),
      ),

      listQuestions: contractAction(qa.listQuestions, (params, user, ctx) =>
        questions.listQuestions(questionDeps(ctx, user), params, user),
      ),
      getQuestionStatistics: contractAction(qa.getQuestionStatistics, (_params, user, ctx) =>
        questions.statistics(questionDeps(ctx, user)),
      ),
      getQuestion: contractAction(qa.getQuestion, (params, user, ctx) =>
        questions.getQuestion(questionDeps(ctx, user), params, user),
      ),
      routeQuestion: contractAction(qa.routeQuestion, (params, user, ctx) =>
        questions.routeQuestion(questionDeps(ctx, user), params, user),
      ),
      answerQuestion: contractAction(qa.answerQuestion, (params, user, ctx) =>
        questions.answerQuestion(questionDeps(ctx, user), params, user),
      ),
      publishQuestion: contractAction(qa.publishQuestion, (params, user, ctx) =>
        questions.publishQuestion(questionDeps(ctx, user), params, user),
      ),
      rejectQuestion: contractAction(qa.rejectQuestion, (params, user, ctx) =>
        questions.rejectQuestion(questionDeps(ctx, user), params, user),
      ),
      // Public: the gateway calls these as its own principal for a citizen without login.
      askQuestion: contractAction(qa.askQuestion, (params, user, ctx) =>
        questions.askQuestion(questionDeps(ctx, user), params),
      ),
      listPublicQuestions: contractAction(qa.listPublicQuestions, (params, user, ctx) =>
        questions.listPublicQuestions(questionDeps(ctx, user), params),
      ),
      getPublicQuestion: contractAction(qa.getPublicQuestion, (params, user, ctx) =>
        questions.getPublicQuestion(questionDeps(ctx, user), params),
      ),
    },

    async started() {
      await Promise.all([
        questionnaireModel(db).init(),
        questionnaireVersionModel(db).init(),
        campaignModel(db).init(),
        responseModel(db).init(),
        auditEntryModel(db).init(),
        consultationModel(db).init(),
        consultationCommentModel(db).init(),
        consultationAttachmentModel(db).init(),
        questionModel(db).init(),
      ]);
      // Versioning keeps an attachment's checked version even if its upload slot is replayed.
      await attachmentDeps.storage.enableVersioning().catch((err: Error) => {
        this.logger.warn(`bucket versioning could not be enabled: ${err.message}`);
      });
      // Hourly: attachments whose upload was never confirmed go, object and record.
      const sweep = () => {
        attachments
          .sweepPending(attachmentDeps)
          .then((removed) => {
            if (removed) this.logger.info(`swept ${removed} attachment(s) never confirmed`);
          })
          .catch((err: Error) => this.logger.warn(`attachment sweep failed: ${err.message}`));
      };
      sweepTimer = setInterval(sweep, 3_600_000);
      sweepTimer.unref();
      sweep();
    },

    stopped() {
      clearInterval(sweepTimer);
    },
  };
}
