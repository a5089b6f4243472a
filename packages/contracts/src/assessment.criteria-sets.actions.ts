/**
 * Actions of the assessment service on indices and criteria sets (issue 5): the definition side
 * of what is scored. Every action here is admin-only: units and appraisers read a set through the
 * self-assessment and appraisal actions of later issues, which check that the caller takes part
 * in a period using it, so none of these is opened to `data-entry` or `appraisal`.
 *
 * Two numbers must not be confused: `version` is the optimistic-concurrency counter of one set
 * (it changes on every save; send it back with a save, a stale one gets 409 with the current
 * set), `edition` is the version users see ("phiên bản 2"): 1 for the first set of an
 * index × year × unit group, one more for each new version made from a set in use.
 */
import { z } from 'zod';
import { defineAction } from './action';
import {
  CriteriaSetStatus,
  CriteriaSetSummary,
  CriterionNode,
  Hundredths,
  Index,
  IndexCode,
} from './assessment.criteria';

/**
 * Most nodes a set may have; the Ministry's provincial index has 133, a commune set fewer.
 * Routes that carry a whole node list take bodies up to 3 MB: 150 leaves with paragraphs of
 * guidance outgrow the gateway's default limit.
 */
export const CRITERIA_SET_MAX_NODES = 2000;
/** Largest import file accepted, decoded; the JSON body carrying it (base64) is about 4/3 of this. */
export const CRITERIA_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const CRITERIA_IMPORT_MAX_ROWS = 5000;

export const CriteriaSetId = z
  .string({ error: 'field.required' })
  .trim()
  .regex(/^[0-9a-f]{24}$/, { error: 'criteriaSet.id.format' });

export const CriteriaSetYear = z.coerce
  .number({ error: 'criteriaSet.year.range' })
  .int({ error: 'criteriaSet.year.range' })
  .min(2000, { error: 'criteriaSet.year.range' })
  .max(2100, { error: 'criteriaSet.year.range' });

/** The unit group a set applies to, as the accounts service stores it on units. */
export const UnitGroupName = z
  .string({ error: 'criteriaSet.unitGroup.required' })
  .trim()
  .min(1, { error: 'criteriaSet.unitGroup.required' })
  .max(64, { error: 'criteriaSet.unitGroup.required' });

export const CriteriaSetName = z
  .string({ error: 'field.required' })
  .trim()
  .min(1, { error: 'criteriaSet.name.length' })
  .max(200, { error: 'criteriaSet.name.length' });

const Description = z
  .string()
  .trim()
  .max(5000, { error: 'criteriaSet.description.length' })
  .optional()
  .nullable()
  .transform((value) => (value ? value : null));

/**
 * A save's description: left out keeps the stored one, while an explicit empty string or null
 * clears it (an editor that empties the field must be able to say so).
 */
const SaveDescription = z
  .string()
  .trim()
  .max(5000, { error: 'criteriaSet.description.length' })
  .nullable()
  .optional()
  .transform((value) => (value === undefined ? undefined : value ? value : null));

/** A node list as sent by a client: the nodes in display order, each naming its parent. */
export const CriterionNodeList = z
  .array(CriterionNode)
  .max(CRITERIA_SET_MAX_NODES, { error: 'criteriaSet.nodes.tooMany' });

// ---------------------------------------------------------------------------------------------
// Indices

export const CreateIndexParams = z.object({
  code: IndexCode,
  name: z
    .string({ error: 'field.required' })
    .trim()
    .min(2, { error: 'index.name.length' })
    .max(200, { error: 'index.name.length' }),
  description: Description,
});
export type CreateIndexParams = z.input<typeof CreateIndexParams>;

export const IndexList = z.object({ items: z.array(Index) });
export type IndexList = z.infer<typeof IndexList>;

// ---------------------------------------------------------------------------------------------
// The computed view of a set

/**
 * One problem found by validation. `field` names the part of the node at fault (`code`,
 * `parentCode`, `maxScore`, `capped`, `rule`, `rule.options.1.score`, `evidence`, …) or `_` for
 * the set as a whole; `message` is rendered in the caller's language from the catalogue `key`.
 */
