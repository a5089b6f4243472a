/**
 * Events the assessment service emits. `durable` ones travel on NATS JetStream through
 * @moleculer/channels (subject = name), so a consumer that is down receives them when it is back.
 */
import { z } from 'zod';
import { PeriodPhase } from './assessment.periods.actions';

export const assessmentEvents = {
  periodPhaseChanged: {
    name: 'assessment.period.phaseChanged',
    durable: true,
    payload: z.object({
      /** Unique per move: consumers drop a message they have already handled. */
      eventId: z.string(),
      periodId: z.string(),
      indexCode: z.string(),
      year: z.number().int(),
      from: PeriodPhase,
      to: PeriodPhase,
      at: z.iso.datetime(),
      /** The admin's user id, or `scheduler` when the phase's start time came. */
      by: z.string(),
    }),
  },
};
export type PeriodPhaseChanged = z.infer<typeof assessmentEvents.periodPhaseChanged.payload>;
