/**
 * The routes of the citizens' survey form (`survey.responses.actions.ts`) apart from their
 * schemas, like `rankingPublicRoutes`: the form calls them by these, typed by their contracts,
 * and checks answers with `checkAnswers`, so a phone opening the form loads no zod.
 */
import type { ActionRoute } from './action';

/** The largest JSON body the public submission takes (a 100-question form fits easily). */
export const SURVEY_RESPONSE_BODY_LIMIT = '64kb';

export const surveyPublicRoutes = {
  getPublicForm: {
    method: 'GET',
    path: '/public/surveys/:campaignId/units/:unitCode',
    public: true,
  },
  submitResponse: {
    method: 'POST',
    path: '/public/surveys/:campaignId/units/:unitCode/responses',
    status: 201,
    bodyLimit: SURVEY_RESPONSE_BODY_LIMIT,
    public: true,
  },
} as const satisfies Record<string, ActionRoute>;
