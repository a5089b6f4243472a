/**
 * Actions of the assessment service on periods, phases, deadlines and progress (issue 5).
 * All are admin-only today: units and appraisers will read their own period and deadline
 * through narrower actions that come with self-assessment and appraisal.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { BasisPoints, IndexCode } from './assessment.criteria';

/** The phases of a period, in the order they happen; `trial` is optional. */
export const periodPhases = [
  'setup',
  'trial',
  'selfAssessment',
  'appraisalRound1',
  'clarification',
  'appraisalRound2',
  'consolidation',
  'published',
] as const;
export const PeriodPhase = z.enum(periodPhases, { error: 'period.phase.unknown' });
export type PeriodPhase = z.infer<typeof PeriodPhase>;

/**
 * The order of two phases, as a sort wants it: negative when `a` comes before `b`, 0 when they
 * are the same, positive when `a` comes after.
 */
export function comparePhases(a: PeriodPhase, b: PeriodPhase): number {
  return periodPhases.indexOf(a) - periodPhases.indexOf(b);
}

/** Whether a period in phase `current` has reached `phase`: is in it or past it. */
export function isPhaseReached(current: PeriodPhase, phase: PeriodPhase): boolean {
  return comparePhases(current, phase) >= 0;
}

/** Phases whose end is a unit's deadline, and so can be extended for one unit. */
export const extendablePhases = ['selfAssessment', 'clarification'] as const;
export const ExtendablePhase = z.enum(extendablePhases, { error: 'extension.phase.invalid' });
export type ExtendablePhase = z.infer<typeof ExtendablePhase>;

/**
 * A moment as the admin gives it: an ISO date-time with an offset, or a wall-clock date-time
 * without one (`2026-03-01T08:00`), read in Asia/Ho_Chi_Minh. Always stored and returned in UTC.
 */
