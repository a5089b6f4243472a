/**
 * Actions of the ranking service (issue 12, first part): the band table of each index, a
 * period's draft consolidation (re-made on demand, versioned, with the inputs it came from and
 * what still blocks it), and the import of survey results per unit into `survey` criteria.
 *
 * Blocker decisions, publication (versioned, each stays readable, a durable `ranking.published`)
 * and the diff of two published versions (issue 12, second part).
 *
 * Who: the admin (the Department of Home Affairs) only; the public results come with the rest
 * of issue 12.
 */
import { z } from 'zod';
import { defineAction } from './action';
import {
  AppraisalAuditList,
  AppraisalPeriodId,
  ListAppraisalAuditParams,
} from './appraisal.assignments.actions';
import { BasisPoints, CriterionCode, IndexCode } from './assessment.criteria';

/** One band of an index's classification: label and lower bound in hundredths of a percent. */
export const RankingBand = z.object({
  label: z.string({ error: 'ranking.bands.invalid' }).trim().min(1).max(40),
  minIndex: BasisPoints,
});

export const BandTableParams = z.object({ indexCode: IndexCode });
export const SetBandTableParams = z.object({
  indexCode: IndexCode,
  /** Top band first; the bottom band starts at 0 %. */
  bands: z.array(RankingBand).min(1, { error: 'ranking.bands.invalid' }).max(20),
});
export type SetBandTableParams = z.input<typeof SetBandTableParams>;

export const BandTableResult = z.object({
  indexCode: z.string(),
  bands: z.array(z.object({ label: z.string(), minIndex: z.number().int() })),
  /** False when no table was set for the index: the default (A ≥ 90 %, B ≥ 80 %, C ≥ 70 %, D). */
  configured: z.boolean(),
});
export type BandTableResult = z.infer<typeof BandTableResult>;

export const ConsolidateParams = z.object({
  periodId: AppraisalPeriodId,
  /** Equal indices are ordered by these areas' sub-indices, the first listed first. */
  tieBreakAreaCodes: z.array(CriterionCode).max(20).default([]),
  /** The previous year's period of the same index, to compare with (its latest draft). */
  previousPeriodId: AppraisalPeriodId.nullable().default(null),
});
export type ConsolidateParams = z.input<typeof ConsolidateParams>;

export const GetConsolidationParams = z.object({
  periodId: AppraisalPeriodId,
  /** A draft version; the latest when absent. */
  version: z.coerce.number().int().min(1).optional(),
  /** A unit whose leaves (each score with its source) are wanted too. */
  unitCode: z.string().trim().toUpperCase().optional(),
});
export type GetConsolidationParams = z.input<typeof GetConsolidationParams>;

/** Where one leaf's score came from. */
export const ConsolidatedLeafSource = z.discriminatedUnion('source', [
  z.object({ source: z.literal('appraisal'), entryId: z.string(), entryVersion: z.number().int() }),
  z.object({ source: z.literal('survey'), importId: z.string() }),
  z.object({
    source: z.literal('linked'),
    indexCode: z.string(),
    criterionCode: z.string(),
    sourceScore: z.number().int(),
    sourceMax: z.number().int(),
    ref: z.string(),
  }),
]);

export const ConsolidationRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  unitGroup: z.string(),
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  /** The admin's tie-break decided between this unit and one with the same index. */
  decidedByTieBreak: z.boolean(),
  /** Hundredths of a point. */
  total: z.number().int(),
  max: z.number().int(),
  /** Hundredths of a percent; null when the set is worth 0 points. */
  index: z.number().int().nullable(),
  band: z.string().nullable(),
  areas: z.array(
    z.object({
      code: z.string(),
      score: z.number().int(),
      max: z.number().int(),
      subIndex: z.number().int().nullable(),
    }),
  ),
  previous: z.object({ unitCodes: z.array(z.string()), index: z.number().int() }).nullable(),
  /** index − previous index, in hundredths of a percentage point. */
  change: z.number().int().nullable(),
  /** Only for the unit asked for with `unitCode`. */
  leaves: z
    .array(z.object({ code: z.string(), score: z.number().int(), from: ConsolidatedLeafSource }))
    .optional(),
});
export type ConsolidationRow = z.infer<typeof ConsolidationRow>;

