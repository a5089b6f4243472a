/** The "new index" form (PAR, DTI, task-completion scoring, …) that criteria sets belong to. */
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { criteriaSetActions } from '@par/contracts';
import type { Index } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormModal, PortalForm, TextField, currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import {
  emptyIndexForm,
  indexFormFields,
  indexFormResolver,
  toIndexParams,
} from './create-form-state';
import type { IndexFormValues } from './create-form-state';

export interface IndexCreateModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (index: Index) => void;
}

const formId = 'index-form';

export function IndexCreateModal({ open, onClose, onCreated }: IndexCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const resolver = useMemo(
    () => indexFormResolver(currentLanguage, () => t('form.invalid', { ns: 'ui' })),
    [t],
  );
  const form = useForm<IndexFormValues>({ defaultValues: emptyIndexForm, resolver });
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    form.reset(emptyIndexForm);
    setFormError(null);
    onClose();
  };

  const submit = async (values: IndexFormValues) => {
    setFormError(null);
    try {
      const index = await api.callAction(criteriaSetActions.createIndex, toIndexParams(values));
      form.reset(emptyIndexForm);
      onCreated(index);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, indexFormFields)) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return (
    <FormModal
      open={open}
      title={t('criteriaSets.index.title')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('criteriaSets.index.submit')}
      cancelLabel={t('criteriaSets.editor.cancel')}
      onCancel={close}
      error={formError}
      submitTestId="index-create-submit"
      errorTestId="index-create-error"
      onOpened={() => form.setFocus('code')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <TextField<IndexFormValues>
          name="code"
          id="index-code"
          label={t('criteriaSets.index.code')}
          help={t('criteriaSets.index.codeHelp')}
          required
          maxLength={32}
        />
        <TextField<IndexFormValues>
          name="name"
          id="index-name"
          label={t('criteriaSets.index.name')}
          required
          maxLength={200}
        />
        <TextField<IndexFormValues>
          name="description"
          id="index-description"
          label={t('criteriaSets.create.description')}
          maxLength={5000}
          rows={2}
        />
      </PortalForm>
    </FormModal>
  );
}
