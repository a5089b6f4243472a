/** Actions of the accounts service: units (and, later, accounts and account requests). */
import { z } from 'zod';
import { defineAction } from './action';
import { accountsRoutes } from './accounts.routes';

/** Kinds of unit; the tree and the groups are data, the kind only says what a unit is. */
export const unitKinds = [
  'province',
  'ministry',
  'department',
  'agency',
  'public-service-unit',
  'commune',
  'ward',
  'other',
] as const;

export const UnitKind = z.enum(unitKinds, { error: 'unit.kind.invalid' });
export type UnitKind = z.infer<typeof UnitKind>;

/** Codes are compared without regard to case, so they are stored upper-cased. */
export const UnitCode = z
  .string({ error: 'field.required' })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { error: 'unit.code.format' })
  .transform((code) => code.toUpperCase());

/** A year as the assessments count them (calendar years, Asia/Ho_Chi_Minh). */
export const UnitYear = z.coerce
  .number({ error: 'unit.year.invalid' })
  .int({ error: 'unit.year.invalid' })
  .min(1945, { error: 'unit.year.invalid' })
  .max(2200, { error: 'unit.year.invalid' });

/** How one unit became another: merged into it, split into it, or renamed (same unit). */
export const unitLinkKinds = ['merged', 'split', 'renamed'] as const;
export const UnitLinkKind = z.enum(unitLinkKinds);

/** A predecessor or successor; the code is kept so the link reads even without the other unit. */
export const UnitLink = z.object({
  unitId: z.string(),
  code: z.string(),
  kind: UnitLinkKind,
  /** The first year of the successor (the year the change took effect). */
  year: z.number().int(),
});
export type UnitLink = z.infer<typeof UnitLink>;

/** One name of a unit; it holds from `fromYear` (null = from the start) until the next entry. */
export const UnitName = z.object({
  fromYear: z.number().int().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
});
export type UnitName = z.infer<typeof UnitName>;

/**
 * A unit as of one year (the current year unless the list was asked for another): `name`,
 * `shortName` and `parentId` are that year's, `active` says whether it was active then.
 * `activeFrom` null means "always was", `activeTo` null "still is".
 */
export const Unit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: UnitKind,
  parentId: z.string().nullable(),
  unitGroup: z.string().nullable(),
  activeFrom: z.number().int().nullable(),
  activeTo: z.number().int().nullable(),
  active: z.boolean(),
  deactivationReason: z.string().nullable(),
  /** Every name the unit had, oldest first; the last one is the newest. */
  names: z.array(UnitName),
  predecessors: z.array(UnitLink),
  successors: z.array(UnitLink),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Unit = z.infer<typeof Unit>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((value) => (value ? value : null));

export const CreateUnitParams = z.object({
  code: UnitCode,
  name: z
    .string({ error: 'field.required' })
    .trim()
    .min(2, { error: 'unit.name.length' })
    .max(200, { error: 'unit.name.length' }),
  shortName: optionalText(50),
  kind: UnitKind,
  parentId: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => v || null),
  unitGroup: optionalText(64),
  /** First active year; absent or null = active in every year up to its `activeTo`. */
  activeFrom: UnitYear.nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type CreateUnitParams = z.input<typeof CreateUnitParams>;

/** A query-string boolean: `"false"` must read as false, which `z.coerce.boolean` does not do. */
const QueryBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

export const ListUnitsParams = z.object({
  q: z.string().trim().max(100).optional(),
  /** Units active in this year, with the name and parent they had then. */
  year: UnitYear.optional(),
  unitGroup: z.string().trim().max(64).optional(),
  /**
   * Also list units not active in `year` (or now). Defaults to false when `year` is given and
   * to true otherwise, so that the list without parameters stays "every unit, as it is now".
   */
  includeInactive: QueryBoolean.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListUnitsParams = z.input<typeof ListUnitsParams>;

const UnitId = z.string({ error: 'field.required' }).trim().min(1, { error: 'field.required' });
const Version = z.coerce.number({ error: 'field.required' }).int().min(0);
const UnitName200 = z
  .string({ error: 'field.required' })
  .trim()
  .min(2, { error: 'unit.name.length' })
  .max(200, { error: 'unit.name.length' });
const ParentId = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null);

export const GetUnitParams = z.object({ id: UnitId });

/** A link as the detail shows it: with the other unit's name in the link's year. */
export const UnitLinkDetail = UnitLink.extend({ name: z.string() });
export type UnitLinkDetail = z.infer<typeof UnitLinkDetail>;

export const UnitDetail = Unit.extend({
  predecessors: z.array(UnitLinkDetail),
  successors: z.array(UnitLinkDetail),
  /** Units whose parent it is now, active or not. */
  children: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), active: z.boolean() }),
  ),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