export const CriteriaSetIssue = z.object({
  /** The node's code, or null for an issue of the whole set (e.g. it has no nodes). */
  nodeCode: z.string().nullable(),
  /** Position of the node in the list (0-based), since duplicate codes are themselves an issue. */
  nodeIndex: z.number().int().nullable(),
  field: z.string(),
  key: z.string(),
  message: z.string(),
});
export type CriteriaSetIssue = z.infer<typeof CriteriaSetIssue>;

/** What the server computes for one node, at the same position as the node in `nodes`. */
export const CriterionNodeView = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  /** 0 for an area (top level). */
  depth: z.number().int(),
  leaf: z.boolean(),
  /** Sum of the children's effective maxima; null for a leaf. */
  childrenSum: Hundredths.nullable(),
  /**
   * What the node can contribute to its parent: a leaf's maximum; for a parent the smaller of
   * its maximum and its children's sum (a valid uncapped parent has the two equal).
   */
  effectiveMax: Hundredths,
  /** True when the node is marked capped and its maximum is below its children's sum. */
  capped: z.boolean(),
  issues: z.array(CriteriaSetIssue),
});
export type CriterionNodeView = z.infer<typeof CriterionNodeView>;

export const CriteriaSetView = z.object({
  /** Sum of the areas' effective maxima, in hundredths. */
  totalMax: Hundredths,
  leafCount: z.number().int(),
  /** True when there is no issue at all: only a valid set can be used by a period. */
  valid: z.boolean(),
  /** One per node, in the order of `nodes`. */
  nodes: z.array(CriterionNodeView),
  /** Every issue (of the set and of each node), set-level first, then in node order. */
  issues: z.array(CriteriaSetIssue),
});
export type CriteriaSetView = z.infer<typeof CriteriaSetView>;

/** A set with its nodes, as stored, and what the server computes from them. */
export const CriteriaSet = CriteriaSetSummary.extend({
  description: z.string().nullable(),
  /** The set this one was made from (new version, clone, template import: null). */
  basedOnId: z.string().nullable(),
  /** The shipped template it was created from, if any. */
  templateKey: z.string().nullable(),
  createdAt: z.iso.datetime(),
  nodes: z.array(CriterionNode),
  view: CriteriaSetView,
});
export type CriteriaSet = z.infer<typeof CriteriaSet>;

// ---------------------------------------------------------------------------------------------
// Sets: list, get, create, save, validate, clone, new version, delete

