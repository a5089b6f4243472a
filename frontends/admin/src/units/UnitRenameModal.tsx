/** Gives a unit a new name from a year on; the years before keep the name they had. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import type { Unit } from '@par/contracts';
import { useApiClient } from '@par/client';
import { FormModal, PortalForm, TextField } from '@par/ui';
import { ns } from '../i18n';
import {
  lifecycleSchemas,
  renameFieldOf,
  toRenameUnitParams,
  yearInVietnam,
} from './unit-lifecycle-state';
import type { RenameUnitValues } from './unit-lifecycle-state';
import { useLifecycleForm } from './use-lifecycle-form';

export interface UnitRenameModalProps {
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  onConflict: () => void;
}

const formId = 'unit-rename-form';
const emptyValues = (): RenameUnitValues => ({
  year: String(yearInVietnam()),
  name: '',
  shortName: '',
});

export function UnitRenameModal({ unit, onClose, onSaved, onConflict }: UnitRenameModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { form, formError, setFormError, run } = useLifecycleForm<RenameUnitValues>({
    schema: lifecycleSchemas.rename,
    toParams: (values) => (unit ? toRenameUnitParams(unit, values) : {}),
    fieldOf: renameFieldOf,
    defaultValues: emptyValues(),
    onConflict,
  });

  useEffect(() => {
    form.reset(emptyValues());
    setFormError(null);
    // Keyed on the id: a reload after a conflict brings a new version, not a new form.
  }, [unit?.id, form, setFormError]);

  const submit = async (values: RenameUnitValues) => {
    if (!unit) return;
    const saved = await run(() =>
      api.callAction(accountsActions.renameUnit, toRenameUnitParams(unit, values)),
    );
    if (saved) onSaved(saved);
  };

  return (
    <FormModal
      open={unit !== null}
      title={t('units.rename.title', { name: unit?.name })}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('units.rename.submit')}
      cancelLabel={t('units.form.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="unit-rename-submit"
      errorTestId="unit-rename-error"
      onOpened={() => form.setFocus('name')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <TextField<RenameUnitValues>
          name="name"
          id="unit-rename-name"
          label={t('units.rename.name')}
          required
          maxLength={200}
        />
        <TextField<RenameUnitValues>
          name="shortName"
          id="unit-rename-short-name"
          label={t('units.form.shortName')}
          maxLength={50}
        />
        <TextField<RenameUnitValues>
          name="year"
          id="unit-rename-year"
          label={t('units.rename.year')}
          help={t('units.rename.yearHelp')}
          required
          maxLength={4}
        />
      </PortalForm>
    </FormModal>
  );
}
