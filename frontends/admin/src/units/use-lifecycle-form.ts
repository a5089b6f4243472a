/**
 * What every unit lifecycle dialog shares: a form validated by its contract, started afresh for
 * each unit, and a submit that puts server errors on their fields, or above the form, and reloads
 * the list on a conflict (someone else changed the unit, so the versions shown are stale).
 */
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldPath, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyFieldErrors, isApiError } from '@par/client';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { contractResolver } from './unit-lifecycle-state';

export function useLifecycleForm<V extends FieldValues>(options: {
  schema: z.ZodType;
  toParams: (values: V) => unknown;
  fieldOf: (path: string) => string | null;
  defaultValues: DefaultValues<V>;
  onConflict: () => void;
  /** The unit the dialog is for; a new one starts the form again from `startValues`. */
  unitId: string | undefined;
  /** The values to start from, or null to keep the form's (no unit to start from). */
  startValues: () => DefaultValues<V> | null;
}) {
  const { t } = useTranslation(ns);
  const { schema, toParams, fieldOf, onConflict } = options;
  const resolver = useMemo(
    () =>
      contractResolver<V>(schema, toParams, fieldOf, currentLanguage, () =>
        t('form.invalid', { ns: 'ui' }),
      ),
    [schema, toParams, fieldOf, t],
  );
  const form = useForm<V>({ defaultValues: options.defaultValues, resolver });
  const [formError, setFormError] = useState<string | null>(null);
  const { unitId, startValues } = options;

  useEffect(() => {
    const values = startValues();
    if (values) form.reset(values);
    setFormError(null);
    // Keyed on the id: a reload after a conflict brings a new version, not a new form.
  }, [unitId, form]);

  /** Runs `call`; returns its result, or undefined after showing why it failed. */
  const run = async <R>(call: () => Promise<R>): Promise<R | undefined> => {
    setFormError(null);
    try {
      return await call();
    } catch (error) {
      // fieldOf only answers with this form's fields, so whatever it maps is a field here.
      const mapped = isApiError(error)
        ? [...error.fields.map((f) => f.field), error.field ?? '']
            .map(fieldOf)
            .filter((f): f is string => f !== null)
        : [];
      const onField = applyFieldErrors(
        error,
        form.setError,
        mapped as FieldPath<V>[],
        (field) => fieldOf(field) ?? '',
      );
      if (!onField) setFormError(isApiError(error) ? error.message : String(error));
      if (isApiError(error) && error.code === 'E_CONFLICT') onConflict();
      return undefined;
    }
  };

  return { form, formError, run };
}