export const ListCriteriaSetsParams = z.object({
  indexCode: IndexCode.optional(),
  year: CriteriaSetYear.optional(),
  unitGroup: UnitGroupName.optional(),
  status: CriteriaSetStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListCriteriaSetsParams = z.input<typeof ListCriteriaSetsParams>;

export const CriteriaSetList = z.object({
  /** Newest year first, then index, unit group and edition (newest first). */
  items: z.array(CriteriaSetSummary),
  total: z.number().int(),
});
export type CriteriaSetList = z.infer<typeof CriteriaSetList>;

export const CriteriaSetIdParams = z.object({ id: CriteriaSetId });

export const CreateCriteriaSetParams = z.object({
  indexCode: IndexCode,
  year: CriteriaSetYear,
  unitGroup: UnitGroupName,
  name: CriteriaSetName,
  description: Description,
  /** Empty for a set built in the editor; invalid nodes are stored and reported in `view`. */
  nodes: CriterionNodeList.default([]),
});
export type CreateCriteriaSetParams = z.input<typeof CreateCriteriaSetParams>;

/**
 * Replaces the whole node list of a draft (and optionally its name and description). A stale
 * `version` gets 409 `criteriaSet.changed` whose data carries the current set; a set in use gets
 * 409 `criteriaSet.inUse`. Issues found by validation do not stop a save: they come back in
 * `view` and keep the set from being used.
 */
export const SaveCriteriaSetParams = z.object({
  id: CriteriaSetId,
  version: z.number({ error: 'field.required' }).int(),
  name: CriteriaSetName.optional(),
  /** Left out: unchanged; `""` or null: cleared. */
  description: SaveDescription,
  nodes: CriterionNodeList,
});
export type SaveCriteriaSetParams = z.input<typeof SaveCriteriaSetParams>;

/** Validates a node list without storing it (the editor's live check). */
export const ValidateCriteriaSetParams = z.object({
  nodes: CriterionNodeList,
  /** The set's index, if known: a linked rule may not name it. */
  indexCode: IndexCode.optional(),
  /** The set's year, if known: a linked rule must name a criterion of that year's sets. */
  year: CriteriaSetYear.optional(),
});
export type ValidateCriteriaSetParams = z.input<typeof ValidateCriteriaSetParams>;

/** Copies a set (any status) into a new draft for another year and/or unit group, one action. */
export const CloneCriteriaSetParams = z.object({
  id: CriteriaSetId,
  year: CriteriaSetYear,
  unitGroup: UnitGroupName,
  /** Defaults to the source's name with the year replaced. */
  name: CriteriaSetName.optional(),
});
export type CloneCriteriaSetParams = z.input<typeof CloneCriteriaSetParams>;

/**
 * Makes a new draft edition of a set that is in use (same index, year and unit group, edition
 * one more); refused for a draft (edit it instead) or when a newer draft already exists.
 */
export const CreateCriteriaSetVersionParams = z.object({ id: CriteriaSetId });

/** Deletes a draft (never a set in use or retired). */
export const DeleteCriteriaSetParams = z.object({
  id: CriteriaSetId,
  version: z.coerce.number({ error: 'field.required' }).int(),
});

// ---------------------------------------------------------------------------------------------
// Import and export

export const criteriaSheetFormats = ['csv', 'xlsx', 'json'] as const;
export const CriteriaSheetFormat = z.enum(criteriaSheetFormats);
export type CriteriaSheetFormat = z.infer<typeof CriteriaSheetFormat>;

/** The columns of the sheet, in the order they are written (headers: see the service README). */
export const criteriaImportFields = [
  'code',
  'parentCode',
  'title',
  'maxScore',
  'capped',
  'ruleType',
  'ruleDetails',
  'evidenceMin',
  'evidenceMax',
  'explanationRequired',
  'appraiserUnitCode',
  'guidanceForUnits',
  'guidanceForAppraisers',
] as const;
export type CriteriaImportField = (typeof criteriaImportFields)[number];

/**
 * What cleaning did to a cell: `lineBreaks` (joined into one line; titles only), `trimmed`,
 * `spaces` (runs collapsed), `decimalComma` (`14,5` read as 14.5), `parentFromCode` (an empty
 * parent code taken from the code: `3.2.1` → `3.2`).
 */
export const criteriaCellChanges = [
  'trimmed',
  'lineBreaks',
  'spaces',
  'decimalComma',
  'parentFromCode',
  'codeNumbered',
  'codeInArea',
  'codeGenerated',
  'maxFromChildren',
  'ruleDefault',
] as const;
export type CriteriaCellChange = (typeof criteriaCellChanges)[number];

/**
 * What a column of a province's own sheet can be (issue 9): one of the portal's columns, the
 * name of the area a row belongs to, or a column of scores that is recognised and kept aside.
 */
export const criteriaSheetRoles = [
  ...criteriaImportFields,
  'area',
  'selfScore',
  'appraisedScore',
] as const;
export type CriteriaSheetRole = (typeof criteriaSheetRoles)[number];

/** The rule a leaf without one gets, chosen once for the whole import (`none`: an error). */
export const criteriaDefaultRules = ['manual', 'boolean', 'none'] as const;
export type CriteriaDefaultRule = (typeof criteriaDefaultRules)[number];

/**
 * How the admin reads a sheet: the role of each header column by position (null: ignored), the
 * rule of leaves that have none, and the codes of areas built from an area-name column.
 */
export const CriteriaSheetMapping = z.object({
  roles: z.array(z.enum(criteriaSheetRoles).nullable()).max(200),
  defaultRule: z.enum(criteriaDefaultRules).default('manual'),
  areaCodes: z.record(z.string().max(500), z.string().trim().max(32)).default({}),
});
export type CriteriaSheetMapping = z.input<typeof CriteriaSheetMapping>;

export const CriteriaImportParams = z.object({
  fileName: z.string({ error: 'field.required' }).trim().min(1).max(255),
  /** The file as uploaded, base64; its size is checked after decoding, with a clear message. */
  contentBase64: z.string({ error: 'field.required' }).min(1).max(4_000_000),
  /** Left out: the columns are guessed from the header (the preview says how). */
  mapping: CriteriaSheetMapping.optional(),
});
export type CriteriaImportParams = z.input<typeof CriteriaImportParams>;

export const CriteriaImportRow = z.object({
  /** The row number as a spreadsheet shows it (the header is row 1); for JSON, node position from 1. */
  row: z.number().int(),
  /** The cells after cleaning, as text (null when empty). */
  values: z.record(z.enum(criteriaImportFields), z.string().nullable()),
  /** Cells changed by cleaning, with the text as it was in the file. */
  cleaned: z.array(
    z.object({
      field: z.enum(criteriaImportFields),
      original: z.string(),
      changes: z.array(z.enum(criteriaCellChanges)),
    }),
  ),
  /** The node this row becomes; null when the row has errors. */
  node: CriterionNode.nullable(),
  /** A parent (or area) the sheet lacks, made from its children; `row` is its first child's. */
  created: z.boolean().default(false),
  /** Errors that stop the import, each naming the column (`field`) at fault. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type CriteriaImportRow = z.infer<typeof CriteriaImportRow>;

export const CriteriaImportPreview = z.object({
  fileName: z.string(),
  format: CriteriaSheetFormat,
  /** What a JSON export says about its set (to prefill the target); null for sheets. */
  meta: z
    .object({
      indexCode: z.string(),
      year: z.number().int(),
      unitGroup: z.string(),
      name: z.string(),
      description: z.string().nullable(),
    })
    .nullable(),
  rows: z.array(CriteriaImportRow),
  /**
   * A "Tổng cộng" row at the bottom of a sheet, skipped; `value` is what it said, `computed` the
   * total of the rows; a difference is an error on that row.
   */
  totalRow: z
    .object({
      row: z.number().int(),
      value: Hundredths.nullable(),
      computed: Hundredths,
      matches: z.boolean(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })),
    })
    .nullable(),
  /** How the sheet's columns were read (sheets only; null for JSON). */
  sheet: z
    .object({
      /** The header's row number as a spreadsheet shows it. */
      headerRow: z.number().int(),
      header: z.array(z.string()),
      /** The data rows as read, for the browser to re-map at once when a role changes. */
      rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
      /** What the header suggested, and what was applied (the guess, or the mapping sent). */
      guessed: z.array(z.enum(criteriaSheetRoles).nullable()),
      mapping: z.object({
        roles: z.array(z.enum(criteriaSheetRoles).nullable()),
        defaultRule: z.enum(criteriaDefaultRules),
        areaCodes: z.record(z.string(), z.string()),
      }),
      /** Problems of the mapping itself (no title column, one role twice): nothing is imported. */
      problems: z.array(z.object({ message: z.string(), columns: z.array(z.number().int()) })),
      /** Areas built from an area-name column, in order of first appearance. */
      areas: z.array(z.object({ name: z.string(), code: z.string(), suggested: z.string() })),
      /** Columns of scores found and not imported as criteria. */
      keptAside: z.array(
        z.object({
          column: z.number().int(),
          header: z.string(),
          role: z.enum(['selfScore', 'appraisedScore']),
        }),
      ),
    })
    .nullable()
    .default(null),
  /** The tree the rows make, with its validation issues (which do not stop an import); null while rows have errors. */
  view: CriteriaSetView.nullable(),
  totals: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    errors: z.number().int(),
    cleaned: z.number().int(),
  }),
});
export type CriteriaImportPreview = z.infer<typeof CriteriaImportPreview>;

