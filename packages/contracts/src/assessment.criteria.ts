/**
 * What a criteria set is made of: indices, the nodes of a set's tree and the scoring rule of each
 * leaf. Every score is an integer number of hundredths (14.5 points is `1450`), every percentage
 * an integer number of hundredths of a percent (90 % is `9000`); format only at the edge.
 */
import { z } from 'zod';

/** A score in integer hundredths of a point; 10,000 points is far above any real scale. */
export const Hundredths = z
  .number({ error: 'score.hundredths' })
  .int({ error: 'score.hundredths' })
  .min(0, { error: 'score.hundredths' })
  .max(1_000_000, { error: 'score.hundredths' });

/** A percentage in hundredths of a percent: 0 … 10,000 (100 %). */
export const BasisPoints = z
  .number({ error: 'percent.basisPoints' })
  .int({ error: 'percent.basisPoints' })
  .min(0, { error: 'percent.basisPoints' })
  .max(10_000, { error: 'percent.basisPoints' });

/** An index the province runs (the PAR index, the DTI, …); sets belong to one. */
export const IndexCode = z
  .string({ error: 'field.required' })
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { error: 'index.code.format' })
  .transform((code) => code.toUpperCase());

export const Index = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
});
export type Index = z.infer<typeof Index>;

/** A node's code as users see it: dot-separated parts such as `3.2.1` or `II.4.a`. */
export const CriterionCode = z
  .string({ error: 'field.required' })
  .trim()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, { error: 'criterion.code.format' })
  .max(32, { error: 'criterion.code.format' });

const label = z.string({ error: 'field.required' }).trim().min(1).max(500);

/** Self-score typed by the unit: a number in [min, max] in steps of `step` (all hundredths). */
export const ManualRule = z.object({
  type: z.literal('manual'),
  min: Hundredths.default(0),
  max: Hundredths,
  step: Hundredths.min(1),
});

/** Pick one option; each carries its score. */
export const OptionsRule = z.object({
  type: z.literal('options'),
  options: z
    .array(z.object({ key: z.string().trim().min(1).max(32), label, score: Hundredths }))
    .min(2),
});

/** Above `minPercent` (inclusive) the leaf scores `score`; the highest band reached wins. */
export const RatioBand = z.object({ minPercent: BasisPoints, score: Hundredths });

/**
 * Two named inputs give a percentage; bands or a linear scale turn it into a score. Linear:
 * 0 at or below `fromPercent`, the leaf's maximum at or above `toPercent`, proportional between.
 */
export const RatioRule = z.object({
  type: z.literal('ratio'),
  numeratorLabel: label,
  denominatorLabel: label,
  scale: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bands'), bands: z.array(RatioBand).min(1) }),
    z.object({ kind: z.literal('linear'), fromPercent: BasisPoints, toPercent: BasisPoints }),
  ]),
});

/** Yes or no, each with its score. */
export const BooleanRule = z.object({
  type: z.literal('boolean'),
  yesScore: Hundredths,
  noScore: Hundredths.default(0),
});

/**
 * Penalty points taken from the parent (whose score floors at 0): the leaf's own maximum is 0,
 * the penalty goes in steps of `step` up to `maxDeduction`.
 */
export const DeductionRule = z.object({
  type: z.literal('deduction'),
  step: Hundredths.min(1),
  maxDeduction: Hundredths.min(1),
});

/** Filled from the survey module or an import, never self-assessed. */
export const SurveyRule = z.object({
  type: z.literal('survey'),
  source: z.string().trim().max(100).optional(),
});

/**
 * Takes the result of a criterion of another index's set for the same unit and period, scaled
 * to this leaf's maximum when the two maxima differ.
 */
export const LinkedRule = z.object({
  type: z.literal('linked'),
  indexCode: IndexCode,
  criterionCode: CriterionCode,
});

export const ScoringRule = z.discriminatedUnion(
  'type',
  [ManualRule, OptionsRule, RatioRule, BooleanRule, DeductionRule, SurveyRule, LinkedRule],
  { error: 'criterion.rule.type' },
);
export type ScoringRule = z.infer<typeof ScoringRule>;
export type ScoringRuleType = ScoringRule['type'];
export const scoringRuleTypes = [
  'manual',
  'options',
  'ratio',
  'boolean',
  'deduction',
  'survey',
  'linked',
] as const satisfies readonly ScoringRuleType[];

/**
 * One node of a set's tree (area, criterion or sub-criterion, any depth). A set stores its nodes
 * as a flat list in display order, each naming its parent; a node without children is a leaf
 * and must have a rule, a node with children must not.
 */
export const CriterionNode = z.object({
  code: CriterionCode,
  parentCode: CriterionCode.nullable().default(null),
  title: z.string({ error: 'field.required' }).trim().min(1).max(2000),
  /** Shown to units while they self-assess. */
  guidanceForUnits: z.string().max(20_000).default(''),
  /** Shown to appraisers only. */
  guidanceForAppraisers: z.string().max(20_000).default(''),
  maxScore: Hundredths,
  /** A parent whose maximum is deliberately below the sum of its children's (shown as capped). */
  capped: z.boolean().default(false),
  rule: ScoringRule.nullable().default(null),
  /** How many evidence files a leaf needs; a missing one must be explained. */
  evidence: z
    .object({
      min: z.number().int().min(0).max(20),
      max: z.number().int().min(0).max(20),
    })
    .default({ min: 1, max: 2 }),
  explanationRequired: z.boolean().default(true),
  /** Code of the unit that appraises this node by default (the Department of Justice, …). */
  appraiserUnitCode: z.string().trim().max(32).nullable().default(null),
});
export type CriterionNode = z.infer<typeof CriterionNode>;
export type CriterionNodeInput = z.input<typeof CriterionNode>;

/**
 * Where a set is in its life: `draft` can be edited; `inUse` belongs to a period that has
 * started and never changes again (editing it makes a new version); `retired` was replaced.
 */
export const criteriaSetStatuses = ['draft', 'inUse', 'retired'] as const;
export const CriteriaSetStatus = z.enum(criteriaSetStatuses);
export type CriteriaSetStatus = z.infer<typeof CriteriaSetStatus>;

/** A set without its nodes: what lists and periods need. */
export const CriteriaSetSummary = z.object({
  id: z.string(),
  indexCode: z.string(),
  year: z.number().int(),
  unitGroup: z.string(),
  name: z.string(),
  /** Optimistic-concurrency counter: changes on every save; a save must send the one it read. */
  version: z.number().int(),
  /** The version users see: 1 for the first set of an index × year × unit group, then 2, 3, … */
  edition: z.number().int(),
  status: CriteriaSetStatus,
  /** True when the set passed validation as last saved; only a valid set can be used. */
  valid: z.boolean(),
  /** The sum of the areas' maxima (capped where a node is capped), in hundredths. */
  totalMax: Hundredths,
  leafCount: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type CriteriaSetSummary = z.infer<typeof CriteriaSetSummary>;
