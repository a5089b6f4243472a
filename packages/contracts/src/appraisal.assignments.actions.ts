/**
 * Actions of the appraisal service on a period's appraiser assignments (issue 11, first part):
 * who appraises which criteria of which units, whether every entry has exactly one responsible
 * assignment (coverage), the admin's decision on units that did not submit in time, and the
 * sheet import and export of assignments.
 *
 * Who: the admin (the Department of Home Affairs) only. Appraisers read their own share through
 * the worklist actions of the next part of issue 11, never through these.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { CriterionCode } from './assessment.criteria';

const ObjectIdText = z
  .string({ error: 'assignment.notFound' })
  .trim()
  .regex(/^[0-9a-f]{24}$/, { error: 'assignment.notFound' });

/** A period's id as the assessment service gives it. */
export const AppraisalPeriodId = z
  .string({ error: 'field.required' })
  .trim()
  .regex(/^[0-9a-f]{24}$/, { error: 'period.notFound' });

const UnitCodeText = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, { error: 'field.required' })
  .max(32)
  .toUpperCase();

/** Who appraises: one appraiser, or a council of several (each a Keycloak user with `appraisal`). */
export const AssignmentAppraiser = z.object({ id: z.string(), username: z.string() });
export type AssignmentAppraiser = z.infer<typeof AssignmentAppraiser>;

/**
 * Which units: explicit codes, every participating unit of a unit group, or the participating
 * units below a unit in the period year's tree (`includeRoot`: the root itself too).
 */
export const AssignmentUnits = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('units'),
      unitCodes: z
        .array(UnitCodeText)
        .min(1, { error: 'assignment.units.required' })
        .max(5000)
        .transform((codes) => [...new Set(codes)]),
    }),
    z.object({
      kind: z.literal('group'),
      unitGroup: z
        .string({ error: 'assignment.units.required' })
        .trim()
        .min(1, { error: 'assignment.units.required' }),
    }),
    z.object({
      kind: z.literal('subtree'),
      rootCode: UnitCodeText,
      includeRoot: z.boolean().default(false),
    }),
  ],
  { error: 'assignment.units.required' },
);
export type AssignmentUnits = z.infer<typeof AssignmentUnits>;
export const assignmentUnitKinds = ['units', 'group', 'subtree'] as const;

/** The fields an admin gives; appraisers by their Keycloak user id. */
export const AssignmentInput = z.object({
  /** A council's name, shown in lists (optional for a single appraiser). */
  name: z.string().trim().max(200).optional().default(''),
  appraiserIds: z
    .array(z.string().trim().min(1))
    .min(1, { error: 'assignment.appraisers.required' })
    .max(20, { error: 'assignment.appraisers.required' })
    .transform((ids) => [...new Set(ids)]),
  /**
   * Areas or criteria: any node codes of the period's sets; a code covers every leaf below it.
   * A code missing from one unit group's set covers nothing for that group's units.
   */
  criterionCodes: z
    .array(CriterionCode)
    .min(1, { error: 'assignment.criteria.required' })
    .max(500)
    .transform((codes) => [...new Set(codes)]),
  units: AssignmentUnits,
});
export type AssignmentInput = z.input<typeof AssignmentInput>;

