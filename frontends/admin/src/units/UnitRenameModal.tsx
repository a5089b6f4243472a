/** Gives a unit a new name from a year on; the years before keep the name they had. */
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import type { Unit } from '@par/contracts';
import { useApiClient } from '@par/client';
import { TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  lifecycleSchemas,
  renameFieldOf,
  toRenameUnitParams,
  yearInVietnam,
} from './unit-lifecycle-state';
import type { RenameUnitValues } from './unit-lifecycle-state';
import { LifecycleModal } from './LifecycleModal';
import { useLifecycleForm } from './use-lifecycle-form';

export interface UnitRenameModalProps {
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  onConflict: () => void;
}

const emptyValues = (): RenameUnitValues => ({
  year: String(yearInVietnam()),
  name: '',
  shortName: '',
});

export function UnitRenameModal({ unit, onClose, onSaved, onConflict }: UnitRenameModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { form, formError, run } = useLifecycleForm<RenameUnitValues>({
    schema: lifecycleSchemas.rename,
    toParams: (values) => (unit ? toRenameUnitParams(unit, values) : {}),
    fieldOf: renameFieldOf,
    defaultValues: emptyValues(),
    onConflict,
    unitId: unit?.id,
    startValues: emptyValues,
  });

  const submit = async (values: RenameUnitValues) => {
    if (!unit) return;
    const saved = await run(() =>
      api.callAction(accountsActions.renameUnit, toRenameUnitParams(unit, values)),
    );
    if (saved) onSaved(saved);
  };

  return (
    <LifecycleModal<RenameUnitValues>
      change="rename"
      open={unit !== null}
      title={t('units.rename.title', { name: unit?.name })}
      form={form}
      formError={formError}
      onClose={onClose}
      onSubmit={submit}
      focus={() => form.setFocus('name')}
    >
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
    </LifecycleModal>
  );
}
