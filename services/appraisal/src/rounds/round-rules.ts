/**
 * The rules of the rounds that need no database: the score an entry counts with in each round,
 * when a score needs a reason, a unit's status in a round, and an appraisal's score by the leaf's
 * rule through the scoring kernel (as the unit's own entry is scored). Pure.
 */
import {
  formatMessage,
  isPhaseReached,
  type CriterionNode,
  type EntryInputs,
  type Locale,
  type MessageKey,
  type PeriodPhase,
  type UnitAppraisalProgress,
  type UnitRoundStatus,
} from '@par/contracts';
import { leafRangeText, leafScore } from '@par/scoring';
import { PortalError } from '@par/service-kit';

export type Round = 1 | 2;

export interface EntryScores {
  round1: { score: number | null } | null;
  round2: { score: number | null } | null;
  question: unknown;
}

/**
 * The round-2 score that counts: the round-2 value once saved; else, for an entry nobody
 * questioned, the round-1 score carried over; a questioned entry must be settled in round 2.
 */
export function round2ScoreOf(entry: EntryScores | null | undefined): number | null {
  if (!entry) return null;
  if (entry.round2) return entry.round2.score;
  return entry.question ? null : (entry.round1?.score ?? null);
}

/** The score an entry has in a round, null while not appraised in it. */
export function scoreIn(entry: EntryScores | null | undefined, round: Round): number | null {
  return round === 1 ? (entry?.round1?.score ?? null) : round2ScoreOf(entry);
}

/**
 * What a round's score is compared with: the self-score in round 1, the round-1 score in round 2
 * (the self-score when round 1 left none). A different score needs a written reason.
 */
export function reasonAgainst(
  round: Round,
  selfScore: number | null,
  round1Score: number | null,
): { against: 'self' | 'round1'; other: number | null } {
  return round === 1 || round1Score === null
    ? { against: 'self', other: selfScore }
    : { against: 'round1', other: round1Score };
}

export function needsReason(score: number | null, other: number | null): boolean {
  return score !== null && score !== other;
}

export function unitRoundStatus(
  appraised: number,
  assigned: number,
  sent: boolean,
): UnitRoundStatus {
  if (sent) return 'sent';
  if (appraised === 0) return 'notStarted';
  return appraised >= assigned ? 'appraised' : 'inProgress';
}

/** What the admin's progress board knows of one unit to name its appraisal state. */
export interface UnitStateFacts {
  scoreZero: boolean;
  /** Submitted, or a late unit the admin decided to appraise on its saved data. */
  ready: boolean;
  opened: boolean;
  /** The unit's entries the assignments cover. */
  entries: number;
  round1Appraised: number;
  round2Appraised: number;
  phase: PeriodPhase;
}

/**
 * A unit's appraisal state on the admin's board. Round 2 is done only once the period has reached
 * it: before, unquestioned entries already count with their round-1 score, which would call a
 * unit finished with round 2 while round 2 has not begun (during the clarification phase).
 */
export function unitAppraisalState(facts: UnitStateFacts): UnitAppraisalProgress['state'] {
  const { entries } = facts;
  if (facts.scoreZero) return 'scoreZero';
  if (!facts.ready) return 'notReady';
  if (
    entries > 0 &&
    facts.round2Appraised === entries &&
    isPhaseReached(facts.phase, 'appraisalRound2')
  )
    return 'round2Done';
  if (entries > 0 && facts.round1Appraised === entries) return 'round1Done';
  return facts.opened || facts.round1Appraised > 0 ? 'round1' : 'notOpened';
}

/**
 * An appraisal's score by the leaf's rule (`leafScore`, the kernel the unit's entry is scored
 * with): inputs that give no score yet (an empty field) keep a null score, so a half-typed
 * ratio autosaves; anything else the rule refuses is a 422 naming the input.
 */
export function scoreInputs(
  node: Pick<CriterionNode, 'code' | 'maxScore' | 'rule'>,
  inputs: EntryInputs,
  locale: Locale,
  field = 'inputs',
): { inputs: EntryInputs; score: number | null; percent: number | null } {
  const kept = Object.fromEntries(
    Object.entries(inputs).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as EntryInputs;
  if (Object.keys(kept).length === 0) return { inputs: {}, score: null, percent: null };
  const result = leafScore(node, kept);
  if (result.ok) return { inputs: kept, score: result.score, percent: result.percent ?? null };
  if (result.reason === 'missingInput') return { inputs: kept, score: null, percent: null };
  const reasonKey = `entry.score.reason.${result.reason}` as MessageKey;
  const reason = formatMessage(reasonKey, leafRangeText(node, locale), locale);
  const at = `${field}.${result.field ?? 'value'}`;
  throw new PortalError('E_VALIDATION', {
    key: 'appraisal.score.invalid',
    params: { reason },
    fields: [{ field: at, message: formatMessage('appraisal.score.invalid', { reason }, locale) }],
  });
}
