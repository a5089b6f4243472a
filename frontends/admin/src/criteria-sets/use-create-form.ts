/**
 * What the "new index", "new set" and "from a template" dialogs share: a form checked by its
 * schema, started afresh when closed or after a create, and a submit that puts server errors on
 * their fields, or above the form when they name none.
 */
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DefaultValues, FieldPath, FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@par/contracts';
import { applyFieldErrors, isApiError } from '@par/client';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';

export function useCreateForm<V extends FieldValues, R>(options: {
  resolverFor: (locale: () => Locale, invalid: () => string) => Resolver<V>;
  blank: DefaultValues<V>;
  fields: readonly FieldPath<V>[];
  create: (values: V) => Promise<R>;
  onCreated: (created: R) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(ns);
  const { resolverFor, blank, fields, create, onCreated, onClose } = options;
  const resolver = useMemo(
    () => resolverFor(currentLanguage, () => t('form.invalid', { ns: 'ui' })),
    [resolverFor, t],
  );
  const form = useForm<V>({ defaultValues: blank, resolver });
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    form.reset(blank);
    setFormError(null);
    onClose();
  };

  const submit = async (values: V) => {
    setFormError(null);
    try {
      const created = await create(values);
      form.reset(blank);
      onCreated(created);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, fields)) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return { form, formError, close, submit };
}
