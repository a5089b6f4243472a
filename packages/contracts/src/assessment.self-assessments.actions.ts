/**
 * Actions of the assessment service on a unit's self-assessment (issue 10): the unit's periods,
 * its entries (one per leaf criterion), autosave with optimistic versions, submission by the
 * unit's approver, withdrawal, and the summary's export.
 *
 * Who: `data-entry` officers act for their own unit only — the unit comes from the token, never
 * from params; `unit-approver` (a client role officers of the unit's leadership hold as well)
 * submits and withdraws; `admin` reads any unit's self-assessment by naming it. Appraisers read
 * through the appraisal service (issue 11).
 */
import { z } from 'zod';
import { defineAction } from './action';
import { unitApproverRole } from './auth';
import { CriterionCode, CriterionNode, Hundredths } from './assessment.criteria';
import { DeadlineExtension, PeriodPhase, PhaseTimes } from './assessment.periods.actions';
import {
  ENTRY_EXPLANATION_MAX_LENGTH,
  selfAssessmentRoutes,
} from './assessment.self-assessments.routes';

const PeriodIdText = z
  .string({ error: 'selfAssessment.period.notFound' })
  .trim()
  .regex(/^[0-9a-f]{24}$/, { error: 'selfAssessment.period.notFound' });

/** An admin names the unit; an officer's unit is the token's (naming another one is refused). */
const UnitCodeParam = z.string().trim().toUpperCase().min(1).max(32).optional();

/**
 * What the unit entered for a leaf; each rule reads its own fields (`@par/scoring`'s
 * `LeafInputs`): `manual` → `value`; `options` → `optionKey`; `ratio` → `numerator` and
 * `denominator`; `boolean` → `yes`; `deduction` → `penalty` (points off, positive). Numbers are
 * integer hundredths (a ratio's figures: non-negative integers in one unit). Survey and linked
 * leaves take no inputs from the unit.
 */
export const EntryInputs = z
  .object({
    value: Hundredths.nullable().optional(),
    optionKey: z.string().trim().max(32).nullable().optional(),
    numerator: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    denominator: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    yes: z.boolean().nullable().optional(),
    penalty: Hundredths.nullable().optional(),
  })
  .strict();
export type EntryInputs = z.infer<typeof EntryInputs>;

const ExplanationText = z
  .string()
  .max(ENTRY_EXPLANATION_MAX_LENGTH, { error: 'entry.explanation.tooLong' })
  .default('');

/** Who last changed something, as the unit's members see it. */
export const EntryAuthor = z.object({ id: z.string(), username: z.string() });

/** The unit's entry for one leaf in one period, as saved. */
export const Entry = z.object({
  criterionCode: z.string(),
  inputs: EntryInputs,
  /**
   * The leaf's score from its rule and the inputs (`@par/scoring`'s `leafScore`), in integer
   * hundredths (negative for a deduction); null while the inputs give none.
   */
  score: z.number().int().nullable(),
  /** A ratio's percentage in hundredths of a percent, else null. */
  percent: z.number().int().nullable(),
  /** Line breaks kept. */
  explanation: z.string(),
  /** Why fewer evidence files than the set asks for are attached; blank when none is missing. */
  missingEvidenceExplanation: z.string(),
  /** Starts at 0 for an entry never saved; each save sends the version it read. */
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: EntryAuthor.nullable(),
});
export type Entry = z.infer<typeof Entry>;

/** Where a unit's self-assessment is: being filled, or submitted by its approver (frozen). */
export const selfAssessmentStatuses = ['draft', 'submitted'] as const;
export const SelfAssessmentStatus = z.enum(selfAssessmentStatuses);
export type SelfAssessmentStatus = z.infer<typeof SelfAssessmentStatus>;

/** The unit's self-assessment as a whole: status, submission and what may still be done. */
export const SelfAssessmentState = z.object({
  periodId: z.string(),
  unitCode: z.string(),
  status: SelfAssessmentStatus,
  submittedAt: z.iso.datetime().nullable(),
  submittedBy: EntryAuthor.nullable(),
  /** Set by the appraisal service when an appraiser first opens it: withdrawal ends then. */
  appraisalOpenedAt: z.iso.datetime().nullable(),
  /** Optimistic version of the submission state (not of the entries). */
  version: z.number().int(),
});
export type SelfAssessmentState = z.infer<typeof SelfAssessmentState>;

