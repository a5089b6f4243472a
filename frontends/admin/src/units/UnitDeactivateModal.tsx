/** Ends a unit after its last active year, with a reason; the unit and its history stay. */
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import type { Unit } from '@par/contracts';
import { useApiClient } from '@par/client';
import { TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  deactivateFieldOf,
  lifecycleSchemas,
  toDeactivateUnitParams,
  yearInVietnam,
} from './unit-lifecycle-state';
import type { DeactivateUnitValues } from './unit-lifecycle-state';
import { LifecycleModal } from './LifecycleModal';
import { useLifecycleForm } from './use-lifecycle-form';

export interface UnitDeactivateModalProps {
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  onConflict: () => void;
}

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
  const { form, formError, run } = useLifecycleForm<DeactivateUnitValues>({
    schema: lifecycleSchemas.deactivate,
    toParams: (values) => (unit ? toDeactivateUnitParams(unit, values) : {}),
    fieldOf: deactivateFieldOf,
    defaultValues: emptyValues(),
    onConflict,
    unitId: unit?.id,
    startValues: emptyValues,
  });

  const submit = async (values: DeactivateUnitValues) => {
    if (!unit) return;
    const saved = await run(() =>
      api.callAction(accountsActions.deactivateUnit, toDeactivateUnitParams(unit, values)),
    );
    if (saved) onSaved(saved);
  };

  return (
    <LifecycleModal<DeactivateUnitValues>
      change="deactivate"
      open={unit !== null}
      title={t('units.deactivate.title', { name: unit?.name })}
      form={form}
      formError={formError}
      onClose={onClose}
      onSubmit={submit}
      focus={() => form.setFocus('lastYear')}
      note
    >
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
    </LifecycleModal>
  );
}