export const Assignment = z.object({
  id: z.string(),
  periodId: z.string(),
  name: z.string(),
  appraisers: z.array(AssignmentAppraiser),
  criterionCodes: z.array(z.string()),
  units: AssignmentUnits,
  /** How many (unit, leaf) entries it covers in the period as it is now. */
  entryCount: z.number().int(),
  /** Participating unit codes it covers now, sorted. */
  unitCodes: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Assignment = z.infer<typeof Assignment>;

export const ListAssignmentsParams = z.object({
  periodId: AppraisalPeriodId,
  appraiserId: z.string().trim().optional(),
  /** Assignments covering this area or criterion (or a node below it). */
  criterionCode: z.string().trim().optional(),
  /** Assignments covering this unit. */
  unitCode: z.string().trim().toUpperCase().optional(),
});
export type ListAssignmentsParams = z.input<typeof ListAssignmentsParams>;

export const AssignmentList = z.object({ items: z.array(Assignment), total: z.number().int() });
export type AssignmentList = z.infer<typeof AssignmentList>;

export const CreateAssignmentParams = AssignmentInput.extend({ periodId: AppraisalPeriodId });
export type CreateAssignmentParams = z.input<typeof CreateAssignmentParams>;

export const UpdateAssignmentParams = AssignmentInput.extend({
  id: ObjectIdText,
  version: z.coerce.number().int(),
});
export type UpdateAssignmentParams = z.input<typeof UpdateAssignmentParams>;

export const DeleteAssignmentParams = z.object({
  id: ObjectIdText,
  version: z.coerce.number().int(),
});

export const DeletedAssignment = z.object({ id: z.string(), deleted: z.literal(true) });

/** A suggested assignment from the criteria's appraising units, not written. */
export const AssignmentSuggestion = z.object({
  appraiserUnitCode: z.string(),
  input: z.object({
    name: z.string(),
    appraiserIds: z.array(z.string()),
    criterionCodes: z.array(z.string()),
    units: AssignmentUnits,
  }),
  appraisers: z.array(AssignmentAppraiser),
});
export const AssignmentSuggestions = z.object({
  items: z.array(AssignmentSuggestion),
  /** Appraising units named by criteria that have no enabled appraiser account. */
  unitsWithoutAppraisers: z.array(z.string()),
});
export type AssignmentSuggestions = z.infer<typeof AssignmentSuggestions>;

/** One (unit, leaf criterion) with no responsible assignment, or with several. */
export const CoverageIssue = z.object({
  unitCode: z.string(),
  criterionCode: z.string(),
  /** Empty for a gap; two or more for an overlap. */
  assignmentIds: z.array(z.string()),
});
export type CoverageIssue = z.infer<typeof CoverageIssue>;

export const Coverage = z.object({
  periodId: z.string(),
  totals: z.object({
    units: z.number().int(),
    /** Leaves to appraise over all participating units (survey and linked leaves are not). */
    entries: z.number().int(),
    /** Entries with exactly one responsible assignment. */
    covered: z.number().int(),
    gaps: z.number().int(),
    overlaps: z.number().int(),
  }),
  /** Sorted by unit, then criterion code. */
  gaps: z.array(CoverageIssue),
  overlaps: z.array(CoverageIssue),
  /** Per unit: how many of its entries are gaps or overlaps (units without either are left out). */
  units: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      entries: z.number().int(),
      gaps: z.number().int(),
      overlaps: z.number().int(),
    }),
  ),
});
export type Coverage = z.infer<typeof Coverage>;

export const PeriodParams = z.object({ periodId: AppraisalPeriodId });

export const Round1Readiness = z.object({
  periodId: z.string(),
  ready: z.boolean(),
  gaps: z.number().int(),
  overlaps: z.number().int(),
  /** Units that did not submit by their deadline and have no decision yet. */
  undecidedLateUnits: z.array(z.string()),
});
export type Round1Readiness = z.infer<typeof Round1Readiness>;

/** What happens to a unit that did not submit by its deadline. */
export const lateUnitDecisions = ['appraiseSavedData', 'scoreZero'] as const;
export const LateUnitDecisionKind = z.enum(lateUnitDecisions, {
  error: 'lateUnit.decision.invalid',
});
export type LateUnitDecisionKind = z.infer<typeof LateUnitDecisionKind>;

