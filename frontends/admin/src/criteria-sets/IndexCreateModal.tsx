/** The "new index" form (PAR, DTI, task-completion scoring, …) that criteria sets belong to. */
import { useTranslation } from 'react-i18next';
import { criteriaSetActions } from '@par/contracts';
import type { Index } from '@par/contracts';
import { useApiClient } from '@par/client';
import { FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  emptyIndexForm,
  indexFormFields,
  indexFormResolver,
  toIndexParams,
} from './create-form-state';
import type { IndexFormValues } from './create-form-state';
import { useCreateForm } from './use-create-form';

export interface IndexCreateModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (index: Index) => void;
}

const formId = 'index-form';

export function IndexCreateModal({ open, onClose, onCreated }: IndexCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { form, formError, close, submit } = useCreateForm({
    resolverFor: indexFormResolver,
    blank: emptyIndexForm,
    fields: indexFormFields,
    create: (values: IndexFormValues) =>
      api.callAction(criteriaSetActions.createIndex, toIndexParams(values)),
    onCreated,
    onClose,
  });

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
