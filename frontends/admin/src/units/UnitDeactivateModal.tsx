/** Ends a unit after its last active year, with a reason; the unit and its history stay. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from 'antd';
import { accountsActions } from '@par/contracts';
import type { Unit } from '@par/contracts';
import { useApiClient } from '@par/client';
import { FormModal, PortalForm, TextField } from '@par/ui';
import { ns } from '../i18n';
import {
  deactivateFieldOf,
  lifecycleSchemas,
  toDeactivateUnitParams,
  yearInVietnam,
} from './unit-lifecycle-state';
import type { DeactivateUnitValues } from './unit-lifecycle-state';
import { useLifecycleForm } from './use-lifecycle-form';

export interface UnitDeactivateModalProps {
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  onConflict: () => void;
}

const formId = 'unit-deactivate-form';
// Usually a unit ends with the year before the change, e.g. districts ended in 2024.
const emptyValues = (): DeactivateUnitValues => ({
  lastYear: String(yearInVietnam() - 1),
  reason: '',
});

export function UnitDeactivateModal({
  unit,
  onClose,
  onSaved,
  onConflict,
}: UnitDeactivateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { form, formError, setFormError, run } = useLifecycleForm<DeactivateUnitValues>({
    schema: lifecycleSchemas.deactivate,
    toParams: (values) => (unit ? toDeactivateUnitParams(unit, values) : {}),
    fieldOf: deactivateFieldOf,
    defaultValues: emptyValues(),
    onConflict,
  });

  useEffect(() => {
    form.reset(emptyValues());
    setFormError(null);
    // Keyed on the id: a reload after a conflict brings a new version, not a new form.
  }, [unit?.id, form, setFormError]);

  const submit = async (values: DeactivateUnitValues) => {
    if (!unit) return;
    const saved = await run(() =>
      api.callAction(accountsActions.deactivateUnit, toDeactivateUnitParams(unit, values)),
    );
    if (saved) onSaved(saved);
  };

  return (
    <FormModal
      open={unit !== null}
      title={t('units.deactivate.title', { name: unit?.name })}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('units.deactivate.submit')}
      cancelLabel={t('units.form.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="unit-deactivate-submit"
      errorTestId="unit-deactivate-error"
      onOpened={() => form.setFocus('lastYear')}
    >
      <Alert type="info" showIcon title={t('units.deactivate.note')} style={{ marginBottom: 16 }} />
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <TextField<DeactivateUnitValues>
          name="lastYear"
          id="unit-deactivate-last-year"
          label={t('units.deactivate.lastYear')}
          help={t('units.deactivate.lastYearHelp')}
          required
          maxLength={4}
        />
        <TextField<DeactivateUnitValues>
          name="reason"
          id="unit-deactivate-reason"
          label={t('units.deactivate.reason')}
          placeholder={t('units.deactivate.reasonPlaceholder')}
          required
          maxLength={500}
        />
      </PortalForm>
    </FormModal>
  );
}