/** Where an import goes: a new draft set, or the node list of an existing draft. */
export const CriteriaImportTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('new'),
    indexCode: IndexCode,
    year: CriteriaSetYear,
    unitGroup: UnitGroupName,
    name: CriteriaSetName,
    description: Description,
  }),
  z.object({
    kind: z.literal('replace'),
    id: CriteriaSetId,
    version: z.number({ error: 'field.required' }).int(),
  }),
]);
export type CriteriaImportTarget = z.input<typeof CriteriaImportTarget>;

/**
 * Writes every row of the file or nothing: any row error gives 422 `criteriaImport.rowsInvalid`
 * with one field per error (`rows.<row>.<column>`).
 */
export const CommitCriteriaImportParams = CriteriaImportParams.extend({
  target: CriteriaImportTarget,
});
export type CommitCriteriaImportParams = z.input<typeof CommitCriteriaImportParams>;

export const ExportCriteriaSetParams = z.object({
  id: CriteriaSetId,
  format: CriteriaSheetFormat.default('csv'),
});
export type ExportCriteriaSetParams = z.input<typeof ExportCriteriaSetParams>;

export const CriteriaSetExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  nodeCount: z.number().int(),
});
export type CriteriaSetExport = z.infer<typeof CriteriaSetExport>;