/**
 * Why the unit cannot write now, as a stable code the page explains (with the deadline):
 * `notOpen` before the self-assessment phase, `deadlinePassed`, `submitted` (withdraw first),
 * `phaseClosed` in phases where the unit does not write (appraisal, published, …).
 */
export const readOnlyReasons = ['notOpen', 'deadlinePassed', 'submitted', 'phaseClosed'] as const;
export const ReadOnlyReason = z.enum(readOnlyReasons);
export type ReadOnlyReason = z.infer<typeof ReadOnlyReason>;

/** The unit's deadline for a phase, extension included (`deadlineFor`'s result). */
export const UnitDeadlineView = z.object({
  phase: PeriodPhase,
  endsAt: z.iso.datetime(),
  commonEndsAt: z.iso.datetime(),
  extension: DeadlineExtension.pick({ endsAt: true, reason: true, by: true, at: true }).nullable(),
});
export type UnitDeadlineView = z.infer<typeof UnitDeadlineView>;

/** One of the unit's periods, for its list (open, upcoming, past). */
export const UnitPeriod = z.object({
  periodId: z.string(),
  indexCode: z.string(),
  year: z.number().int(),
  name: z.string(),
  currentPhase: PeriodPhase,
  phases: z.array(PhaseTimes),
  /** The unit's deadline in the current phase if the unit acts in it (self-assessment, clarification). */
  deadline: UnitDeadlineView.nullable(),
  status: SelfAssessmentStatus,
  /** Leaves the unit fills, and those complete by the shared rule. */
  leafCount: z.number().int(),
  completedCount: z.number().int(),
});
export type UnitPeriod = z.infer<typeof UnitPeriod>;

export const UnitPeriodList = z.object({ items: z.array(UnitPeriod) });
export type UnitPeriodList = z.infer<typeof UnitPeriodList>;

/** A criteria node as units see it: the appraisers' guidance is not theirs. */
export const UnitCriterionNode = CriterionNode.omit({ guidanceForAppraisers: true });
export type UnitCriterionNode = z.infer<typeof UnitCriterionNode>;

/**
 * What a linked leaf shows (issue 10): its source is the criterion `sourceCode` of index
 * `indexCode` in the same unit's period of that index and the same year. `period` is null when
 * there is none; `sourceScore` is the unit's self-score there (null while not scored or when the
 * code is not a leaf of the unit's set there), `score` the same scaled to this leaf's maximum
 * (`linkedScore`). Appraised results replace the self-score once appraisal settles them.
 */
export const LinkedSource = z.object({
  criterionCode: z.string(),
  indexCode: z.string(),
  sourceCode: z.string(),
  period: z
    .object({ id: z.string(), name: z.string(), year: z.number().int(), currentPhase: PeriodPhase })
    .nullable(),
  sourceMax: Hundredths.nullable(),
  sourceScore: Hundredths.nullable(),
  score: Hundredths.nullable(),
});
export type LinkedSource = z.infer<typeof LinkedSource>;

/** Everything the self-assessment page needs in one read. */
export const SelfAssessment = z.object({
  period: UnitPeriod,
  unit: z.object({ code: z.string(), name: z.string(), unitGroup: z.string() }),
  criteriaSet: z.object({
    id: z.string(),
    name: z.string(),
    totalMax: Hundredths,
    nodes: z.array(UnitCriterionNode),
  }),
  /** Saved entries only; a leaf without one has never been saved (version 0). */
  entries: z.array(Entry),
  /** Attached evidence files per criterion code (from the evidence service). */
  evidenceCounts: z.record(z.string(), z.number().int()),
  /** One per linked leaf of the set, in the set's order. */
  linkedSources: z.array(LinkedSource),
  state: SelfAssessmentState,
  /** Null when the unit may write now; else why not. */
  readOnly: ReadOnlyReason.nullable(),
  at: z.iso.datetime(),
});
export type SelfAssessment = z.infer<typeof SelfAssessment>;

