/**
 * The ranking service's public routes (no token): what is published, a period's ranking and a
 * unit's result. Called by their routes, typed by their contracts, so that the page loads none
 * of the contracts' schemas. A route that answers 404 (nothing published
 * for the period, a unit not in it) gives `undefined`; anything else that fails throws.
 */
import type { ApiClient } from '@par/client';
import {
  rankingPublicRoutes as routes,
  type PublishedRanking,
  type PublishedResultsList,
  type PublishedUnit,
  type rankingPublicActions,
} from '@par/contracts';
import { absentOn, publicClient } from '../standalone/public-api';

export interface PublicResultsApi {
  list(): Promise<PublishedResultsList>;
  ranking(periodId: string, unitGroup?: string): Promise<PublishedRanking | undefined>;
  unit(periodId: string, unitCode: string): Promise<PublishedUnit | undefined>;
}

type Actions = typeof rankingPublicActions;

const notFoundAsUndefined = absentOn(404, 422);

export function createPublicResultsApi(client: ApiClient): PublicResultsApi {
  return {
    list: () => client.callRoute<Actions['listPublishedResults']>(routes.listPublishedResults, {}),
    ranking: (periodId, unitGroup) =>
      client
        .callRoute<Actions['getPublishedRanking']>(routes.getPublishedRanking, {
          periodId,
          unitGroup,
        })
        .catch(notFoundAsUndefined),
    unit: (periodId, unitCode) =>
      client
        .callRoute<Actions['getPublishedUnit']>(routes.getPublishedUnit, { periodId, unitCode })
        .catch(notFoundAsUndefined),
  };
}

let api: Promise<PublicResultsApi> | undefined;

/** The page's one client, made once the runtime config says where the API is. */
export function publicResultsApi(): Promise<PublicResultsApi> {
  api ??= publicClient().then(createPublicResultsApi);
  api.catch(() => (api = undefined));
  return api;
}

const rankings = new Map<string, Promise<PublishedRanking | undefined>>();

/**
 * A group's ranking, asked once per page: a shared link names its period and group, so the page
 * asks for the ranking at once, beside the list, instead of after it.
 */
export function groupRanking(
  periodId: string,
  unitGroup: string,
): Promise<PublishedRanking | undefined> {
  const key = `${periodId}\n${unitGroup}`;
  let ranking = rankings.get(key);
  if (!ranking) {
    ranking = publicResultsApi().then((api) => api.ranking(periodId, unitGroup));
    rankings.set(key, ranking);
    ranking.catch(() => rankings.delete(key));
  }
  return ranking;
}
