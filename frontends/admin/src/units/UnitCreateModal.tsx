/** The "add unit" form in a modal: validated by the contract, server errors under their fields. */
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountsActions, unitKinds } from '@par/contracts';
import type { Unit } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { FormModal, PortalForm, SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { emptyUnitForm, toCreateUnitParams, unitFormFields, unitFormResolver } from './form-state';
import type { UnitFormValues } from './form-state';

export interface UnitCreateModalProps {
  open: boolean;
  /** Candidates for the parent unit. */
  units: readonly Unit[];
  onClose: () => void;
  onCreated: (unit: Unit) => void;
}

const formId = 'unit-form';

export function UnitCreateModal({ open, units, onClose, onCreated }: UnitCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const resolver = useMemo(
    () => unitFormResolver(currentLanguage, () => t('form.invalid', { ns: 'ui' })),
    [t],
  );
  const form = useForm<UnitFormValues>({ defaultValues: emptyUnitForm, resolver });
  const [formError, setFormError] = useState<string | null>(null);

  const kindOptions = unitKinds.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }));
  const parentOptions = units.map((unit) => ({
    value: unit.id,
    label: `${unit.code} — ${unit.name}`,
  }));

  const close = () => {
    form.reset(emptyUnitForm);
    setFormError(null);
    onClose();
  };

  const submit = async (values: UnitFormValues) => {
    setFormError(null);
    try {
      const unit = await api.callAction(accountsActions.createUnit, toCreateUnitParams(values));
      form.reset(emptyUnitForm);
      onCreated(unit);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, unitFormFields)) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return (
    <FormModal
      open={open}
      title={t('units.form.title')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('units.form.submit')}
      cancelLabel={t('units.form.cancel')}
      onCancel={close}
      error={formError}
      submitTestId="unit-submit"
      errorTestId="unit-form-error"
      onOpened={() => form.setFocus('code')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <TextField<UnitFormValues>
          name="code"
          id="unit-code"
          label={t('units.form.code')}
          help={t('units.form.codeHelp')}
          required
          maxLength={32}
        />
        <TextField<UnitFormValues>
          name="name"
          id="unit-name"
          label={t('units.form.name')}
          placeholder={t('units.form.namePlaceholder')}
          required
          maxLength={200}
        />
        <TextField<UnitFormValues>
          name="shortName"
          id="unit-short-name"
          label={t('units.form.shortName')}
          maxLength={50}
        />
        <SelectField<UnitFormValues>
          name="kind"
          id="unit-kind"
          label={t('units.form.kind')}
          placeholder={t('units.form.kindPlaceholder')}
          options={kindOptions}
          required
        />
        <SelectField<UnitFormValues>
          name="parentId"
          id="unit-parent"
          label={t('units.form.parent')}
          placeholder={t('units.form.parentPlaceholder')}
          options={parentOptions}
          searchable
        />
        <TextField<UnitFormValues>
          name="unitGroup"
          id="unit-group"
          label={t('units.form.unitGroup')}
          help={t('units.form.unitGroupHelp')}
          maxLength={64}
        />
      </PortalForm>
    </FormModal>
  );
}