export const SelfAssessmentParams = z.object({ periodId: PeriodIdText, unitCode: UnitCodeParam });

export const ListUnitPeriodsParams = z.object({ unitCode: UnitCodeParam });

export const ListEntriesParams = z.object({
  periodId: PeriodIdText,
  unitCode: UnitCodeParam,
  /** Only entries saved after this moment: how the page picks up other officers' saves. */
  since: z.iso.datetime().optional(),
});

export const EntryList = z.object({
  items: z.array(Entry),
  /** Pass as `since` next time. */
  at: z.iso.datetime(),
  /**
   * The self-assessment's state and write window now, so an open page learns of a submission
   * or a withdrawal (or a deadline passing) at its next poll and locks or unlocks its fields.
   */
  state: SelfAssessmentState,
  /** Null when the unit may write now; else why not. */
  readOnly: ReadOnlyReason.nullable(),
});
export type EntryList = z.infer<typeof EntryList>;

/**
 * One autosave: the entry's editable fields as they are now on the page (a whole replacement,
 * so retrying a save is harmless), conditioned on the version the page read (0 for a leaf never
 * saved). A stale version gets 409 with the current entry in `current`.
 */
export const SaveEntryParams = z.object({
  periodId: PeriodIdText,
  criterionCode: CriterionCode,
  version: z.coerce.number().int().min(0),
  inputs: EntryInputs.default({}),
  explanation: ExplanationText,
  missingEvidenceExplanation: ExplanationText,
});
export type SaveEntryParams = z.input<typeof SaveEntryParams>;

export const SubmissionParams = z.object({
  periodId: PeriodIdText,
  /** The state's version the approver reviewed. */
  version: z.coerce.number().int().min(0),
});

export const WithdrawParams = SubmissionParams.extend({
  reason: z
    .string({ error: 'selfAssessment.withdraw.reason' })
    .trim()
    .min(5, { error: 'selfAssessment.withdraw.reason' })
    .max(1000, { error: 'selfAssessment.withdraw.reason' }),
});

export const ExportSelfAssessmentParams = z.object({
  periodId: PeriodIdText,
  unitCode: UnitCodeParam,
  format: z.enum(['pdf', 'xlsx']),
});

export const SelfAssessmentExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});
export type SelfAssessmentExport = z.infer<typeof SelfAssessmentExport>;

export const WriteWindowParams = z.object({
  periodId: PeriodIdText,
  unitCode: z.string().trim().toUpperCase().min(1).max(32),
});

/**
 * Whether a unit may change its self-assessment now, by the one rule `saveEntry` runs: what the
 * evidence service asks before it issues an upload slot or changes a file.
 */
export const WriteWindow = z.object({
  /** Null when the unit may write now; else why not. */
  readOnly: ReadOnlyReason.nullable(),
  /** The deadline of the phase the reason or the write belongs to, when it has one. */
  deadline: UnitDeadlineView.nullable(),
  /** The leaf codes of the unit's set that the unit fills (evidence may serve only these). */
  leafCodes: z.array(z.string()),
});
export type WriteWindow = z.infer<typeof WriteWindow>;

export const UnitForAppraisalParams = z.object({
  periodId: PeriodIdText,
  unitCode: z.string().trim().toUpperCase().min(1).max(32),
});

/** A unit's self-assessment as the appraisal service reads it: its set's nodes and its entries. */
export const UnitForAppraisal = z.object({
  unit: z.object({ code: z.string(), name: z.string(), unitGroup: z.string() }),
  criteriaSetId: z.string(),
  nodes: z.array(CriterionNode),
  entries: z.array(Entry),
  state: SelfAssessmentState,
});
export type UnitForAppraisal = z.infer<typeof UnitForAppraisal>;

export const MarkAppraisalOpenedParams = UnitForAppraisalParams.extend({
  /** The submission state's version the appraisal service read. */
  version: z.coerce.number().int().min(0),
});

