/**
 * Actions of the appraisal service on the rounds (issue 11, second part): the appraiser's
 * worklist and units, appraisal entries per (period, unit, leaf) and round, clarification
 * questions and the unit's answers, sending a round (which locks that appraiser's writes for it),
 * the admin's reopening, and the admin's progress board.
 *
 * Who: `appraisal` users act only on the (unit, leaf) entries their assignments cover — decided
 * from the token, never from ids the client sends (another unit or leaf is 404, nothing
 * written); `data-entry` officers answer questions put to their own unit (the token's); `admin`
 * reopens rounds and reads progress. Scores are integer hundredths; inputs are the unit's
 * (`EntryInputs`), scored by `@par/scoring`'s `leafScore` as the unit's entry is.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { AppraisalPeriodId } from './appraisal.assignments.actions';
import { CriterionCode, CriterionNode } from './assessment.criteria';
import { PeriodPhase } from './assessment.periods.actions';
import {
  EntryAuthor,
  EntryInputs,
  SelfAssessmentState,
  UnitDeadlineView,
} from './assessment.self-assessments.actions';

const UnitCodeParam = z
  .string({ error: 'appraisal.unit.notFound' })
  .trim()
  .toUpperCase()
  .min(1, { error: 'appraisal.unit.notFound' })
  .max(32, { error: 'appraisal.unit.notFound' });

/** Round 1 or round 2 (the final one); a REST path gives it as text. */
export const AppraisalRound = z.coerce
  .number({ error: 'appraisal.round.invalid' })
  .int({ error: 'appraisal.round.invalid' })
  .min(1, { error: 'appraisal.round.invalid' })
  .max(2, { error: 'appraisal.round.invalid' });
export type AppraisalRound = 1 | 2;

/** The phase in which each round is written. */
export const roundPhases = { 1: 'appraisalRound1', 2: 'appraisalRound2' } as const;

/** The longest reason, question or answer, in characters. */
export const APPRAISAL_TEXT_MAX_LENGTH = 5000;

/**
 * Why the caller cannot write a round now, as a stable code the page explains:
 * `notOpen` (the round's phase has not started), `phaseClosed` (it is over),
 * `deadlinePassed`, `sent` (this appraiser sent the round; an admin may reopen it),
 * `unitNotReady` (the unit has not submitted and no late-unit decision lets it be appraised,
 * or it is scored zero).
 */
export const appraisalReadOnlyReasons = [
  'notOpen',
  'phaseClosed',
  'deadlinePassed',
  'sent',
  'unitNotReady',
] as const;
export const AppraisalReadOnlyReason = z.enum(appraisalReadOnlyReasons);
export type AppraisalReadOnlyReason = z.infer<typeof AppraisalReadOnlyReason>;

/** One round's appraisal of one entry, as saved. */
export const AppraisalValue = z.object({
  inputs: EntryInputs,
  /** `leafScore` of the inputs; null while they give none (the entry is not appraised then). */
  score: z.number().int().nullable(),
  /** A ratio's percentage in hundredths of a percent, else null. */
  percent: z.number().int().nullable(),
  /** Required when the score differs from the self-score (round 1) or the round-1 score (round 2). */
  reason: z.string(),
  by: EntryAuthor,
  at: z.iso.datetime(),
});
export type AppraisalValue = z.infer<typeof AppraisalValue>;

/** The unit's answer to a question, in the clarification phase. */
export const ClarificationAnswer = z.object({
  text: z.string(),
  /** The unit's revised self-assessment inputs for the questioned entry, if it revised them. */
  revisedInputs: EntryInputs.nullable(),
  /** Their score by the leaf's rule; null when not revised. */
  revisedScore: z.number().int().nullable(),
  by: EntryAuthor,
  at: z.iso.datetime(),
});
export type ClarificationAnswer = z.infer<typeof ClarificationAnswer>;

/** A clarification question on one entry (asked in round 1), with the unit's answer. */
export const ClarificationQuestion = z.object({
  text: z.string(),
  askedBy: EntryAuthor,
  askedAt: z.iso.datetime(),
  answer: ClarificationAnswer.nullable(),
});
export type ClarificationQuestion = z.infer<typeof ClarificationQuestion>;

