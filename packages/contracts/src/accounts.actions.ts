/** Actions of the accounts service: units (and, later, accounts and account requests). */
import { z } from 'zod';
import { defineAction } from './action';

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

export const Unit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: UnitKind,
  parentId: z.string().nullable(),
  unitGroup: z.string().nullable(),
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
});
export type CreateUnitParams = z.input<typeof CreateUnitParams>;

export const ListUnitsParams = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

export const UnitList = z.object({ items: z.array(Unit), total: z.number().int() });
export type UnitList = z.infer<typeof UnitList>;

/** Largest sheet accepted, decoded; the JSON body carrying it (base64) is about 4/3 of this. */
export const UNIT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const UNIT_IMPORT_MAX_ROWS = 5000;

export const UnitImportParams = z.object({
  fileName: z.string({ error: 'field.required' }).trim().min(1).max(255),
  /** The file as uploaded, base64; its size is checked after decoding, with a clear message. */
  contentBase64: z.string({ error: 'field.required' }).min(1).max(4_000_000),
});
export type UnitImportParams = z.input<typeof UnitImportParams>;

export const unitImportFields = [
  'code',
  'name',
  'kind',
  'parentCode',
  'unitGroup',
  'shortName',
] as const;
export type UnitImportField = (typeof unitImportFields)[number];

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

export const accountsActions = {
  createUnit: defineAction({
    name: 'accounts.createUnit',
    summary: 'Create a unit',
    params: CreateUnitParams,
    result: Unit,
    roles: ['admin'],
    rest: { method: 'POST', path: '/units', status: 201 },
  }),
  listUnits: defineAction({
    name: 'accounts.listUnits',
    summary: 'List units, optionally filtered by code or name',
    params: ListUnitsParams,
    result: UnitList,
    roles: ['admin'],
    rest: { method: 'GET', path: '/units' },
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
};