const readers = ['data-entry', 'admin'] as const;
const approvers = [unitApproverRole] as const;

export const selfAssessmentActions = {
  listUnitPeriods: defineAction({
    name: 'assessment.listUnitPeriods',
    summary: "The unit's periods (open, upcoming, past) with its deadline and progress",
    params: ListUnitPeriodsParams,
    result: UnitPeriodList,
    roles: readers,
    rest: selfAssessmentRoutes.listUnitPeriods,
  }),
  getSelfAssessment: defineAction({
    name: 'assessment.getSelfAssessment',
    summary: "The unit's criteria tree, saved entries, evidence counts, state and deadline",
    params: SelfAssessmentParams,
    result: SelfAssessment,
    roles: readers,
    rest: selfAssessmentRoutes.getSelfAssessment,
  }),
  listEntries: defineAction({
    name: 'assessment.listEntries',
    summary: "The unit's entries, or those saved since a moment (other officers' saves)",
    params: ListEntriesParams,
    result: EntryList,
    roles: readers,
    rest: selfAssessmentRoutes.listEntries,
  }),
  saveEntry: defineAction({
    name: 'assessment.saveEntry',
    summary:
      "Save the unit's entry for one leaf (autosave), conditioned on the version read; 409 with the current entry",
    params: SaveEntryParams,
    result: Entry,
    roles: ['data-entry'],
    rest: selfAssessmentRoutes.saveEntry,
  }),
  submitSelfAssessment: defineAction({
    name: 'assessment.submitSelfAssessment',
    summary:
      "The approver submits the unit's complete self-assessment: entries freeze, a durable event goes out",
    params: SubmissionParams,
    result: SelfAssessmentState,
    roles: approvers,
    rest: selfAssessmentRoutes.submitSelfAssessment,
  }),
  withdrawSelfAssessment: defineAction({
    name: 'assessment.withdrawSelfAssessment',
    summary:
      'The approver withdraws a submission to correct it, before the deadline and until an appraiser opens it',
    params: WithdrawParams,
    result: SelfAssessmentState,
    roles: approvers,
    rest: selfAssessmentRoutes.withdrawSelfAssessment,
  }),
  exportSelfAssessment: defineAction({
    name: 'assessment.exportSelfAssessment',
    summary:
      "The unit's summary as PDF or Excel: criteria, self-scores, explanations, evidence names, totals, signatures",
    params: ExportSelfAssessmentParams,
    result: SelfAssessmentExport,
    roles: readers,
    rest: selfAssessmentRoutes.exportSelfAssessment,
  }),
  getWriteWindow: defineAction({
    name: 'assessment.getWriteWindow',
    summary:
      'Whether a unit may change its self-assessment now, and its leaf codes (for the evidence service)',
    params: WriteWindowParams,
    result: WriteWindow,
    // Bus only: the evidence service asks before it lets a file be added, changed or deleted.
    // A missing period or a unit outside it is 404 `selfAssessment.period.notFound`.
    roles: [],
    services: ['evidence'],
  }),
  getUnitForAppraisal: defineAction({
    name: 'assessment.getUnitForAppraisal',
    summary:
      "A unit's criteria nodes, saved entries and submission state, for the appraisal service",
    params: UnitForAppraisalParams,
    result: UnitForAppraisal,
    // Bus only: the appraisal service, with the appraiser's token, after it checked the
    // appraiser's assignments cover the unit (it shows only the assigned leaves).
    roles: ['appraisal'],
  }),
  markAppraisalOpened: defineAction({
    name: 'assessment.markAppraisalOpened',
    summary:
      "Mark a submitted self-assessment opened by an appraiser (withdrawal ends), at the state's version read",
    params: MarkAppraisalOpenedParams,
    result: SelfAssessmentState,
    // Bus only: the appraisal service, with the appraiser's token, on their first opening of a
    // unit their assignments cover. Conditioned on the version, so a withdrawal and an opening
    // cannot both win (409 with the state).
    roles: ['appraisal'],
  }),
};
