/**
 * The small forms of the list page (new index, new set, import target) ⇄ their contract params,
 * validated by the contract's own schemas so no rule is restated here.
 */
import {
  CreateCriteriaSetFromTemplateParams,
  CreateCriteriaSetParams,
  CreateIndexParams,
  formatMessage,
  isMessageKey,
} from '@par/contracts';
import type { Locale } from '@par/contracts';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

export interface SetFormValues {
  indexCode: string | null;
  year: string;
  unitGroup: string;
  name: string;
  description: string;
}
export const setFormFields = ['indexCode', 'year', 'unitGroup', 'name', 'description'] as const;

export const emptySetForm = (year: number): SetFormValues => ({
  indexCode: null,
  year: String(year),
  unitGroup: '',
  name: '',
  description: '',
});

export function toSetParams(values: SetFormValues) {
  return {
    indexCode: values.indexCode ?? '',
    year: values.year.trim() === '' ? Number.NaN : Number(values.year.trim()),
    unitGroup: values.unitGroup.trim(),
    name: values.name.trim(),
    description: values.description.trim() || null,
  };
}

export interface IndexFormValues {
  code: string;
  name: string;
  description: string;
}
export const indexFormFields = ['code', 'name', 'description'] as const;
export const emptyIndexForm: IndexFormValues = { code: '', name: '', description: '' };
export const toIndexParams = (values: IndexFormValues) => ({
  code: values.code.trim(),
  name: values.name.trim(),
  description: values.description.trim() || null,
});

/**
 * A resolver from a contract schema: an empty control says "required" rather than the format
 * rule, a rule without a catalogue key falls back to `invalidMessage`.
 */
export function schemaResolver<T extends FieldValues>(
  schema: z.ZodType,
  toParams: (values: T) => unknown,
  fields: readonly string[],
  locale: () => Locale,
  invalidMessage: () => string,
): Resolver<T> {
  return (values) => {
    const result = schema.safeParse(toParams(values));
    if (result.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !fields.includes(field) || errors[field]) continue;
      const raw: unknown = values[field];
      const empty = raw === null || raw === undefined || (typeof raw === 'string' && !raw.trim());
      const key = empty ? 'field.required' : issue.message;
      errors[field] = {
        type: 'validation',
        message: isMessageKey(key) ? formatMessage(key, {}, locale()) : invalidMessage(),
      };
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}

export const setFormResolver = (locale: () => Locale, invalid: () => string) =>
  schemaResolver<SetFormValues>(
    CreateCriteriaSetParams,
    toSetParams,
    setFormFields,
    locale,
    invalid,
  );

export const indexFormResolver = (locale: () => Locale, invalid: () => string) =>
  schemaResolver<IndexFormValues>(
    CreateIndexParams,
    toIndexParams,
    indexFormFields,
    locale,
    invalid,
  );

export interface TemplateFormValues {
  key: string | null;
  year: string;
  unitGroup: string;
  name: string;
}
export const templateFormFields = ['key', 'year', 'unitGroup', 'name'] as const;
export const emptyTemplateForm = (year: number): TemplateFormValues => ({
  key: null,
  year: String(year),
  unitGroup: '',
  name: '',
});
export const toTemplateParams = (values: TemplateFormValues) => ({
  key: values.key ?? '',
  year: values.year.trim() === '' ? Number.NaN : Number(values.year.trim()),
  unitGroup: values.unitGroup.trim(),
  // Empty: the server names the set after the template.
  name: values.name.trim() || undefined,
});

export const templateFormResolver = (locale: () => Locale, invalid: () => string) =>
  schemaResolver<TemplateFormValues>(
    CreateCriteriaSetFromTemplateParams,
    toTemplateParams,
    templateFormFields,
    locale,
    invalid,
  );