/** Corrects a unit as it is now; a change of name that should not reach back uses renameUnit. */
export const UpdateUnitParams = z.object({
  id: UnitId,
  version: Version,
  name: UnitName200,
  shortName: optionalText(50),
  kind: UnitKind,
  parentId: ParentId,
  unitGroup: optionalText(64),
  /**
   * The first year under a new parent (e.g. 2025, when districts were removed); earlier years
   * keep the old parent. Absent: the parent is corrected for every year.
   */
  parentFromYear: UnitYear.optional(),
});
export type UpdateUnitParams = z.input<typeof UpdateUnitParams>;

export const RenameUnitParams = z.object({
  id: UnitId,
  version: Version,
  /** The first year of the new name; earlier years keep the old one. */
  year: UnitYear,
  name: UnitName200,
  shortName: optionalText(50),
});
export type RenameUnitParams = z.input<typeof RenameUnitParams>;

const VersionedUnit = z.object({ id: UnitId, version: Version });

export const MergeUnitsParams = z.object({
  /** The units that stop: their last active year is `year - 1`. */
  sources: z.array(VersionedUnit).min(1, { error: 'unit.merge.sources' }).max(50),
  /** The first year of the merged unit. */
  year: UnitYear,
  into: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('existing'), id: UnitId, version: Version }),
    z.object({ mode: z.literal('new'), unit: CreateUnitParams.omit({ activeFrom: true }) }),
  ]),
});
export type MergeUnitsParams = z.input<typeof MergeUnitsParams>;

export const SplitUnitParams = z.object({
  id: UnitId,
  version: Version,
  /** The first year of the new units; the split unit's last active year is `year - 1`. */
  year: UnitYear,
  into: z
    .array(CreateUnitParams.omit({ activeFrom: true }))
    .min(2, { error: 'unit.split.count' })
    .max(50),
});
export type SplitUnitParams = z.input<typeof SplitUnitParams>;

export const DeactivateUnitParams = z.object({
  id: UnitId,
  version: Version,
  /** The last year the unit is active. */
  lastYear: UnitYear,
  reason: z
    .string({ error: 'field.required' })
    .trim()
    .min(3, { error: 'unit.reason.length' })
    .max(500, { error: 'unit.reason.length' }),
});
export type DeactivateUnitParams = z.input<typeof DeactivateUnitParams>;

/** What a merge or split wrote: the units as they are after it. */
export const UnitRestructure = z.object({
  year: z.number().int(),
  ended: z.array(Unit),
  started: z.array(Unit),
  /** An existing unit that the sources were merged into. */
  target: Unit.nullable(),
});
export type UnitRestructure = z.infer<typeof UnitRestructure>;

export const UnitList = z.object({ items: z.array(Unit), total: z.number().int() });
export type UnitList = z.infer<typeof UnitList>;

/** Largest sheet accepted, decoded; the JSON body carrying it (base64) is about 4/3 of this. */
export const UNIT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const UNIT_IMPORT_MAX_ROWS = 5000;

export const unitImportFields = [
  'code',
  'name',
  'kind',
  'parentCode',
  'unitGroup',
  'shortName',
] as const;
export type UnitImportField = (typeof unitImportFields)[number];

