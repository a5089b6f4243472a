/**
 * The unit lifecycle forms (edit, rename, merge, split, deactivate) ⇄ their contracts: form
 * values to action params, API field paths to form fields, and validation by the contract's
 * own schema, so a rule is never restated in the page and the server checks it again.
 */
import {
  DeactivateUnitParams,
  MergeUnitsParams,
  RenameUnitParams,
  SplitUnitParams,
  UpdateUnitParams,
  formatMessage,
  isMessageKey,
  yearInVietnam,
} from '@par/contracts';
import type { Locale, Unit, UnitKind } from '@par/contracts';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/** The year the province lives in; "this year" on the page is the server's, from one formatter. */
export { yearInVietnam };

/** Years offered by "Xem theo năm": the reform years back to 2020 and next year, newest first. */
export function selectableYears(thisYear: number, from = 2020): number[] {
  const years: number[] = [];
  for (let year = thisYear + 1; year >= from; year--) years.push(year);
  return years;
}

/** The mark an inactive row carries: ended ("from" the first inactive year) or not yet begun. */
export function inactiveMark(
  unit: Pick<Unit, 'activeFrom' | 'activeTo' | 'active'>,
  year: number,
): { kind: 'ended'; year: number } | { kind: 'notYet'; year: number } | null {
  if (unit.activeTo !== null && unit.activeTo < year)
    return { kind: 'ended', year: unit.activeTo + 1 };
  if (unit.activeFrom !== null && unit.activeFrom > year)
    return { kind: 'notYet', year: unit.activeFrom };
  return null;
}

const text = (value: string) => value.trim();
const optional = (value: string) => value.trim() || null;
/** An empty year stays empty so the schema says "required"; anything else goes as typed. */
const year = (value: string) => (value.trim() === '' ? undefined : value.trim());

export interface EditUnitValues {
  name: string;
  shortName: string;
  kind: UnitKind | null;
  parentId: string | null;
  unitGroup: string;
}

export const editUnitFields = ['name', 'shortName', 'kind', 'parentId', 'unitGroup'] as const;

export function editUnitValues(unit: Unit): EditUnitValues {
  return {
    name: unit.name,
    shortName: unit.shortName ?? '',
    kind: unit.kind,
    parentId: unit.parentId,
    unitGroup: unit.unitGroup ?? '',
  };
}

export function toUpdateUnitParams(unit: Unit, values: EditUnitValues): UpdateUnitParams {
  return {
    id: unit.id,
    version: unit.version,
    name: text(values.name),
    shortName: optional(values.shortName),
    kind: values.kind as UnitKind,
    parentId: values.parentId || null,
    unitGroup: optional(values.unitGroup),
  };
}

export interface RenameUnitValues {
  year: string;
  name: string;
  shortName: string;
}

export const renameUnitFields = ['year', 'name', 'shortName'] as const;

export function toRenameUnitParams(unit: Unit, values: RenameUnitValues): RenameUnitParams {
  return {
    id: unit.id,
    version: unit.version,
    year: year(values.year) as unknown as number,
    name: text(values.name),
    shortName: optional(values.shortName),
  };
}

export interface DeactivateUnitValues {
  lastYear: string;
  reason: string;
}

export const deactivateUnitFields = ['lastYear', 'reason'] as const;

export function toDeactivateUnitParams(
  unit: Unit,
  values: DeactivateUnitValues,
): DeactivateUnitParams {
  return {
    id: unit.id,
    version: unit.version,
    lastYear: year(values.lastYear) as unknown as number,
    reason: text(values.reason),
  };
}

export interface MergeUnitsValues {
  sourceIds: string[];
  year: string;
  mode: 'existing' | 'new';
  targetId: string | null;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind | null;
  parentId: string | null;
  unitGroup: string;
}

export const mergeUnitsFields = [
  'sourceIds',
  'year',
  'mode',
  'targetId',
  'code',
  'name',
  'shortName',
  'kind',
  'parentId',
  'unitGroup',
] as const;

export function mergeUnitsValues(first: Unit, thisYear: number): MergeUnitsValues {
  return {
    sourceIds: [first.id],
    year: String(thisYear),
    mode: 'new',
    targetId: null,
    code: '',
    name: '',
    shortName: '',
    kind: first.kind,
    parentId: first.parentId,
    unitGroup: first.unitGroup ?? '',
  };
}