export const consolidationBlockerKinds = [
  'notSubmitted',
  'notAppraised',
  'surveyMissing',
  'linkedMissing',
  'invalidScore',
  'noCriteriaSet',
] as const;

export const ConsolidationBlockerKind = z.enum(consolidationBlockerKinds, {
  error: 'ranking.blocker.notFound',
});
export type ConsolidationBlockerKind = z.infer<typeof ConsolidationBlockerKind>;

/**
 * The admin's decision on a blocker: `zero` (the missing scores count 0, the unit is ranked) or
 * `exclude` (the unit is left out of the table; it covers every blocker of the unit).
 */
export const blockerDecisionKinds = ['zero', 'exclude'] as const;
export const BlockerDecisionKind = z.enum(blockerDecisionKinds, {
  error: 'ranking.decision.invalid',
});

export const BlockerDecision = z.object({
  unitCode: z.string(),
  kind: z.enum(consolidationBlockerKinds),
  decision: z.enum(blockerDecisionKinds),
  reason: z.string(),
  at: z.iso.datetime(),
  by: z.object({ id: z.string(), username: z.string().nullable() }),
});
export type BlockerDecision = z.infer<typeof BlockerDecision>;

/** What keeps a unit's result from being final; the admin decides each before publication. */
export const ConsolidationBlocker = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  kind: z.enum(consolidationBlockerKinds),
  /** The leaves concerned (empty for `notSubmitted` and `noCriteriaSet`). */
  criterionCodes: z.array(z.string()),
  /** The admin's decision as it stood when this draft was made; null while undecided. */
  decision: BlockerDecision.nullable(),
});
export type ConsolidationBlocker = z.infer<typeof ConsolidationBlocker>;

export const Consolidation = z.object({
  periodId: z.string(),
  indexCode: z.string(),
  year: z.number().int(),
  /** 1, 2, 3… per period: every (re)consolidation is kept. */
  version: z.number().int(),
  status: z.literal('draft'),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.string(), username: z.string().nullable() }),
  bands: z.array(z.object({ label: z.string(), minIndex: z.number().int() })),
  tieBreakAreaCodes: z.array(z.string()),
  groups: z.array(
    z.object({
      unitGroup: z.string(),
      criteriaSet: z.object({ id: z.string(), version: z.number().int() }),
      totalMax: z.number().int(),
      areas: z.array(z.object({ code: z.string(), max: z.number().int() })),
    }),
  ),
  /** By group, then rank. */
  rows: z.array(ConsolidationRow),
  blockers: z.array(ConsolidationBlocker),
  /** Units left out by the admin's `exclude` decisions (not in `rows`, not ranked). */
  excludedUnits: z.array(
    z.object({ unitCode: z.string(), unitName: z.string(), reason: z.string() }),
  ),
  /** The version of the period's blocker decisions this draft applied (0: none made yet). */
  decisionsVersion: z.number().int(),
  /** Blockers without a decision: publication is refused while any is left. */
  undecided: z.number().int(),
  provenance: z.object({
    criteriaSets: z.array(
      z.object({ unitGroup: z.string(), id: z.string(), version: z.number().int() }),
    ),
    appraisalEntries: z.number().int(),
    surveyImports: z.array(z.string()),
    linkedRefs: z.array(z.string()),
    previousPeriodId: z.string().nullable(),
    /** The past results import the previous year came from, when it was never consolidated here. */
    pastResultsImportId: z.string().nullable().optional(),
    /** SHA-256 of the inputs as consolidated: equal digests, equal tables. */
    inputDigest: z.string(),
  }),
});
export type Consolidation = z.infer<typeof Consolidation>;