export const LateUnit = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  /** Its self-assessment deadline, extension included. */
  deadline: z.iso.datetime().nullable(),
  /** True once the deadline passed without a submission: only then may it be decided. */
  late: z.boolean(),
  decision: z
    .object({
      decision: LateUnitDecisionKind,
      reason: z.string(),
      by: z.object({ id: z.string(), username: z.string() }),
      at: z.iso.datetime(),
    })
    .nullable(),
  /** 0 before any decision; send it back with a decision. */
  version: z.number().int(),
});
export type LateUnit = z.infer<typeof LateUnit>;

export const LateUnitList = z.object({ periodId: z.string(), items: z.array(LateUnit) });
export type LateUnitList = z.infer<typeof LateUnitList>;

export const DecideLateUnitParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: UnitCodeText,
  decision: LateUnitDecisionKind,
  reason: z
    .string({ error: 'lateUnit.reason.required' })
    .trim()
    .min(5, { error: 'lateUnit.reason.required' })
    .max(1000, { error: 'lateUnit.reason.required' }),
  version: z.coerce.number().int().default(0),
});
export type DecideLateUnitParams = z.input<typeof DecideLateUnitParams>;

/** Largest assignment sheet accepted, decoded. */
export const ASSIGNMENT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const ASSIGNMENT_IMPORT_MAX_ROWS = 2000;

export const assignmentSheetFields = [
  'name',
  'appraisers',
  'criterionCodes',
  'unitCodes',
  'unitGroup',
  'subtreeRoot',
] as const;
export type AssignmentSheetField = (typeof assignmentSheetFields)[number];

export const AssignmentImportParams = z.object({
  periodId: AppraisalPeriodId,
  fileName: z.string({ error: 'field.required' }).trim().min(1).max(255),
  contentBase64: z.string({ error: 'field.required' }).min(1).max(4_000_000),
});
export type AssignmentImportParams = z.input<typeof AssignmentImportParams>;

export const AssignmentImportRow = z.object({
  /** As a spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  values: z.record(z.string(), z.string().nullable()),
  /** The assignment the row makes, once it has no error. */
  input: AssignmentInput.nullable(),
  /** Each names its column by its header: «Người thẩm định», … */
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type AssignmentImportRow = z.infer<typeof AssignmentImportRow>;

export const AssignmentImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  rows: z.array(AssignmentImportRow),
  totals: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    errors: z.number().int(),
  }),
});
export type AssignmentImportPreview = z.infer<typeof AssignmentImportPreview>;

export const AssignmentImportResult = z.object({
  fileName: z.string(),
  created: z.number().int(),
});

export const ExportAssignmentsParams = z.object({
  periodId: AppraisalPeriodId,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});
export const AssignmentExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  count: z.number().int(),
});
export type AssignmentExport = z.infer<typeof AssignmentExport>;

export const AppraisalAuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.string(), username: z.string().nullable() }),
  /** `assignment.created`, `assignment.updated`, `assignment.deleted`, `lateUnit.decided`. */
  action: z.string(),
  /** `assignment:<id>` or `lateUnit:<periodId>/<unitCode>`. */
  target: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AppraisalAuditEntry = z.infer<typeof AppraisalAuditEntry>;