/** The role of each header column by position (null: ignored); left out, the header is guessed. */
export const UnitSheetMapping = z.object({
  roles: z.array(z.enum(unitImportFields).nullable()).max(200),
});
export type UnitSheetMapping = z.input<typeof UnitSheetMapping>;

export const UnitImportParams = z.object({
  fileName: z.string({ error: 'field.required' }).trim().min(1).max(255),
  /** The file as uploaded, base64; its size is checked after decoding, with a clear message. */
  contentBase64: z.string({ error: 'field.required' }).min(1).max(4_000_000),
  mapping: UnitSheetMapping.optional(),
});
export type UnitImportParams = z.input<typeof UnitImportParams>;

export const UnitImportRow = z.object({
  /** The row number as a spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  values: z.object({
    code: z.string().nullable(),
    name: z.string().nullable(),
    kind: z.string().nullable(),
    parentCode: z.string().nullable(),
    unitGroup: z.string().nullable(),
    shortName: z.string().nullable(),
  }),
  /** Cells changed by cleaning, with the text as it was in the file. */
  cleaned: z.array(
    z.object({
      field: z.enum(unitImportFields),
      original: z.string(),
      changes: z.array(z.enum(['trimmed', 'lineBreaks', 'spaces'])),
    }),
  ),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type UnitImportRow = z.infer<typeof UnitImportRow>;

export const UnitImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** How the sheet's columns were read: the header, a few rows, the guess and the mapping applied. */
  sheet: z
    .object({
      headerRow: z.number().int(),
      header: z.array(z.string()),
      rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
      guessed: z.array(z.enum(unitImportFields).nullable()),
      mapping: z.object({ roles: z.array(z.enum(unitImportFields).nullable()) }),
      /** Problems of the mapping itself (no code column, one role twice): nothing is imported. */
      problems: z.array(z.object({ message: z.string(), columns: z.array(z.number().int()) })),
    })
    .nullable()
    .default(null),
  rows: z.array(UnitImportRow),
  totals: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    errors: z.number().int(),
    cleaned: z.number().int(),
  }),
});
export type UnitImportPreview = z.infer<typeof UnitImportPreview>;

export const UnitImportResult = z.object({ fileName: z.string(), created: z.number().int() });
export type UnitImportResult = z.infer<typeof UnitImportResult>;

export const ExportUnitsParams = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const UnitExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  count: z.number().int(),
});
export type UnitExport = z.infer<typeof UnitExport>;

/**
 * The caller's own unit, as the shell names it: only what a user may know of their unit, so
 * that every logged-in user can read it while the unit list stays an admin's.
 */
export const OwnUnit = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: UnitKind,
});
export type OwnUnit = z.infer<typeof OwnUnit>;

/** `unit` is null for an account bound to no unit (no `unit` claim), which is not an error. */
export const OwnUnitResult = z.object({ unit: OwnUnit.nullable() });
export type OwnUnitResult = z.infer<typeof OwnUnitResult>;