/** Largest survey results sheet accepted, decoded, and its rows. */
export const SURVEY_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const SURVEY_IMPORT_MAX_ROWS = 20_000;

export const surveySheetFields = ['unitCode', 'criterionCode', 'score'] as const;
export type SurveySheetField = (typeof surveySheetFields)[number];

/** Which column plays which role, by position (null: left out); guessed from the header when absent. */
export const SurveySheetMapping = z.object({
  roles: z.array(z.enum(surveySheetFields).nullable()).max(200),
});
export type SurveySheetMapping = z.input<typeof SurveySheetMapping>;

export const SurveyImportParams = z.object({
  periodId: AppraisalPeriodId,
  fileName: z.string({ error: 'field.required' }).trim().min(1).max(255),
  contentBase64: z.string({ error: 'field.required' }).min(1).max(4_000_000),
  mapping: SurveySheetMapping.optional(),
});
export type SurveyImportParams = z.input<typeof SurveyImportParams>;

export const SurveyImportRow = z.object({
  /** As a spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  values: z.record(z.string(), z.string().nullable()),
  /** Hundredths, once the row has no error. */
  score: z.number().int().nullable(),
  /** The score it replaces, if the unit's criterion had one. */
  replaces: z.number().int().nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

export const SurveyImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** How the sheet was read: its header, the roles guessed and used, and what is wrong with them. */
  sheet: z.object({
    headerRow: z.number().int(),
    header: z.array(z.string()),
    guessed: z.array(z.enum(surveySheetFields).nullable()),
    mapping: z.object({ roles: z.array(z.enum(surveySheetFields).nullable()) }),
    problems: z.array(z.object({ message: z.string(), columns: z.array(z.number().int()) })),
  }),
  rows: z.array(SurveyImportRow),
  totals: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    errors: z.number().int(),
  }),
});
export type SurveyImportPreview = z.infer<typeof SurveyImportPreview>;

export const SurveyImportResult = z.object({
  importId: z.string(),
  fileName: z.string(),
  /** Unit × criterion results written (each replacing any earlier one). */
  written: z.number().int(),
  replaced: z.number().int(),
});

export const BlockerDecisionsParams = z.object({ periodId: AppraisalPeriodId });

export const BlockerDecisions = z.object({
  periodId: z.string(),
  /** 0 until the first decision; each decision sends the version it read. */
  version: z.number().int(),
  items: z.array(BlockerDecision),
});
export type BlockerDecisions = z.infer<typeof BlockerDecisions>;

export const DecideBlockerParams = z.object({
  periodId: AppraisalPeriodId,
  unitCode: z
    .string({ error: 'ranking.blocker.notFound' })
    .trim()
    .toUpperCase()
    .min(1, { error: 'ranking.blocker.notFound' })
    .max(32, { error: 'ranking.blocker.notFound' }),
  kind: ConsolidationBlockerKind,
  decision: BlockerDecisionKind,
  reason: z
    .string({ error: 'ranking.decision.reason' })
    .trim()
    .min(5, { error: 'ranking.decision.reason' })
    .max(1000, { error: 'ranking.decision.reason' }),
  version: z.coerce.number({ error: 'field.required' }).int().min(0),
});
export type DecideBlockerParams = z.input<typeof DecideBlockerParams>;

export const PublishParams = z.object({
  periodId: AppraisalPeriodId,
  /** The draft version the admin reviewed. */
  consolidationVersion: z.coerce
    .number({ error: 'ranking.publication.version' })
    .int({ error: 'ranking.publication.version' })
    .min(1, { error: 'ranking.publication.version' }),
  /** Required from the second publication on: why the corrected version replaces the last. */
  reason: z.string().trim().max(1000, { error: 'ranking.publication.reason' }).default(''),
});
export type PublishParams = z.input<typeof PublishParams>;

