/**
 * The routes of the published results' actions (`ranking.public.actions.ts`) apart from their
 * schemas. The public pages call them by these and take the results' types from the contracts,
 * so the script a citizen's phone runs first carries no zod (its parse and compile were most of
 * the results page's blocking time on a phone).
 */
import type { ActionRoute } from './action';

export const rankingPublicRoutes = {
  listPublishedResults: { method: 'GET', path: '/public/results', public: true },
  getPublishedRanking: { method: 'GET', path: '/public/results/:periodId', public: true },
  getPublishedUnit: {
    method: 'GET',
    path: '/public/results/:periodId/units/:unitCode',
    public: true,
  },
} as const satisfies Record<string, ActionRoute>;
