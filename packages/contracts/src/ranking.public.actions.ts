/**
 * The published results as anyone reads them, without login (issue 12): what is published
 * (each index's periods and groups), a period's ranking per group, and a unit's page (its areas'
 * sub-indices and its history over the years of the same index).
 *
 * Only what a period's latest publication holds is shown: never a draft, a blocker, an excluded
 * unit or a leaf's source. Public routes (`rest.public`) take no login: the gateway limits them
 * per address and calls the action as its own service principal (`services: ['gateway']`).
 * Numbers are hundredths (of a point or of a percent), as everywhere; the page formats them.
 */
import { z } from 'zod';
import { defineAction, viaGateway } from './action';
import { rankingPublicRoutes } from './ranking.public.routes';
import { AppraisalPeriodId } from './appraisal.assignments.actions';

/** One published period: the latest publication of an index's period, with its groups. */
export const PublishedPeriod = z.object({
  periodId: z.string(),
  /** The period's name; its id when the assessment service could not be asked. */
  periodName: z.string(),
  indexCode: z.string(),
  year: z.number().int(),
  /** The publication shown (1, 2, 3…: the latest; a republication replaces the one before). */
  number: z.number().int(),
  publishedAt: z.iso.datetime(),
  /** The unit groups ranked, in the table's order. */
  groups: z.array(z.object({ unitGroup: z.string() })),
});
export type PublishedPeriod = z.infer<typeof PublishedPeriod>;

/** Newest year first, then index and period name. */
export const PublishedResultsList = z.object({ items: z.array(PublishedPeriod) });
export type PublishedResultsList = z.infer<typeof PublishedResultsList>;

export const PublishedRankingRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  rank: z.number().int().nullable(),
  /** Shares its rank with another unit. */
  tied: z.boolean(),
  /** Hundredths of a percent. */
  index: z.number().int().nullable(),
  band: z.string().nullable(),
  /** Against the previous year's period, in hundredths of a percentage point; null: none. */
  change: z.number().int().nullable(),
});
export type PublishedRankingRow = z.infer<typeof PublishedRankingRow>;

export const PublishedRankingParams = z.object({
  periodId: AppraisalPeriodId,
  /** One group only; every group when absent. */
  unitGroup: z.string().trim().max(64).optional(),
});
export type PublishedRankingParams = z.input<typeof PublishedRankingParams>;

export const PublishedRanking = PublishedPeriod.extend({
  bands: z.array(z.object({ label: z.string(), minIndex: z.number().int() })),
  /** By group, each by rank. */
  rankings: z.array(z.object({ unitGroup: z.string(), rows: z.array(PublishedRankingRow) })),
});
export type PublishedRanking = z.infer<typeof PublishedRanking>;

export const PublishedUnitParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: z
    .string({ error: 'ranking.public.unitNotFound' })
    .trim()
    .toUpperCase()
    .min(1, { error: 'ranking.public.unitNotFound' })
    .max(32, { error: 'ranking.public.unitNotFound' }),
});
export type PublishedUnitParams = z.input<typeof PublishedUnitParams>;

/** A unit's standing in one published period. */
export const PublishedStanding = z.object({
  periodId: z.string(),
  periodName: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  unitGroup: z.string(),
  rank: z.number().int().nullable(),
  /** Units ranked in its group. */
  groupSize: z.number().int(),
  index: z.number().int().nullable(),
  band: z.string().nullable(),
});
export type PublishedStanding = z.infer<typeof PublishedStanding>;

export const PublishedUnit = PublishedPeriod.omit({ groups: true }).extend({
  unitCode: z.string(),
  unitName: z.string(),
  unitGroup: z.string(),
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  groupSize: z.number().int(),
  /** Hundredths of a point. */
  total: z.number().int(),
  max: z.number().int(),
  index: z.number().int().nullable(),
  band: z.string().nullable(),
  change: z.number().int().nullable(),
  areas: z.array(
    z.object({
      code: z.string(),
      /** The area's title in the criteria set; its code when it could not be read. */
      title: z.string(),
      score: z.number().int(),
      max: z.number().int(),
      subIndex: z.number().int().nullable(),
    }),
  ),
  /** Every published period of the same index where the unit is ranked, oldest first. */
  history: z.array(PublishedStanding),
});
export type PublishedUnit = z.infer<typeof PublishedUnit>;

export const rankingPublicActions = {
  listPublishedResults: defineAction({
    name: 'ranking.listPublishedResults',
    summary: 'Every published period, by index and year, with its unit groups (public, no login)',
    params: z.object({}),
    result: PublishedResultsList,
    ...viaGateway,
    rest: rankingPublicRoutes.listPublishedResults,
  }),
  getPublishedRanking: defineAction({
    name: 'ranking.getPublishedRanking',
    summary: "A period's latest published ranking, per unit group (public, no login)",
    params: PublishedRankingParams,
    result: PublishedRanking,
    ...viaGateway,
    rest: rankingPublicRoutes.getPublishedRanking,
  }),
  getPublishedUnit: defineAction({
    name: 'ranking.getPublishedUnit',
    summary:
      "A unit's published result: its areas' sub-indices and its history over the years (public, no login)",
    params: PublishedUnitParams,
    result: PublishedUnit,
    ...viaGateway,
    rest: rankingPublicRoutes.getPublishedUnit,
  }),
};