export const PeriodTime = z
  .string({ error: 'period.time.invalid' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, {
    error: 'period.time.invalid',
  })
  .transform((text, ctx) => {
    const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}+07:00`;
    const date = new Date(withZone);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'period.time.invalid' });
      return z.NEVER;
    }
    return date.toISOString();
  });

export const PhaseTimesInput = z.object({
  phase: PeriodPhase,
  startsAt: PeriodTime,
  /** Only `published` may be open-ended. */
  endsAt: PeriodTime.nullable().optional().default(null),
});

export const PeriodCriteriaSetInput = z.object({
  unitGroup: z.string({ error: 'field.required' }).trim().min(1, { error: 'field.required' }),
  /** Empty while the admin has not chosen one; refused then, naming the group. */
  criteriaSetId: z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((id) => id || null),
});

const periodName = z
  .string({ error: 'field.required' })
  .trim()
  .min(2, { error: 'period.name.length' })
  .max(200, { error: 'period.name.length' });

export const CreatePeriodParams = z.object({
  indexCode: IndexCode,
  year: z.coerce
    .number({ error: 'period.year.invalid' })
    .int({ error: 'period.year.invalid' })
    .min(2000, { error: 'period.year.invalid' })
    .max(2100, { error: 'period.year.invalid' }),
  name: periodName,
  criteriaSets: z.array(PeriodCriteriaSetInput).min(1, { error: 'period.criteriaSets.required' }),
  /** Unit codes; absent or empty means every unit of the chosen groups. */
  unitCodes: z.array(z.string().trim().min(1).toUpperCase()).optional().default([]),
  phases: z.array(PhaseTimesInput).min(1, { error: 'period.phases.required' }),
});
export type CreatePeriodParams = z.input<typeof CreatePeriodParams>;

export const UpdatePeriodParams = CreatePeriodParams.extend({
  id: z.string(),
  version: z.coerce.number().int(),
});
export type UpdatePeriodParams = z.input<typeof UpdatePeriodParams>;

/** A participating unit as in the period's year: that year's name and parent. */
export const PeriodUnit = z.object({
  code: z.string(),
  name: z.string(),
  /** The accounts service's id of the unit's parent in the period's year. */
  parentId: z.string().nullable(),
  unitGroup: z.string(),
});
export type PeriodUnit = z.infer<typeof PeriodUnit>;

export const PhaseTimes = z.object({
  phase: PeriodPhase,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
});
export type PhaseTimes = z.infer<typeof PhaseTimes>;

/** One unit's later deadline for one phase, and why it was granted. */
export const DeadlineExtension = z.object({
  unitCode: z.string(),
  phase: ExtendablePhase,
  endsAt: z.iso.datetime(),
  reason: z.string(),
  by: z.string(),
  at: z.iso.datetime(),
});
export type DeadlineExtension = z.infer<typeof DeadlineExtension>;

export const Period = z.object({
  id: z.string(),
  indexCode: z.string(),
  year: z.number().int(),
  name: z.string(),
  criteriaSets: z.array(z.object({ unitGroup: z.string(), criteriaSetId: z.string() })),
  units: z.array(PeriodUnit),
  phases: z.array(PhaseTimes),
  currentPhase: PeriodPhase,
  /** The latest extension per unit and phase. */
  extensions: z.array(DeadlineExtension),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Period = z.infer<typeof Period>;

export const PeriodList = z.object({ items: z.array(Period), total: z.number().int() });
export type PeriodList = z.infer<typeof PeriodList>;

export const ListPeriodsParams = z.object({
  year: z.coerce.number().int().optional(),
  /** Only this index's periods (e.g. the earlier years a ranking is compared with). */
  indexCode: IndexCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const PeriodIdParams = z.object({ id: z.string() });

export const AdvancePeriodParams = z.object({
  id: z.string(),
  /** The version the admin saw: a stale one gets 409, so one click never moves two phases. */
  version: z.coerce.number().int(),
});

export const ExtendDeadlineParams = z.object({
  id: z.string(),
  unitCode: z.string({ error: 'field.required' }).trim().min(1).toUpperCase(),
  phase: ExtendablePhase,
  endsAt: PeriodTime,
  reason: z
    .string({ error: 'extension.reason.required' })
    .trim()
    .min(5, { error: 'extension.reason.required' })
    .max(1000, { error: 'extension.reason.required' }),
});
export type ExtendDeadlineParams = z.input<typeof ExtendDeadlineParams>;

/** Where a unit stands in self-assessment, from nothing entered to submitted. */
export const progressStatuses = ['notStarted', 'inProgress', 'complete', 'submitted'] as const;
export const ProgressStatus = z.enum(progressStatuses);
export type ProgressStatus = z.infer<typeof ProgressStatus>;

export const ProgressParams = z.object({
  id: z.string(),
  unitGroup: z.string().trim().optional(),
  status: ProgressStatus.optional(),
});

export const UnitProgress = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  unitGroup: z.string(),
  /** Leaves the unit fills: survey and linked leaves are filled elsewhere and not counted. */
  leafCount: z.number().int(),
  /**
   * Leaves done: scored, explained where the set requires it, and with their minimum of
   * evidence files or a missing one explained (`@par/scoring`'s completeness rule).
   */
  completedCount: z.number().int(),
  /** Leaves with their minimum of evidence files, or a missing one explained. */
  evidenceCount: z.number().int(),
  /** Shares in hundredths of a percent (87.5 % is 8750). */
  completedShare: BasisPoints,
  evidenceShare: BasisPoints,
  submitted: z.boolean(),
  status: ProgressStatus,
  /** This unit's own deadline for the current phase when it was extended. */
  extendedUntil: z.iso.datetime().nullable(),
  /** This unit's deadline for the current phase, extension included; null when it has no end. */
  deadline: z.iso.datetime().nullable(),
});
export type UnitProgress = z.infer<typeof UnitProgress>;

export const PeriodProgress = z.object({
  periodId: z.string(),
  currentPhase: PeriodPhase,
  items: z.array(UnitProgress),
  totals: z.object({
    units: z.number().int(),
    submitted: z.number().int(),
    completedShare: BasisPoints,
  }),
  at: z.iso.datetime(),
});
export type PeriodProgress = z.infer<typeof PeriodProgress>;

export const ProgressExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});
export type ProgressExport = z.infer<typeof ProgressExport>;

/** What one pass of the period scheduler did. */
export const SchedulerPass = z.object({ moves: z.number().int() });
export type SchedulerPass = z.infer<typeof SchedulerPass>;

/** What the appraisal service needs of a period to assign appraisers and check coverage. */
export const AppraisalScope = z.object({
  period: z.object({
    id: z.string(),
    name: z.string(),
    year: z.number().int(),
    indexCode: z.string(),
    currentPhase: PeriodPhase,
    version: z.number().int(),
    /** The phases' times and the units' extensions (added for the rounds' deadlines). */
    phases: z.array(PhaseTimes).default([]),
    extensions: z.array(DeadlineExtension).default([]),
  }),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unitGroup: z.string(),
      /** Codes of the unit's parents in the period's year, nearest first (for subtrees). */
      ancestorCodes: z.array(z.string()),
      submitted: z.boolean(),
      /** Its self-assessment deadline, extension included; null when the phase has no end. */
      selfAssessmentEndsAt: z.iso.datetime().nullable(),
    }),
  ),
  criteriaSets: z.array(
    z.object({
      unitGroup: z.string(),
      criteriaSetId: z.string(),
      nodes: z.array(
        z.object({
          code: z.string(),
          parentCode: z.string().nullable(),
          title: z.string(),
          /** A leaf that appraisers score: not a survey or linked leaf, which are filled elsewhere. */
          appraised: z.boolean(),
          leaf: z.boolean(),
          appraiserUnitCode: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type AppraisalScope = z.infer<typeof AppraisalScope>;

export const periodActions = {
  listPeriods: defineAction({
    name: 'assessment.listPeriods',
    summary: 'List assessment periods, newest year first',
    params: ListPeriodsParams,
    result: PeriodList,
    roles: ['admin'],
    // The seed job loads the demo period (deploy/local/apps/seed.ts).
    services: ['seed'],
    rest: { method: 'GET', path: '/periods' },
  }),
  getPeriod: defineAction({
    name: 'assessment.getPeriod',
    summary: 'One period with its phases, units and extensions',
    params: PeriodIdParams,
    result: Period,
    roles: ['admin'],
    rest: { method: 'GET', path: '/periods/:id' },
  }),
  createPeriod: defineAction({
    name: 'assessment.createPeriod',
    summary:
      'Create a period in set-up: a valid set per unit group, its units, its phases (422 naming the field otherwise)',
    params: CreatePeriodParams,
    result: Period,
    roles: ['admin'],
    // The seed job loads the demo period (deploy/local/apps/seed.ts).
    services: ['seed'],
    rest: { method: 'POST', path: '/periods', status: 201 },
  }),
  updatePeriod: defineAction({
    name: 'assessment.updatePeriod',
    summary: 'Change a period while it is in set-up (409 on a stale version)',
    params: UpdatePeriodParams,
    result: Period,
    roles: ['admin'],
    rest: { method: 'PUT', path: '/periods/:id' },
  }),
  advancePeriodPhase: defineAction({
    name: 'assessment.advancePeriodPhase',
    summary: 'Move a period to its next phase now (409 on a stale version)',
    params: AdvancePeriodParams,
    result: Period,
    roles: ['admin'],
    rest: { method: 'POST', path: '/periods/:id/advance' },
  }),
  extendDeadline: defineAction({
    name: 'assessment.extendDeadline',
    summary: "Extend one unit's self-assessment or clarification deadline, with a reason (audited)",
    params: ExtendDeadlineParams,
    result: Period,
    roles: ['admin'],
    rest: { method: 'POST', path: '/periods/:id/extensions' },
  }),
  getPeriodProgress: defineAction({
    name: 'assessment.getPeriodProgress',
    summary: 'Per unit: leaves scored and explained, evidence attached, submitted or not',
    params: ProgressParams,
    result: PeriodProgress,
    roles: ['admin'],
    rest: { method: 'GET', path: '/periods/:id/progress' },
  }),
  exportPeriodProgress: defineAction({
    name: 'assessment.exportPeriodProgress',
    summary: 'The progress board as an Excel workbook',
    params: ProgressParams,
    result: ProgressExport,
    roles: ['admin'],
    rest: { method: 'GET', path: '/periods/:id/progress/export' },
  }),
  movePeriodsDue: defineAction({
    name: 'assessment.movePeriodsDue',
    summary:
      "The scheduler's pass: move every period whose next phase has started and finish what moves left to do",
    params: z.object({}),
    result: SchedulerPass,
    // Bus only, for the assessment service's own scheduler; no person calls it.
    roles: [],
    services: ['assessment'],
  }),
  getAppraisalScope: defineAction({
    name: 'assessment.getAppraisalScope',
    summary:
      "A period's participating units (with their parents and submission) and the nodes of its criteria sets, for the appraisal service",
    params: PeriodIdParams,
    result: AppraisalScope,
    // Bus only: the appraisal service, with the admin's token or the assessment principal's
    // (the period's phase change asks whether round 1 may start).
    // Appraisers too (issue 11): the appraisal service reads it with their token to expand
    // their assignments; the units' tree is then read with the assessment principal.
    // The ranking principal too: its consumer of `appraisal.round.sent` consolidates.
    roles: ['admin', 'appraisal'],
    services: ['assessment', 'ranking'],
  }),
};
