/**
 * The routes of the self-assessment actions (`assessment.self-assessments.actions.ts`) and the
 * explanation's length limit apart from their schemas, like `rankingPublicRoutes`: the officer's
 * page calls them by these, typed by their contracts, so its first path loads no zod.
 */
import type { ActionRoute } from './action';

/** The longest explanation (and missing-evidence explanation) a unit may write, in characters. */
export const ENTRY_EXPLANATION_MAX_LENGTH = 5000;

export const selfAssessmentRoutes = {
  listUnitPeriods: { method: 'GET', path: '/self-assessment/periods' },
  getSelfAssessment: { method: 'GET', path: '/self-assessment/periods/:periodId' },
  listEntries: { method: 'GET', path: '/self-assessment/periods/:periodId/entries' },
  saveEntry: { method: 'PUT', path: '/self-assessment/periods/:periodId/entries/:criterionCode' },
  submitSelfAssessment: { method: 'POST', path: '/self-assessment/periods/:periodId/submit' },
  withdrawSelfAssessment: { method: 'POST', path: '/self-assessment/periods/:periodId/withdraw' },
  exportSelfAssessment: { method: 'GET', path: '/self-assessment/periods/:periodId/export' },
} as const satisfies Record<string, ActionRoute>;