/** One published version of a period's ranking: 1, 2, 3… (each republication adds one). */
export const PublicationSummary = z.object({
  periodId: z.string(),
  indexCode: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  consolidationVersion: z.number().int(),
  /** Empty for the first publication; why it was republished otherwise. */
  reason: z.string(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.object({ id: z.string(), username: z.string().nullable() }),
  /** A later publication replaced this one (it stays readable). */
  superseded: z.boolean(),
});
export type PublicationSummary = z.infer<typeof PublicationSummary>;

export const ListPublicationsParams = z.object({ periodId: AppraisalPeriodId });
export const PublicationList = z.object({ items: z.array(PublicationSummary) });
export type PublicationList = z.infer<typeof PublicationList>;

export const PublicationNumber = z.coerce
  .number({ error: 'ranking.publication.notFound' })
  .int({ error: 'ranking.publication.notFound' })
  .min(1, { error: 'ranking.publication.notFound' });

export const GetPublicationParams = z.object({
  periodId: AppraisalPeriodId,
  number: PublicationNumber,
  unitCode: z.string().trim().toUpperCase().optional(),
});
export type GetPublicationParams = z.input<typeof GetPublicationParams>;

export const Publication = PublicationSummary.extend({ consolidation: Consolidation });
export type Publication = z.infer<typeof Publication>;

export const ComparePublicationsParams = z.object({
  periodId: AppraisalPeriodId,
  number: PublicationNumber,
  /** The earlier publication to compare with; the one before `number` when absent. */
  against: PublicationNumber.optional(),
});
export type ComparePublicationsParams = z.input<typeof ComparePublicationsParams>;

const UnitStanding = z.object({
  index: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  band: z.string().nullable(),
});

export const PublicationDiff = z.object({
  periodId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  /** Every unit of either version, by group then code; `changes` empty when nothing moved. */
  units: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      unitGroup: z.string(),
      before: UnitStanding.nullable(),
      after: UnitStanding.nullable(),
      changes: z.array(z.enum(['added', 'removed', 'index', 'rank', 'band'])),
    }),
  ),
  changed: z.number().int(),
});
export type PublicationDiff = z.infer<typeof PublicationDiff>;

/**
 * A period's ranking audit trail, newest first: `ranking.blocker.decided` (target
 * `blocker:<periodId>/<unit>/<kind>`), `ranking.published` and `ranking.republished` (target
 * `publication:<periodId>:<number>`). The same entry shape and paging as the appraisal trail.
 */
export const ListRankingAuditParams = ListAppraisalAuditParams;
export const RankingAuditList = AppraisalAuditList;
export type RankingAuditList = z.infer<typeof RankingAuditList>;

const admin = ['admin'] as const;
const base = '/ranking/periods/:periodId';