export const accountsActions = {
  createUnit: defineAction({
    name: 'accounts.createUnit',
    summary: 'Create a unit',
    params: CreateUnitParams,
    result: Unit,
    roles: ['admin'],
    // The seed job loads the demo province (deploy/local/apps/seed.ts).
    services: ['seed'],
    rest: { method: 'POST', path: '/units', status: 201 },
  }),
  listUnits: defineAction({
    name: 'accounts.listUnits',
    summary:
      'List units. Without `year`: every unit as it is now (`includeInactive` defaults to true). ' +
      'With `year`: the units active in that year, each with the name and parent it had then ' +
      '(pass `includeInactive: true` to also get the others, marked `active: false`). ' +
      '`unitGroup` keeps one group; `q` matches code or any name. A period finds its ' +
      'participating units with `{ year, unitGroup }` (page with `limit` ≤ 1000 and `offset`).',
    params: ListUnitsParams,
    result: UnitList,
    roles: ['admin'],
    // The seed job loads the demo province (deploy/local/apps/seed.ts); the assessment
    // principal reads the unit tree when the phase change asks whether round 1 may start; the
    // ranking principal follows units' predecessors when it consolidates after round 2.
    services: ['seed', 'assessment', 'ranking'],
    rest: { method: 'GET', path: '/units' },
  }),
  updateUnit: defineAction({
    name: 'accounts.updateUnit',
    summary:
      'Correct a unit as it is now (name, short name, kind, parent, group); 409 with the current unit when `version` is stale, 422 on `parentId` for a loop or an inactive parent',
    params: UpdateUnitParams,
    result: Unit,
    roles: ['admin'],
    rest: { method: 'PUT', path: '/units/:id' },
  }),
  renameUnit: defineAction({
    name: 'accounts.renameUnit',
    summary: 'Give a unit a new name from a year on; earlier years keep the old name',
    params: RenameUnitParams,
    result: Unit,
    roles: ['admin'],
    rest: { method: 'POST', path: '/units/:id/rename' },
  }),
  mergeUnits: defineAction({
    name: 'accounts.mergeUnits',
    summary:
      'Merge units into an existing or a new unit from a year: the sources end the year before, linked both ways',
    params: MergeUnitsParams,
    result: UnitRestructure,
    roles: ['admin'],
    rest: { method: 'POST', path: '/units/merge' },
  }),
  splitUnit: defineAction({
    name: 'accounts.splitUnit',
    summary: 'Split a unit into new units from a year: it ends the year before, linked both ways',
    params: SplitUnitParams,
    result: UnitRestructure,
    roles: ['admin'],
    rest: { method: 'POST', path: '/units/:id/split' },
  }),
  deactivateUnit: defineAction({
    name: 'accounts.deactivateUnit',
    summary:
      'End a unit after its last active year, with a reason; units are never deleted, so past periods keep them',
    params: DeactivateUnitParams,
    result: Unit,
    roles: ['admin'],
    rest: { method: 'POST', path: '/units/:id/deactivation' },
  }),
  previewUnitImport: defineAction({
    name: 'accounts.previewUnitImport',
    summary:
      'Read a units sheet (CSV or XLSX) and show every row, cleaned, with its errors; writes nothing',
    params: UnitImportParams,
    result: UnitImportPreview,
    roles: ['admin'],
    rest: { method: 'POST', path: '/units/import/preview', bodyLimit: '3mb' },
  }),
  commitUnitImport: defineAction({
    name: 'accounts.commitUnitImport',
    summary: 'Create every unit of a sheet, or none if any row has an error (422 naming the rows)',
    params: UnitImportParams,
    result: UnitImportResult,
    roles: ['admin'],
    rest: { method: 'POST', path: '/units/import', status: 201, bodyLimit: '3mb' },
  }),
  exportUnits: defineAction({
    name: 'accounts.exportUnits',
    summary: 'Export every unit as a sheet that imports back into an empty database',
    params: ExportUnitsParams,
    result: UnitExport,
    roles: ['admin'],
    rest: { method: 'GET', path: '/units/export' },
  }),
  getOwnUnit: defineAction({
    name: 'accounts.getOwnUnit',
    summary:
      "The caller's own unit (code, name, short name, kind) from the token's `unit` claim, as it " +
      'is now; `unit: null` for an account bound to no unit, 404 when the claim names no unit',
    params: z.object({}),
    result: OwnUnitResult,
    roles: 'authenticated',
    rest: accountsRoutes.getOwnUnit,
  }),
  // After exportUnits, so that GET /units/export is not read as the unit with id "export".
  getUnit: defineAction({
    name: 'accounts.getUnit',
    summary:
      'One unit with its name history, its children and its links to predecessors and successors',
    params: GetUnitParams,
    result: UnitDetail,
    roles: ['admin'],
    rest: { method: 'GET', path: '/units/:id' },
  }),
};
