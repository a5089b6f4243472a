/** The "new criteria set" form in a modal: index, year, unit group and name; the tree comes after. */
import { useTranslation } from 'react-i18next';
import { criteriaSetActions } from '@par/contracts';
import type { CriteriaSet, Index } from '@par/contracts';
import { useApiClient } from '@par/client';
import { FormModal, PortalForm, SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { emptySetForm, setFormFields, setFormResolver, toSetParams } from './create-form-state';
import type { SetFormValues } from './create-form-state';
import { useCreateForm } from './use-create-form';

export interface CriteriaSetCreateModalProps {
  open: boolean;
  indices: readonly Index[];
  /** Unit groups known from the units, offered as a hint. */
  unitGroups: readonly string[];
  onClose: () => void;
  onCreated: (set: CriteriaSet) => void;
}

const formId = 'criteria-set-form';

export function CriteriaSetCreateModal({
  open,
  indices,
  unitGroups,
  onClose,
  onCreated,
}: CriteriaSetCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { form, formError, close, submit } = useCreateForm({
    resolverFor: setFormResolver,
    blank: emptySetForm(new Date().getFullYear()),
    fields: setFormFields,
    create: (values: SetFormValues) =>
      api.callAction(criteriaSetActions.createCriteriaSet, { ...toSetParams(values), nodes: [] }),
    onCreated,
    onClose,
  });

  return (
    <FormModal
      open={open}
      title={t('criteriaSets.create.title')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('criteriaSets.create.submit')}
      cancelLabel={t('criteriaSets.editor.cancel')}
      onCancel={close}
      error={formError}
      submitTestId="criteria-set-create-submit"
      errorTestId="criteria-set-create-error"
      onOpened={() => form.setFocus('indexCode')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <SelectField<SetFormValues>
          name="indexCode"
          id="criteria-set-index"
          label={t('criteriaSets.column.index')}
          placeholder={t('criteriaSets.create.indexPlaceholder')}
          help={indices.length === 0 ? t('criteriaSets.create.noIndex') : undefined}
          options={indices.map((index) => ({
            value: index.code,
            label: `${index.code} — ${index.name}`,
          }))}
          required
          searchable
        />
        <TextField<SetFormValues>
          name="year"
          id="criteria-set-year"
          label={t('criteriaSets.column.year')}
          required
          maxLength={4}
        />
        <TextField<SetFormValues>
          name="unitGroup"
          id="criteria-set-unit-group"
          label={t('criteriaSets.column.unitGroup')}
          help={
            unitGroups.length > 0
              ? t('criteriaSets.create.unitGroupKnown', { groups: unitGroups.join(', ') })
              : t('criteriaSets.create.unitGroupHelp')
          }
          required
          maxLength={64}
        />
        <TextField<SetFormValues>
          name="name"
          id="criteria-set-name"
          label={t('criteriaSets.column.name')}
          placeholder={t('criteriaSets.create.namePlaceholder')}
          required
          maxLength={200}
        />
        <TextField<SetFormValues>
          name="description"
          id="criteria-set-description"
          label={t('criteriaSets.create.description')}
          maxLength={5000}
          rows={2}
        />
      </PortalForm>
    </FormModal>
  );
}
