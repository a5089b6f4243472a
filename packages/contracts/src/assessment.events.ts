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
  /** A unit's approver submitted its self-assessment: its entries and evidence freeze. */
  selfAssessmentSubmitted: {
    name: 'assessment.selfAssessment.submitted',
    durable: true,
    payload: z.object({
      eventId: z.string(),
      periodId: z.string(),
      unitCode: z.string(),
      /** The submission state's version after the submission. */
      version: z.number().int(),
      at: z.iso.datetime(),
      /** The approver's user id. */
      by: z.string(),
    }),
  },
  /** The approver withdrew the submission to correct it: entries and evidence thaw. */
  selfAssessmentWithdrawn: {
    name: 'assessment.selfAssessment.withdrawn',
    durable: true,
    payload: z.object({
      eventId: z.string(),
      periodId: z.string(),
      unitCode: z.string(),
      version: z.number().int(),
      at: z.iso.datetime(),
      by: z.string(),
      reason: z.string(),
    }),
  },
};
export type PeriodPhaseChanged = z.infer<typeof assessmentEvents.periodPhaseChanged.payload>;
export type SelfAssessmentSubmitted = z.infer<
  typeof assessmentEvents.selfAssessmentSubmitted.payload
>;
export type SelfAssessmentWithdrawn = z.infer<
  typeof assessmentEvents.selfAssessmentWithdrawn.payload
>;
