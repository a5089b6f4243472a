/** Corrects a unit as it is now: name, short name, kind, parent and group. */
import { useTranslation } from 'react-i18next';
import { accountsActions, unitKinds } from '@par/contracts';
import type { Unit } from '@par/contracts';
import { useApiClient } from '@par/client';
import { SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  editFieldOf,
  editUnitValues,
  lifecycleSchemas,
  toUpdateUnitParams,
} from './unit-lifecycle-state';
import type { EditUnitValues } from './unit-lifecycle-state';
import { LifecycleModal } from './LifecycleModal';
import { useLifecycleForm } from './use-lifecycle-form';

export interface UnitEditModalProps {
  unit: Unit | null;
  /** Candidates for the parent: units active now. */
  parents: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  onConflict: () => void;
}

const emptyEditValues: EditUnitValues = {
  name: '',
  shortName: '',
  kind: null,
  parentId: null,
  unitGroup: '',
};

export function UnitEditModal({ unit, parents, onClose, onSaved, onConflict }: UnitEditModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { form, formError, run } = useLifecycleForm<EditUnitValues>({
    schema: lifecycleSchemas.update,
    toParams: (values) => (unit ? toUpdateUnitParams(unit, values) : {}),
    fieldOf: editFieldOf,
    defaultValues: emptyEditValues,
    onConflict,
    unitId: unit?.id,
    startValues: () => (unit ? editUnitValues(unit) : null),
  });

  const submit = async (values: EditUnitValues) => {
    if (!unit) return;
    const saved = await run(() =>
      api.callAction(accountsActions.updateUnit, toUpdateUnitParams(unit, values)),
    );
    if (saved) onSaved(saved);
  };

  return (
    <LifecycleModal<EditUnitValues>
      change="edit"
      open={unit !== null}
      title={t('units.edit.title', { code: unit?.code })}
      submitLabel={t('units.form.submit')}
      form={form}
      formError={formError}
      onClose={onClose}
      onSubmit={submit}
      focus={() => form.setFocus('name')}
    >
      <TextField<EditUnitValues>
        name="name"
        id="unit-edit-name"
        label={t('units.form.name')}
        help={t('units.edit.nameHelp')}
        required
        maxLength={200}
      />
      <TextField<EditUnitValues>
        name="shortName"
        id="unit-edit-short-name"
        label={t('units.form.shortName')}
        maxLength={50}
      />
      <SelectField<EditUnitValues>
        name="kind"
        id="unit-edit-kind"
        label={t('units.form.kind')}
        options={unitKinds.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
        required
      />
      <SelectField<EditUnitValues>
        name="parentId"
        id="unit-edit-parent"
        label={t('units.form.parent')}
        placeholder={t('units.form.parentPlaceholder')}
        options={parents
          .filter((p) => p.id !== unit?.id)
          .map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
        searchable
      />
      <TextField<EditUnitValues>
        name="unitGroup"
        id="unit-edit-group"
        label={t('units.form.unitGroup')}
        help={t('units.form.unitGroupHelp')}
        maxLength={64}
      />
    </LifecycleModal>
  );
}
