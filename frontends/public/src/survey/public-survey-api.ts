/**
 * What the public pages ask of the survey service, through its public routes (no token): a
 * link's campaign, unit and questionnaire, and sending one answer.
 */
import type { Answers, SectionView } from './questionnaire-view';

export type CampaignState = 'open' | 'closed' | 'notOpen';

export interface PublicSurvey {
  linkId: string;
  campaignId: string;
  /** The unit (or the unit's service) the link is for, as citizens know it. */
  unitKey: string;
  unitName: string;
  title: string;
  intro?: string;
  state: CampaignState;
  sections: SectionView[];
}

/** How sending came out; `message` is the service's Vietnamese text. */
export type SubmitOutcome =
  | { kind: 'accepted' }
  | { kind: 'alreadyAnswered'; message: string }
  | { kind: 'closed'; message: string }
  | { kind: 'invalid'; message: string; fields: Record<string, string> }
  | { kind: 'unreachable'; message: string };

export interface PublicSurveyApi {
  load(linkId: string): Promise<PublicSurvey | undefined>;
  submit(
    survey: PublicSurvey,
    answers: Answers,
    identity: { deviceToken?: string; idempotencyKey: string; channel: 'online' | 'direct' },
  ): Promise<SubmitOutcome>;
}