export const ListAppraisalAuditParams = z.object({
  periodId: AppraisalPeriodId,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const AppraisalAuditList = z.object({
  items: z.array(AppraisalAuditEntry),
  total: z.number().int(),
});
export type AppraisalAuditList = z.infer<typeof AppraisalAuditList>;

const admin = ['admin'] as const;
const base = '/appraisal/periods/:periodId';

export const appraisalAssignmentActions = {
  listAssignments: defineAction({
    name: 'appraisal.listAssignments',
    summary: "A period's appraiser assignments, filtered by appraiser, criterion or unit",
    params: ListAssignmentsParams,
    result: AssignmentList,
    roles: admin,
    rest: { method: 'GET', path: `${base}/assignments` },
  }),
  createAssignment: defineAction({
    name: 'appraisal.createAssignment',
    summary:
      'Assign an appraiser or a council to criteria × units of a period (422 naming the field)',
    params: CreateAssignmentParams,
    result: Assignment,
    roles: admin,
    rest: { method: 'POST', path: `${base}/assignments`, status: 201 },
  }),
  updateAssignment: defineAction({
    name: 'appraisal.updateAssignment',
    summary: 'Change an assignment (409 on a stale version)',
    params: UpdateAssignmentParams,
    result: Assignment,
    roles: admin,
    rest: { method: 'PUT', path: '/appraisal/assignments/:id' },
  }),
  deleteAssignment: defineAction({
    name: 'appraisal.deleteAssignment',
    summary: 'Delete an assignment (409 on a stale version)',
    params: DeleteAssignmentParams,
    result: DeletedAssignment,
    roles: admin,
    rest: { method: 'DELETE', path: '/appraisal/assignments/:id' },
  }),
  suggestAssignments: defineAction({
    name: 'appraisal.suggestAssignments',
    summary:
      "Assignments suggested by each criterion's appraising unit (its appraisers × its criteria × every unit); writes nothing",
    params: PeriodParams,
    result: AssignmentSuggestions,
    roles: admin,
    rest: { method: 'GET', path: `${base}/assignments/suggestions` },
  }),
  getCoverage: defineAction({
    name: 'appraisal.getCoverage',
    summary:
      'Every (unit, leaf criterion) of the period with no responsible assignment or with several',
    params: PeriodParams,
    result: Coverage,
    roles: admin,
    rest: { method: 'GET', path: `${base}/coverage` },
  }),
  checkRound1Start: defineAction({
    name: 'appraisal.checkRound1Start',
    summary:
      'Whether appraisal round 1 may start: no gap, no overlap, every late unit decided (for the phase change)',
    params: PeriodParams,
    result: Round1Readiness,
    // Bus only: the period's phase change asks before it opens round 1.
    roles: admin,
    services: ['assessment'],
  }),
  listLateUnits: defineAction({
    name: 'appraisal.listLateUnits',
    summary:
      'Units of the period that have not submitted, whether their deadline passed, and the decision taken',
    params: PeriodParams,
    result: LateUnitList,
    roles: admin,
    rest: { method: 'GET', path: `${base}/late-units` },
  }),
  decideLateUnit: defineAction({
    name: 'appraisal.decideLateUnit',
    summary:
      'Decide, with a reason, to appraise a late unit on its saved data or to score it zero (audited)',
    params: DecideLateUnitParams,
    result: LateUnit,
    roles: admin,
    rest: { method: 'PUT', path: `${base}/late-units/:unitCode` },
  }),
  previewAssignmentImport: defineAction({
    name: 'appraisal.previewAssignmentImport',
    summary: 'Read an assignments sheet and show every row with its errors; writes nothing',
    params: AssignmentImportParams,
    result: AssignmentImportPreview,
    roles: admin,
    rest: { method: 'POST', path: `${base}/assignments/import/preview`, bodyLimit: '3mb' },
  }),
  commitAssignmentImport: defineAction({
    name: 'appraisal.commitAssignmentImport',
    summary: 'Create every assignment of a sheet, or none if any row has an error',
    params: AssignmentImportParams,
    result: AssignmentImportResult,
    roles: admin,
    rest: { method: 'POST', path: `${base}/assignments/import`, status: 201, bodyLimit: '3mb' },
  }),
  exportAssignments: defineAction({
    name: 'appraisal.exportAssignments',
    summary: "The period's assignments as a sheet that imports back",
    params: ExportAssignmentsParams,
    result: AssignmentExport,
    roles: admin,
    rest: { method: 'GET', path: `${base}/assignments/export` },
  }),
  listAppraisalAudit: defineAction({
    name: 'appraisal.listAppraisalAudit',
    summary: "The audit trail of a period's assignments and late-unit decisions, newest first",
    params: ListAppraisalAuditParams,
    result: AppraisalAuditList,
    roles: admin,
    rest: { method: 'GET', path: `${base}/audit` },
  }),
};