// ---------------------------------------------------------------------------------------------
// Diff

export const DiffCriteriaSetsParams = z.object({
  /** The newer set (e.g. the new version). */
  id: CriteriaSetId,
  /** The set it is compared with (e.g. the one in use). */
  baseId: CriteriaSetId,
});
export type DiffCriteriaSetsParams = z.input<typeof DiffCriteriaSetsParams>;

/** A node as the diff shows it. */
export const DiffNode = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  title: z.string(),
  maxScore: Hundredths,
  leaf: z.boolean(),
});
export type DiffNode = z.infer<typeof DiffNode>;

/** Names of the node fields a change may touch (`position`: moved among its siblings). */
export const criterionDiffFields = [
  'parentCode',
  'position',
  'title',
  'maxScore',
  'capped',
  'rule',
  'evidence',
  'explanationRequired',
  'appraiserUnitCode',
  'guidanceForUnits',
  'guidanceForAppraisers',
] as const;

export type CriterionDiffField = (typeof criterionDiffFields)[number];

/** Each node's place among its siblings, so a reorder shows without flagging later siblings. */
export function siblingPlaces(
  nodes: ReadonlyArray<Pick<CriterionNode, 'code' | 'parentCode'>>,
): Map<string, number> {
  const count = new Map<string | null, number>();
  const places = new Map<string, number>();
  for (const node of nodes) {
    const place = count.get(node.parentCode) ?? 0;
    places.set(node.code, place);
    count.set(node.parentCode, place + 1);
  }
  return places;
}

/**
 * The fields, in `criterionDiffFields` order, in which two editions of one node differ: values
 * compared as JSON whatever their key order; `position` when it stayed under the same parent
 * but its place among the siblings (from `siblingPlaces` of each list) changed. The server's
 * diff and the admin's both use it.
 */
export function changedCriterionFields(
  before: CriterionNode,
  after: CriterionNode,
  place: { before: number | undefined; after: number | undefined },
): CriterionDiffField[] {
  return criterionDiffFields.filter((field) =>
    field === 'position'
      ? before.parentCode === after.parentCode && place.before !== place.after
      : !sameJson(before[field], after[field]),
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

export const CriteriaSetDiff = z.object({
  base: CriteriaSetSummary,
  target: CriteriaSetSummary,
  /** In the target's order. */
  added: z.array(DiffNode),
  /** In the base's order. */
  removed: z.array(DiffNode),
  /** Nodes present in both (matched by code) that differ, in the target's order. */
  changed: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      fields: z.array(z.enum(criterionDiffFields)),
      maxBefore: Hundredths,
      maxAfter: Hundredths,
      before: CriterionNode,
      after: CriterionNode,
    }),
  ),
  unchangedCount: z.number().int(),
  totalMaxBefore: Hundredths,
  totalMaxAfter: Hundredths,
});
export type CriteriaSetDiff = z.infer<typeof CriteriaSetDiff>;

