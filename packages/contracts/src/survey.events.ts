/**
 * Events the survey service emits. `durable` ones travel on NATS JetStream through
 * @moleculer/channels (subject = name), so a consumer that is down receives them when it is back.
 */
import { z } from 'zod';

export const surveyEvents = {
  /**
   * The admin closed a campaign: each unit's results for the `survey` criteria the campaign
   * fills. The assessment service sets each criterion's value from `percent` (hundredths of a
   * percent of the leaf's maximum), replacing any earlier value; a payload whose `resultsSent`
   * is lower than one already applied for the campaign changes nothing.
   */
  campaignClosed: {
    name: 'survey.campaign.closed',
    durable: true,
    payload: z.object({
      eventId: z.string(),
      campaignId: z.string(),
      periodId: z.string(),
      /** 1 at the first close, 2 after a reopen and a second close, … */
      resultsSent: z.number().int().min(1),
      closedAt: z.iso.datetime(),
      /** The admin's user id. */
      by: z.string(),
      units: z.array(
        z.object({
          unitCode: z.string(),
          responses: z.number().int(),
          /** The satisfaction index in hundredths of a percent; null without any scale answer. */
          index: z.number().int().nullable(),
          criteria: z.array(
            z.object({
              criterionCode: z.string(),
              /** Hundredths of a percent (0–10000); null when nothing was answered for it. */
              percent: z.number().int().min(0).max(10_000).nullable(),
            }),
          ),
        }),
      ),
    }),
  },
};
export type SurveyCampaignClosed = z.infer<typeof surveyEvents.campaignClosed.payload>;
