/**
 * Every `*.actions.ts` module of this package, by file name. Each such module exports its
 * actions as records of contracts (`accountsActions`, `periodActions`, …); `allActions` collects
 * every contract of every record, so a module only has to be named here to reach the gateway's
 * routes, its OpenAPI document and the authorization matrix. `action-modules.spec.ts` lists the
 * `*.actions.ts` files and fails when one is missing here or from the package index.
 */
import type { ActionContract } from './action';
import * as accountsActions from './accounts.actions';
import * as accountsAuditActions from './accounts.audit.actions';
import * as accountsJobsActions from './accounts.jobs.actions';
import * as accountsPublicActions from './accounts.public.actions';
import * as accountsRequestsActions from './accounts.requests.actions';
import * as accountsUsersActions from './accounts.users.actions';
import * as appraisalAssignmentsActions from './appraisal.assignments.actions';
import * as appraisalRoundsActions from './appraisal.rounds.actions';
import * as assessmentAuditActions from './assessment.audit.actions';
import * as assessmentCriteriaSetsActions from './assessment.criteria-sets.actions';
import * as assessmentPeriodsActions from './assessment.periods.actions';
import * as assessmentSelfAssessmentsActions from './assessment.self-assessments.actions';
import * as evidenceActions from './evidence.actions';
import * as gatewayActions from './gateway.actions';
import * as surveyCampaignsActions from './survey.campaigns.actions';
import * as surveyConsultationsActions from './survey.consultations.actions';
import * as surveyQuestionnairesActions from './survey.questionnaires.actions';
import * as surveyQuestionsActions from './survey.questions.actions';
import * as surveyResponsesActions from './survey.responses.actions';
import * as rankingActions from './ranking.actions';
import * as rankingExportsActions from './ranking.exports.actions';
import * as rankingPastResultsActions from './ranking.past-results.actions';
import * as rankingPublicActions from './ranking.public.actions';

export const actionModules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'accounts.actions': accountsActions,
  'accounts.audit.actions': accountsAuditActions,
  'accounts.jobs.actions': accountsJobsActions,
  'accounts.public.actions': accountsPublicActions,
  'accounts.requests.actions': accountsRequestsActions,
  'accounts.users.actions': accountsUsersActions,
  'appraisal.assignments.actions': appraisalAssignmentsActions,
  'appraisal.rounds.actions': appraisalRoundsActions,
  'assessment.audit.actions': assessmentAuditActions,
  'assessment.criteria-sets.actions': assessmentCriteriaSetsActions,
  'assessment.periods.actions': assessmentPeriodsActions,
  'assessment.self-assessments.actions': assessmentSelfAssessmentsActions,
  'evidence.actions': evidenceActions,
  'gateway.actions': gatewayActions,
  'survey.campaigns.actions': surveyCampaignsActions,
  'survey.consultations.actions': surveyConsultationsActions,
  'survey.questionnaires.actions': surveyQuestionnairesActions,
  'survey.questions.actions': surveyQuestionsActions,
  'survey.responses.actions': surveyResponsesActions,
  'ranking.actions': rankingActions,
  'ranking.exports.actions': rankingExportsActions,
  'ranking.past-results.actions': rankingPastResultsActions,
  'ranking.public.actions': rankingPublicActions,
};

/** A contract as `defineAction` returns it (told apart from schemas and constants by shape). */
export function isActionContract(value: unknown): value is ActionContract {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ActionContract, unknown>>;
  return (
    typeof v.name === 'string' &&
    typeof v.summary === 'string' &&
    typeof v.params === 'object' &&
    typeof v.result === 'object' &&
    (v.roles === 'authenticated' || Array.isArray(v.roles))
  );
}

/** A module's export holding its actions: a non-empty record whose values are all contracts. */
export function isActionRecord(value: unknown): value is Record<string, ActionContract> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every(isActionContract);
}

/** The contracts one module exports, in the order of its records. */
export const actionsOf = (module: Readonly<Record<string, unknown>>): ActionContract[] =>
  Object.values(module)
    .filter(isActionRecord)
    .flatMap((record) => Object.values(record));

/** Every action of every contract module: bus-only and REST alike. */
export const allActions: readonly ActionContract[] =
  Object.values(actionModules).flatMap(actionsOf);