/** An evidence file the unit attached to the entry (metadata; preview via `evidence.getDownloadUrl`). */
export const AppraisalEvidenceRef = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  kind: z.string().nullable(),
  /** Added by the unit in the clarification phase (round 2 marks it "bổ sung khi giải trình"). */
  addedInClarification: z.boolean().default(false),
});
export type AppraisalEvidenceRef = z.infer<typeof AppraisalEvidenceRef>;

/** The unit's self-assessment of one leaf, as submitted. */
export const SelfScoreView = z.object({
  inputs: EntryInputs,
  score: z.number().int().nullable(),
  percent: z.number().int().nullable(),
  explanation: z.string(),
  missingEvidenceExplanation: z.string(),
});
export type SelfScoreView = z.infer<typeof SelfScoreView>;

/** One assigned (unit, leaf) entry with everything the appraiser's page shows beside its inputs. */
export const AppraisalEntry = z.object({
  criterionCode: z.string(),
  self: SelfScoreView,
  evidence: z.array(AppraisalEvidenceRef),
  round1: AppraisalValue.nullable(),
  round2: AppraisalValue.nullable(),
  /**
   * The round-2 score that counts: the round-2 value if saved, else the round-1 score carried
   * over for an entry not questioned; null while a questioned entry is not settled.
   */
  round2Score: z.number().int().nullable(),
  question: ClarificationQuestion.nullable(),
  /** Starts at 0 for an entry never written; each write sends the version it read. */
  version: z.number().int(),
});
export type AppraisalEntry = z.infer<typeof AppraisalEntry>;

/** The caller's state of one round in the period. */
export const RoundState = z.object({
  periodId: z.string(),
  round: z.number().int(),
  appraiserId: z.string(),
  appraiserUsername: z.string(),
  /** Null while not sent (or since an admin reopened it). */
  sentAt: z.iso.datetime().nullable(),
  /** The last reopening, if any. */
  reopened: z.object({ at: z.iso.datetime(), by: EntryAuthor, reason: z.string() }).nullable(),
  version: z.number().int(),
});
export type RoundState = z.infer<typeof RoundState>;

/** Where the period is for appraisers: the round open now (if any) and its deadline. */
export const AppraisalPeriodView = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  indexCode: z.string(),
  currentPhase: PeriodPhase,
  /** 1 or 2 while a round's phase is current, else null. */
  currentRound: z.number().int().nullable(),
  /** The current round's end; null outside the rounds or when it has none. */
  deadline: z.iso.datetime().nullable(),
});
export type AppraisalPeriodView = z.infer<typeof AppraisalPeriodView>;

export const myPeriodsParams = z.object({});
export const MyAppraisalPeriods = z.object({
  items: z.array(
    AppraisalPeriodView.extend({ units: z.number().int(), entries: z.number().int() }),
  ),
});
export type MyAppraisalPeriods = z.infer<typeof MyAppraisalPeriods>;

/**
 * A unit's status in one round for the caller: `notStarted` (none of its assigned entries
 * appraised), `inProgress`, `appraised` (all of them), `sent` (the caller sent the round).
 */
export const unitRoundStatuses = ['notStarted', 'inProgress', 'appraised', 'sent'] as const;
export const UnitRoundStatus = z.enum(unitRoundStatuses);
export type UnitRoundStatus = z.infer<typeof UnitRoundStatus>;

export const UnitRoundProgress = z.object({
  appraised: z.number().int(),
  status: UnitRoundStatus,
});

/** One unit of the caller's worklist. */
export const WorklistUnit = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  unitGroup: z.string(),
  /** Submitted, or a late unit the admin decided to appraise on its saved data. */
  ready: z.boolean(),
  lateDecision: z.enum(['appraiseSavedData', 'scoreZero']).nullable(),
  /** When an appraiser first opened the unit (its withdrawal ended then); null before. */
  openedAt: z.iso.datetime().nullable(),
  /** Entries of this unit the caller's assignments cover. */
  assigned: z.number().int(),
  round1: UnitRoundProgress,
  round2: UnitRoundProgress,
  questions: z.number().int(),
  answered: z.number().int(),
});
export type WorklistUnit = z.infer<typeof WorklistUnit>;