// ---------------------------------------------------------------------------------------------
// Templates shipped with the service

export const CriteriaSetTemplate = z.object({
  key: z.string(),
  indexCode: z.string(),
  indexName: z.string(),
  name: z.string(),
  /** Which units it is meant for (provincial departments, communes, …). */
  unitGroupHint: z.string(),
  /** The decision it follows, and what in it is an example rather than the official text. */
  source: z.string(),
  totalMax: Hundredths,
  leafCount: z.number().int(),
  nodeCount: z.number().int(),
});
export type CriteriaSetTemplate = z.infer<typeof CriteriaSetTemplate>;

export const CriteriaSetTemplateList = z.object({ items: z.array(CriteriaSetTemplate) });
export type CriteriaSetTemplateList = z.infer<typeof CriteriaSetTemplateList>;

/** Creates a draft from a template; the template's index is created if it does not exist yet. */
export const CreateCriteriaSetFromTemplateParams = z.object({
  key: z.string({ error: 'field.required' }).trim().min(1).max(64),
  year: CriteriaSetYear,
  unitGroup: UnitGroupName,
  name: CriteriaSetName.optional(),
});
export type CreateCriteriaSetFromTemplateParams = z.input<
  typeof CreateCriteriaSetFromTemplateParams
>;

// ---------------------------------------------------------------------------------------------

const admin = ['admin'] as const;

