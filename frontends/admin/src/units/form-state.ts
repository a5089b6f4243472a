/**
 * The unit form's shape ⇄ the createUnit contract, and the form's validation by that same
 * contract schema (so the rules are never restated here; the server checks them again).
 */
import { CreateUnitParams, formatMessage, isMessageKey, unitKinds } from '@par/contracts';
import type { Locale, UnitKind } from '@par/contracts';
import type { FieldErrors, Resolver } from 'react-hook-form';

/** Every control holds a string (empty = not given) or, for the selects, null. */
export interface UnitFormValues {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind | null;
  parentId: string | null;
  unitGroup: string;
}

export const unitFormFields = [
  'code',
  'name',
  'shortName',
  'kind',
  'parentId',
  'unitGroup',
] as const;

export const emptyUnitForm: UnitFormValues = {
  code: '',
  name: '',
  shortName: '',
  kind: null,
  parentId: null,
  unitGroup: '',
};

export function toCreateUnitParams(values: UnitFormValues): CreateUnitParams {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    shortName: values.shortName.trim() || null,
    kind: values.kind as UnitKind,
    parentId: values.parentId || null,
    unitGroup: values.unitGroup.trim() || null,
  };
}

export function isUnitKind(value: string): value is UnitKind {
  return (unitKinds as readonly string[]).includes(value);
}

/**
 * Validates with the contract's schema; an empty required control says "required" rather than
 * the format rule, and a rule without a catalogue key falls back to `invalidMessage`.
 */
export function unitFormResolver(
  locale: () => Locale,
  invalidMessage: () => string,
): Resolver<UnitFormValues> {
  return (values) => {
    const result = CreateUnitParams.safeParse(toCreateUnitParams(values));
    if (result.success) return { values, errors: {} };
    const errors: FieldErrors<UnitFormValues> = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !(unitFormFields as readonly string[]).includes(field))
        continue;
      const name = field as keyof UnitFormValues;
      if (errors[name]) continue;
      const empty = values[name] === null || values[name] === '';
      const key = empty ? 'field.required' : issue.message;
      const message = isMessageKey(key) ? formatMessage(key, {}, locale()) : invalidMessage();
      errors[name] = { type: 'validation', message };
    }
    return { values: {}, errors };
  };
}