export const rankingActions = {
  getBandTable: defineAction({
    name: 'ranking.getBandTable',
    summary: "An index's classification bands (the default table until one is set)",
    params: BandTableParams,
    result: BandTableResult,
    roles: admin,
    rest: { method: 'GET', path: '/ranking/indices/:indexCode/bands' },
  }),
  setBandTable: defineAction({
    name: 'ranking.setBandTable',
    summary: "Set an index's classification bands (422 naming the band at fault)",
    params: SetBandTableParams,
    result: BandTableResult,
    roles: admin,
    rest: { method: 'PUT', path: '/ranking/indices/:indexCode/bands' },
  }),
  consolidatePeriod: defineAction({
    name: 'ranking.consolidatePeriod',
    summary:
      "(Re)consolidate a period into a new draft version: every unit's totals, index, band and rank, with what still blocks it",
    params: ConsolidateParams,
    result: Consolidation,
    roles: admin,
    rest: { method: 'POST', path: `${base}/consolidations`, status: 201 },
  }),
  getConsolidation: defineAction({
    name: 'ranking.getConsolidation',
    summary: "A period's draft consolidation (the latest, or a version)",
    params: GetConsolidationParams,
    result: Consolidation,
    roles: admin,
    rest: { method: 'GET', path: `${base}/consolidation` },
  }),
  previewSurveyImport: defineAction({
    name: 'ranking.previewSurveyImport',
    summary:
      'Read a survey results sheet (CSV/XLSX) and show every row with its errors; writes nothing',
    params: SurveyImportParams,
    result: SurveyImportPreview,
    roles: admin,
    rest: { method: 'POST', path: `${base}/survey-results/import/preview`, bodyLimit: '3mb' },
  }),
  commitSurveyImport: defineAction({
    name: 'ranking.commitSurveyImport',
    summary:
      "Import survey results per unit into the period's survey criteria: all rows or, on any error, none (422); re-sent results replace",
    params: SurveyImportParams,
    result: SurveyImportResult,
    roles: admin,
    rest: { method: 'POST', path: `${base}/survey-results/import`, bodyLimit: '3mb' },
  }),
  listBlockerDecisions: defineAction({
    name: 'ranking.listBlockerDecisions',
    summary: "The admin's decisions on a period's blockers (zero or exclude, each with a reason)",
    params: BlockerDecisionsParams,
    result: BlockerDecisions,
    roles: admin,
    rest: { method: 'GET', path: `${base}/blocker-decisions` },
  }),
  decideBlocker: defineAction({
    name: 'ranking.decideBlocker',
    summary:
      'Decide one blocker of the latest draft: count it 0 or exclude the unit, with a reason (audited; consolidate again to apply)',
    params: DecideBlockerParams,
    result: BlockerDecisions,
    roles: admin,
    rest: { method: 'PUT', path: `${base}/blocker-decisions/:unitCode/:kind` },
  }),
  publishConsolidation: defineAction({
    name: 'ranking.publishConsolidation',
    summary:
      'Publish a reviewed draft (refused while a blocker is undecided); a republication needs a reason; every version stays readable',
    params: PublishParams,
    result: PublicationSummary,
    roles: admin,
    rest: { method: 'POST', path: `${base}/publications`, status: 201 },
  }),
  listPublications: defineAction({
    name: 'ranking.listPublications',
    summary: "A period's published versions, the first first",
    params: ListPublicationsParams,
    result: PublicationList,
    roles: admin,
    rest: { method: 'GET', path: `${base}/publications` },
  }),
  getPublication: defineAction({
    name: 'ranking.getPublication',
    summary: 'One published version with its table',
    params: GetPublicationParams,
    result: Publication,
    roles: admin,
    rest: { method: 'GET', path: `${base}/publications/:number` },
  }),
  comparePublications: defineAction({
    name: 'ranking.comparePublications',
    summary: 'What changed per unit (index, rank, band) between two published versions',
    params: ComparePublicationsParams,
    result: PublicationDiff,
    roles: admin,
    rest: { method: 'GET', path: `${base}/publications/:number/diff` },
  }),
  listRankingAudit: defineAction({
    name: 'ranking.listRankingAudit',
    summary: "The audit trail of a period's blocker decisions and publications, newest first",
    params: ListRankingAuditParams,
    result: RankingAuditList,
    roles: admin,
    rest: { method: 'GET', path: `${base}/audit` },
  }),
};

/** Durable events of the ranking service: JetStream through @moleculer/channels (subject = name). */
export const rankingEvents = {
  /** A period's ranking was published (or republished, with a reason). */
  published: {
    name: 'ranking.published',
    durable: true,
    payload: z.object({
      eventId: z.string(),
      periodId: z.string(),
      indexCode: z.string(),
      year: z.number().int(),
      number: z.number().int(),
      consolidationVersion: z.number().int(),
      reason: z.string(),
      at: z.iso.datetime(),
    }),
  },
};
export type RankingPublished = z.infer<typeof rankingEvents.published.payload>;