export const worklistSorts = ['unitCode', 'unitName', 'progress', 'status'] as const;

export const ListMyUnitsParams = z.object({
  periodId: AppraisalPeriodId,
  /** Code or name contains (case and accents as typed). */
  q: z.string().trim().max(100).optional(),
  /** Only units with this status in the current round (round 1 outside the rounds). */
  status: UnitRoundStatus.optional(),
  unitGroup: z.string().trim().optional(),
  sort: z.enum(worklistSorts).default('unitCode'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListMyUnitsParams = z.input<typeof ListMyUnitsParams>;

export const Worklist = z.object({
  period: AppraisalPeriodView,
  /** The caller's two rounds (sent or not). */
  rounds: z.array(RoundState),
  items: z.array(WorklistUnit),
  totals: z.object({
    units: z.number().int(),
    assigned: z.number().int(),
    round1Appraised: z.number().int(),
    round2Appraised: z.number().int(),
  }),
});
export type Worklist = z.infer<typeof Worklist>;

export const UnitAppraisalParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: UnitCodeParam,
});

/** Sums over the caller's assigned leaves of the unit, in hundredths (unappraised count as 0). */
export const AppraisalTotals = z.object({
  maxScore: z.number().int(),
  self: z.number().int(),
  round1: z.number().int(),
  round2: z.number().int(),
  assigned: z.number().int(),
  round1Appraised: z.number().int(),
  round2Appraised: z.number().int(),
});
export type AppraisalTotals = z.infer<typeof AppraisalTotals>;

/** One unit as the appraiser's page shows it: only the caller's assigned leaves. */
export const UnitAppraisal = z.object({
  period: AppraisalPeriodView,
  unit: z.object({ code: z.string(), name: z.string(), unitGroup: z.string() }),
  /** The assigned leaves and their ancestors, in the set's order (guidance for appraisers too). */
  nodes: z.array(CriterionNode),
  entries: z.array(AppraisalEntry),
  totals: AppraisalTotals,
  /** The unit's submission state (`appraisalOpenedAt` is set by this read). */
  state: SelfAssessmentState,
  rounds: z.array(RoundState),
  /** Null when the caller may write the current round now; else why not. */
  readOnly: AppraisalReadOnlyReason.nullable(),
  at: z.iso.datetime(),
});
export type UnitAppraisal = z.infer<typeof UnitAppraisal>;

const ReasonText = z
  .string()
  .trim()
  .max(APPRAISAL_TEXT_MAX_LENGTH, { error: 'appraisal.text.tooLong' })
  .default('');

/**
 * One autosave of one round's appraisal of one leaf: the inputs as they are now on the page
 * (a whole replacement), conditioned on the entry's version (0 for one never written).
 * A stale version gets 409 with the current entry in `current`.
 */
export const SaveAppraisalParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: UnitCodeParam,
  criterionCode: CriterionCode,
  round: AppraisalRound,
  version: z.coerce.number().int().min(0),
  inputs: EntryInputs.default({}),
  reason: ReasonText,
});
export type SaveAppraisalParams = z.input<typeof SaveAppraisalParams>;

export const AskQuestionParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: UnitCodeParam,
  criterionCode: CriterionCode,
  version: z.coerce.number().int().min(0),
  /** Asking again replaces the question while the unit has not answered. */
  text: z
    .string({ error: 'appraisal.question.required' })
    .trim()
    .min(5, { error: 'appraisal.question.required' })
    .max(APPRAISAL_TEXT_MAX_LENGTH, { error: 'appraisal.text.tooLong' }),
});
export type AskQuestionParams = z.input<typeof AskQuestionParams>;

export const RoundParams = z.object({ periodId: AppraisalPeriodId, round: AppraisalRound });