export const criteriaSetActions = {
  listIndices: defineAction({
    name: 'assessment.listIndices',
    summary: 'List the indices (PAR, DTI, …) that criteria sets belong to',
    params: z.object({}),
    result: IndexList,
    roles: admin,
    rest: { method: 'GET', path: '/indices' },
  }),
  createIndex: defineAction({
    name: 'assessment.createIndex',
    summary: 'Create an index; its code is unique (409 index.code.taken)',
    params: CreateIndexParams,
    result: Index,
    roles: admin,
    // The seed job loads the demo period (deploy/local/apps/seed.ts).
    services: ['seed'],
    rest: { method: 'POST', path: '/indices', status: 201 },
  }),
  listCriteriaSets: defineAction({
    name: 'assessment.listCriteriaSets',
    summary: 'List criteria sets, filtered by index, year, unit group and status',
    params: ListCriteriaSetsParams,
    result: CriteriaSetList,
    roles: admin,
    // The seed job loads the demo period (deploy/local/apps/seed.ts).
    services: ['seed'],
    rest: { method: 'GET', path: '/criteria-sets' },
  }),
  getCriteriaSet: defineAction({
    name: 'assessment.getCriteriaSet',
    summary: 'A set with its nodes, each node’s sums, effective maximum, cap and issues',
    params: CriteriaSetIdParams,
    result: CriteriaSet,
    roles: admin,
    // The ranking service's consumer of `appraisal.round.sent` consolidates as its principal.
    services: ['ranking'],
    rest: { method: 'GET', path: '/criteria-sets/:id' },
  }),
  createCriteriaSet: defineAction({
    name: 'assessment.createCriteriaSet',
    summary: 'Create a draft set, empty or with nodes',
    params: CreateCriteriaSetParams,
    result: CriteriaSet,
    roles: admin,
    // The seed job loads the demo period (deploy/local/apps/seed.ts).
    services: ['seed'],
    rest: { method: 'POST', path: '/criteria-sets', status: 201, bodyLimit: '3mb' },
  }),
  saveCriteriaSet: defineAction({
    name: 'assessment.saveCriteriaSet',
    summary:
      'Replace the node list of a draft; a stale version gets 409 with the current set, a set in use 409',
    params: SaveCriteriaSetParams,
    result: CriteriaSet,
    roles: admin,
    rest: { method: 'PUT', path: '/criteria-sets/:id', bodyLimit: '3mb' },
  }),
  deleteCriteriaSet: defineAction({
    name: 'assessment.deleteCriteriaSet',
    summary: 'Delete a draft set',
    params: DeleteCriteriaSetParams,
    result: z.object({ id: z.string() }),
    roles: admin,
    rest: { method: 'DELETE', path: '/criteria-sets/:id' },
  }),
  validateCriteriaSet: defineAction({
    name: 'assessment.validateCriteriaSet',
    summary: 'Validate a node list without storing it: sums, caps, total and issues per node',
    params: ValidateCriteriaSetParams,
    result: CriteriaSetView,
    roles: admin,
    rest: { method: 'POST', path: '/criteria-sets/validation', bodyLimit: '3mb' },
  }),
  cloneCriteriaSet: defineAction({
    name: 'assessment.cloneCriteriaSet',
    summary: 'Copy a set into a new draft for a year and unit group (e.g. last year’s set)',
    params: CloneCriteriaSetParams,
    result: CriteriaSet,
    roles: admin,
    rest: { method: 'POST', path: '/criteria-sets/:id/clones', status: 201 },
  }),
  createCriteriaSetVersion: defineAction({
    name: 'assessment.createCriteriaSetVersion',
    summary: 'Make a new draft edition of a set in use, to edit instead of it',
    params: CreateCriteriaSetVersionParams,
    result: CriteriaSet,
    roles: admin,
    rest: { method: 'POST', path: '/criteria-sets/:id/versions', status: 201 },
  }),
  previewCriteriaImport: defineAction({
    name: 'assessment.previewCriteriaImport',
    summary:
      'Read a criteria sheet (CSV, XLSX or JSON): every row cleaned, with its errors, and the tree; writes nothing',
    params: CriteriaImportParams,
    result: CriteriaImportPreview,
    roles: admin,
    rest: { method: 'POST', path: '/criteria-sets/import/preview', bodyLimit: '3mb' },
  }),
  commitCriteriaImport: defineAction({
    name: 'assessment.commitCriteriaImport',
    summary:
      'Import a criteria sheet into a new draft or over a draft’s nodes, or nothing if a row has an error',
    params: CommitCriteriaImportParams,
    result: CriteriaSet,
    roles: admin,
    rest: { method: 'POST', path: '/criteria-sets/import', status: 201, bodyLimit: '3mb' },
  }),
  exportCriteriaSet: defineAction({
    name: 'assessment.exportCriteriaSet',
    summary: 'Export a set as CSV, XLSX or JSON in the import format (imports back unchanged)',
    params: ExportCriteriaSetParams,
    result: CriteriaSetExport,
    roles: admin,
    rest: { method: 'GET', path: '/criteria-sets/:id/export' },
  }),
  diffCriteriaSets: defineAction({
    name: 'assessment.diffCriteriaSets',
    summary:
      'What changed from one set to another: added, removed and changed nodes, maxima, totals',
    params: DiffCriteriaSetsParams,
    result: CriteriaSetDiff,
    roles: admin,
    rest: { method: 'GET', path: '/criteria-sets/:id/diff' },
  }),
  listCriteriaSetTemplates: defineAction({
    name: 'assessment.listCriteriaSetTemplates',
    summary: 'The criteria-set templates shipped with the portal',
    params: z.object({}),
    result: CriteriaSetTemplateList,
    roles: admin,
    rest: { method: 'GET', path: '/criteria-set-templates' },
  }),
  createCriteriaSetFromTemplate: defineAction({
    name: 'assessment.createCriteriaSetFromTemplate',
    summary: 'Create a draft set from a shipped template',
    params: CreateCriteriaSetFromTemplateParams,
    result: CriteriaSet,
    roles: admin,
    rest: { method: 'POST', path: '/criteria-set-templates/:key/sets', status: 201 },
  }),
};