/** `unitsById` supplies the versions the admin saw, so a change meanwhile is a 409. */
export function toMergeUnitsParams(
  values: MergeUnitsValues,
  unitsById: ReadonlyMap<string, Unit>,
): MergeUnitsParams {
  const versioned = (id: string) => ({ id, version: unitsById.get(id)?.version ?? 0 });
  return {
    year: year(values.year) as unknown as number,
    sources: values.sourceIds.map(versioned),
    into:
      values.mode === 'existing'
        ? { mode: 'existing', ...versioned(values.targetId ?? '') }
        : {
            mode: 'new',
            unit: {
              code: text(values.code),
              name: text(values.name),
              shortName: optional(values.shortName),
              kind: values.kind as UnitKind,
              parentId: values.parentId || null,
              unitGroup: optional(values.unitGroup),
            },
          },
  };
}

/** Where the merge contract's paths land in the form. */
export function mergeFieldOf(path: string): string | null {
  if (path === 'sources' || path.startsWith('sources.')) return 'sourceIds';
  if (path === 'year') return 'year';
  if (path === 'into.id') return 'targetId';
  const unitField = /^into\.unit\.(\w+)$/.exec(path)?.[1];
  return unitField && (mergeUnitsFields as readonly string[]).includes(unitField)
    ? unitField
    : null;
}

export interface SplitUnitValues {
  year: string;
  units: Array<{ code: string; name: string; shortName: string; kind: UnitKind | null }>;
}

export const emptySplitPart = { code: '', name: '', shortName: '', kind: null };

export function splitUnitValues(unit: Unit, thisYear: number): SplitUnitValues {
  const part = { ...emptySplitPart, kind: unit.kind };
  return { year: String(thisYear), units: [part, { ...part }] };
}

/** New units keep the split unit's parent and group; the admin corrects them later if needed. */
export function toSplitUnitParams(unit: Unit, values: SplitUnitValues): SplitUnitParams {
  return {
    id: unit.id,
    version: unit.version,
    year: year(values.year) as unknown as number,
    into: values.units.map((part) => ({
      code: text(part.code),
      name: text(part.name),
      shortName: optional(part.shortName),
      kind: part.kind as UnitKind,
      parentId: unit.parentId,
      unitGroup: unit.unitGroup,
    })),
  };
}

export function splitFieldOf(path: string): string | null {
  if (path === 'year') return 'year';
  if (/^into\.\d+\.(code|name|shortName|kind)$/.test(path)) return path.replace(/^into/, 'units');
  return null;
}

const sameField = (fields: readonly string[]) => (path: string) =>
  fields.includes(path) ? path : null;
export const editFieldOf = sameField(editUnitFields);
export const renameFieldOf = sameField(renameUnitFields);
export const deactivateFieldOf = sameField(deactivateUnitFields);

function valueAt(values: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key, i) => {
    node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys.at(-1)!] = value;
}

/**
 * A react-hook-form resolver from a contract schema: `toParams` builds the params, `fieldOf`
 * puts each failing path on a form field (null: not shown on a field). An empty control says
 * "required" rather than the format rule it also breaks.
 */
export function contractResolver<V extends FieldValues>(
  schema: z.ZodType,
  toParams: (values: V) => unknown,
  fieldOf: (path: string) => string | null,
  locale: () => Locale,
  invalidMessage: () => string,
): Resolver<V> {
  return (values) => {
    const result = schema.safeParse(toParams(values));
    if (result.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path.map(String).join('.'));
      if (!field || seen.has(field)) continue;
      seen.add(field);
      const value = valueAt(values, field);
      const empty = value === null || value === '' || (Array.isArray(value) && !value.length);
      const key = empty ? 'field.required' : issue.message;
      const message = isMessageKey(key) ? formatMessage(key, {}, locale()) : invalidMessage();
      setAt(errors, field, { type: 'validation', message });
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

export const lifecycleSchemas = {
  update: UpdateUnitParams,
  rename: RenameUnitParams,
  deactivate: DeactivateUnitParams,
  merge: MergeUnitsParams,
  split: SplitUnitParams,
};