/** One (unit, leaf) not yet appraised, as `sendRound`'s 409 lists them (`current.gaps`). */
export const RoundGap = z.object({ unitCode: z.string(), criterionCode: z.string() });
export type RoundGap = z.infer<typeof RoundGap>;

export const ReopenRoundParams = RoundParams.extend({
  appraiserId: z.string({ error: 'field.required' }).trim().min(1, { error: 'field.required' }),
  reason: z
    .string({ error: 'appraisal.reopen.reason' })
    .trim()
    .min(5, { error: 'appraisal.reopen.reason' })
    .max(1000, { error: 'appraisal.reopen.reason' }),
});
export type ReopenRoundParams = z.input<typeof ReopenRoundParams>;

export const AppraisalProgressParams = z.object({ periodId: AppraisalPeriodId });

export const AppraiserProgress = z.object({
  appraiserId: z.string(),
  username: z.string(),
  assigned: z.number().int(),
  round1Appraised: z.number().int(),
  round2Appraised: z.number().int(),
  round1SentAt: z.iso.datetime().nullable(),
  round2SentAt: z.iso.datetime().nullable(),
});
export type AppraiserProgress = z.infer<typeof AppraiserProgress>;

/**
 * A unit's appraisal state: `notReady` (not submitted, no decision), `scoreZero`, `notOpened`,
 * `round1` (opened, round 1 under way), `round1Done` (every entry appraised in round 1),
 * `round2Done` (every entry settled in round 2).
 */
export const unitAppraisalStates = [
  'notReady',
  'scoreZero',
  'notOpened',
  'round1',
  'round1Done',
  'round2Done',
] as const;
export const UnitAppraisalState = z.enum(unitAppraisalStates);

export const UnitAppraisalProgress = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  unitGroup: z.string(),
  state: UnitAppraisalState,
  openedAt: z.iso.datetime().nullable(),
  entries: z.number().int(),
  round1Appraised: z.number().int(),
  round2Appraised: z.number().int(),
  questions: z.number().int(),
  answered: z.number().int(),
  /** Sums of the appraised scores so far, in hundredths. */
  round1Total: z.number().int(),
  round2Total: z.number().int(),
});
export type UnitAppraisalProgress = z.infer<typeof UnitAppraisalProgress>;

export const AppraisalProgress = z.object({
  period: AppraisalPeriodView,
  appraisers: z.array(AppraiserProgress),
  units: z.array(UnitAppraisalProgress),
  at: z.iso.datetime(),
});
export type AppraisalProgress = z.infer<typeof AppraisalProgress>;

export const AppraisalProgressExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});

/** An admin names the unit; an officer's unit is the token's (naming another is refused). */
export const ListUnitQuestionsParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: z.string().trim().toUpperCase().min(1).max(32).optional(),
});

/** A question as the unit sees it (not the appraisal scores). */
export const UnitQuestion = z.object({
  criterionCode: z.string(),
  title: z.string(),
  selfScore: z.number().int().nullable(),
  question: ClarificationQuestion,
  version: z.number().int(),
});
export type UnitQuestion = z.infer<typeof UnitQuestion>;

/**
 * Why the unit cannot answer now: `notOpen` (before the clarification phase), `deadlinePassed`
 * (its clarification deadline, extension included), `phaseClosed` (after it).
 */
export const UnitQuestionList = z.object({
  periodId: z.string(),
  unitCode: z.string(),
  currentPhase: PeriodPhase,
  deadline: UnitDeadlineView.nullable(),
  readOnly: z.enum(['notOpen', 'deadlinePassed', 'phaseClosed']).nullable(),
  items: z.array(UnitQuestion),
});
export type UnitQuestionList = z.infer<typeof UnitQuestionList>;

