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
};