export const AnswerQuestionParams = z.object({
  periodId: AppraisalPeriodId,
  criterionCode: CriterionCode,
  version: z.coerce.number().int().min(0),
  text: z
    .string({ error: 'appraisal.answer.required' })
    .trim()
    .min(1, { error: 'appraisal.answer.required' })
    .max(APPRAISAL_TEXT_MAX_LENGTH, { error: 'appraisal.text.tooLong' }),
  /** A revised self-assessment of the questioned entry, scored by its rule; null keeps it. */
  revisedInputs: EntryInputs.nullable().default(null),
});
export type AnswerQuestionParams = z.input<typeof AnswerQuestionParams>;

/** Bus only: the evidence service asks which leaves of a unit the calling appraiser may see. */
export const AssignedLeavesParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: UnitCodeParam,
});
export const AssignedLeaves = z.object({ criterionCodes: z.array(z.string()) });
export type AssignedLeaves = z.infer<typeof AssignedLeaves>;

/** Bus only: a period's settled round-2 (final) scores, for the ranking service's consolidation. */
export const FinalScoresParams = z.object({ periodId: AppraisalPeriodId });
export type FinalScoresParams = z.input<typeof FinalScoresParams>;

/** One settled (unit, leaf) entry: the round-2 score that counts, and the entry it came from. */
export const FinalScore = z.object({
  unitCode: z.string(),
  criterionCode: z.string(),
  /** Hundredths. */
  score: z.number().int(),
  entryId: z.string(),
  entryVersion: z.number().int(),
});
export type FinalScore = z.infer<typeof FinalScore>;

export const FinalScores = z.object({
  periodId: z.string(),
  /** Appraisers named by the period's assignments, and how many of them have sent round 2. */
  appraisers: z.number().int(),
  round2Sent: z.number().int(),
  /** Every assigned appraiser has sent round 2 (and there is at least one). */
  complete: z.boolean(),
  /** Assigned entries of units not scored zero by a late-unit decision, settled in round 2. */
  entries: z.array(FinalScore),
});
export type FinalScores = z.infer<typeof FinalScores>;

const appraisers = ['appraisal'] as const;
const admin = ['admin'] as const;
const base = '/appraisal/periods/:periodId';

export const appraisalRoundActions = {
  listMyPeriods: defineAction({
    name: 'appraisal.listMyPeriods',
    summary: 'The periods in which the caller has assignments, with the round open now',
    params: myPeriodsParams,
    result: MyAppraisalPeriods,
    roles: appraisers,
    rest: { method: 'GET', path: '/appraisal/my/periods' },
  }),
  listMyUnits: defineAction({
    name: 'appraisal.listMyUnits',
    summary:
      "The caller's worklist: assigned units with appraised/assigned counts and status per round",
    params: ListMyUnitsParams,
    result: Worklist,
    roles: appraisers,
    rest: { method: 'GET', path: `${base}/my/units` },
  }),
  getUnitAppraisal: defineAction({
    name: 'appraisal.getUnitAppraisal',
    summary:
      "One unit's assigned leaves: self-score, explanation, evidence, both rounds, questions, totals (the first opening ends the unit's withdrawal)",
    params: UnitAppraisalParams,
    result: UnitAppraisal,
    roles: appraisers,
    rest: { method: 'GET', path: `${base}/units/:unitCode` },
  }),
  saveAppraisal: defineAction({
    name: 'appraisal.saveAppraisal',
    summary:
      "Save one round's appraisal of one assigned leaf (autosave) at the version read; a differing score needs a reason",
    params: SaveAppraisalParams,
    result: AppraisalEntry,
    roles: appraisers,
    rest: {
      method: 'PUT',
      path: `${base}/units/:unitCode/entries/:criterionCode/rounds/:round`,
    },
  }),
  askQuestion: defineAction({
    name: 'appraisal.askQuestion',
    summary: 'Ask the unit a clarification question on one assigned entry (round 1 only)',
    params: AskQuestionParams,
    result: AppraisalEntry,
    roles: appraisers,
    rest: { method: 'PUT', path: `${base}/units/:unitCode/entries/:criterionCode/question` },
  }),
  sendRound: defineAction({
    name: 'appraisal.sendRound',
    summary:
      "Send the caller's round: only when every assigned entry is appraised (409 listing the gaps); locks the caller's writes for it",
    params: RoundParams,
    result: RoundState,
    roles: appraisers,
    rest: { method: 'POST', path: `${base}/rounds/:round/send` },
  }),
  reopenRound: defineAction({
    name: 'appraisal.reopenRound',
    summary: "Reopen one appraiser's sent round, with a reason (audited)",
    params: ReopenRoundParams,
    result: RoundState,
    roles: admin,
    rest: { method: 'POST', path: `${base}/rounds/:round/reopen` },
  }),
  getAppraisalProgress: defineAction({
    name: 'appraisal.getAppraisalProgress',
    summary: "Every appraiser's progress and every unit's appraisal state in a period",
    params: AppraisalProgressParams,
    result: AppraisalProgress,
    roles: admin,
    rest: { method: 'GET', path: `${base}/progress` },
  }),
  exportAppraisalProgress: defineAction({
    name: 'appraisal.exportAppraisalProgress',
    summary: 'The appraisal progress as an Excel workbook (appraisers and units)',
    params: AppraisalProgressParams,
    result: AppraisalProgressExport,
    roles: admin,
    rest: { method: 'GET', path: `${base}/progress/export` },
  }),
  listUnitQuestions: defineAction({
    name: 'appraisal.listUnitQuestions',
    summary: "The clarification questions put to the caller's unit, with its answers",
    params: ListUnitQuestionsParams,
    result: UnitQuestionList,
    roles: ['data-entry', 'admin'],
    rest: { method: 'GET', path: '/appraisal/unit/periods/:periodId/questions' },
  }),
  answerQuestion: defineAction({
    name: 'appraisal.answerQuestion',
    summary:
      "Answer a question put to the caller's unit, optionally revising that entry's self-score (clarification phase)",
    params: AnswerQuestionParams,
    result: UnitQuestion,
    roles: ['data-entry'],
    rest: { method: 'PUT', path: '/appraisal/unit/periods/:periodId/questions/:criterionCode' },
  }),
  listAssignedLeaves: defineAction({
    name: 'appraisal.listAssignedLeaves',
    summary:
      "The leaves of a unit the calling appraiser's assignments cover (for the evidence service)",
    params: AssignedLeavesParams,
    result: AssignedLeaves,
    // Bus only: the evidence service asks, with the appraiser's own token, before it lists or
    // serves a unit's files to an appraiser.
    roles: appraisers,
  }),
  listFinalScores: defineAction({
    name: 'appraisal.listFinalScores',
    summary:
      "A period's settled round-2 scores per (unit, leaf) and whether every appraiser has sent round 2 (for the ranking service)",
    params: FinalScoresParams,
    result: FinalScores,
    // Bus only: the ranking service asks with the admin's token (a consolidation on demand) or
    // as its own principal (its consumer of `appraisal.round.sent`).
    roles: admin,
    services: ['ranking'],
  }),
};

/** Durable events of the rounds: JetStream through @moleculer/channels (subject = name). */
export const appraisalEvents = {
  /** An appraiser sent a round: their writes for it are locked until an admin reopens it. */
  roundSent: {
    name: 'appraisal.round.sent',
    durable: true,
    payload: z.object({
      eventId: z.string(),
      periodId: z.string(),
      round: z.number().int(),
      appraiserId: z.string(),
      /** Entries the appraiser was responsible for when sending. */
      entries: z.number().int(),
      at: z.iso.datetime(),
    }),
  },
  /** An admin reopened an appraiser's round, with a reason. */
  roundReopened: {
    name: 'appraisal.round.reopened',
    durable: true,
    payload: z.object({
      eventId: z.string(),
      periodId: z.string(),
      round: z.number().int(),
      appraiserId: z.string(),
      reason: z.string(),
      by: z.string(),
      at: z.iso.datetime(),
    }),
  },
};
export type AppraisalRoundSent = z.infer<typeof appraisalEvents.roundSent.payload>;
export type AppraisalRoundReopened = z.infer<typeof appraisalEvents.roundReopened.payload>;
