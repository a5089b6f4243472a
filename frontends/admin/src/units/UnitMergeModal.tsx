/**
 * Merges units from a year into an existing unit or a new one: the admin picks the other
 * units, the year, and the target; the merged units end the year before, linked both ways.
 */
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Radio } from 'antd';
import Select from 'antd/es/select';
import { accountsActions, unitKinds } from '@par/contracts';
import type { Unit, UnitRestructure } from '@par/contracts';
import { useApiClient } from '@par/client';
import { FormField, SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  lifecycleSchemas,
  mergeFieldOf,
  mergeUnitsValues,
  toMergeUnitsParams,
  yearInVietnam,
} from './unit-lifecycle-state';
import type { MergeUnitsValues } from './unit-lifecycle-state';
import { LifecycleModal } from './LifecycleModal';
import { useLifecycleForm } from './use-lifecycle-form';

export interface UnitMergeModalProps {
  /** The unit whose row the merge was started from; it is the first of the merged units. */
  unit: Unit | null;
  /** Units active now: candidates to merge, to merge into and to be the new unit's parent. */
  units: readonly Unit[];
  onClose: () => void;
  onMerged: (result: UnitRestructure) => void;
  onConflict: () => void;
}

const sourcesId = 'unit-merge-sources';
const modeId = 'unit-merge-mode';

export function UnitMergeModal({
  unit,
  units,
  onClose,
  onMerged,
  onConflict,
}: UnitMergeModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const toParams = (values: MergeUnitsValues) => toMergeUnitsParams(values, unitsById);
  const { form, formError, run } = useLifecycleForm<MergeUnitsValues>({
    schema: lifecycleSchemas.merge,
    toParams,
    fieldOf: mergeFieldOf,
    defaultValues: unit ? mergeUnitsValues(unit, yearInVietnam()) : { sourceIds: [], mode: 'new' },
    onConflict,
    unitId: unit?.id,
    startValues: () => (unit ? mergeUnitsValues(unit, yearInVietnam()) : null),
  });
  const mode = useWatch({ control: form.control, name: 'mode' });
  const sourceIds = useWatch({ control: form.control, name: 'sourceIds' }) ?? [];

  const options = units.map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }));

  const submit = async (values: MergeUnitsValues) => {
    const result = await run(() => api.callAction(accountsActions.mergeUnits, toParams(values)));
    if (result) onMerged(result);
  };

  return (
    <LifecycleModal<MergeUnitsValues>
      change="merge"
      open={unit !== null}
      title={t('units.merge.title')}
      form={form}
      formError={formError}
      onClose={onClose}
      onSubmit={submit}
      note
    >
      <Controller
        control={form.control}
        name="sourceIds"
        render={({ field, fieldState }) => (
          <FormField
            id={sourcesId}
            label={t('units.merge.sources')}
            help={t('units.merge.sourcesHelp')}
            required
            error={fieldState.error?.message}
          >
            <Select<string[]>
              id={sourcesId}
              data-testid={sourcesId}
              mode="multiple"
              ref={field.ref}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              onBlur={field.onBlur}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              status={fieldState.invalid ? 'error' : undefined}
              aria-invalid={fieldState.invalid || undefined}
            />
          </FormField>
        )}
      />
      <TextField<MergeUnitsValues>
        name="year"
        id="unit-merge-year"
        label={t('units.merge.year')}
        help={t('units.merge.yearHelp')}
        required
        maxLength={4}
      />
      <Controller
        control={form.control}
        name="mode"
        render={({ field }) => (
          <FormField id={modeId} label={t('units.merge.mode')} required>
            <Radio.Group
              id={modeId}
              data-testid={modeId}
              value={field.value}
              onChange={(event) => field.onChange(event.target.value)}
              options={[
                { value: 'new', label: t('units.merge.modeNew') },
                { value: 'existing', label: t('units.merge.modeExisting') },
              ]}
            />
          </FormField>
        )}
      />
      {mode === 'existing' ? (
        <SelectField<MergeUnitsValues>
          name="targetId"
          id="unit-merge-target"
          label={t('units.merge.target')}
          options={options.filter((o) => !sourceIds.includes(o.value))}
          required
          searchable
        />
      ) : (
        <>
          <TextField<MergeUnitsValues>
            name="code"
            id="unit-merge-code"
            label={t('units.form.code')}
            help={t('units.form.codeHelp')}
            required
            maxLength={32}
          />
          <TextField<MergeUnitsValues>
            name="name"
            id="unit-merge-name"
            label={t('units.form.name')}
            required
            maxLength={200}
          />
          <TextField<MergeUnitsValues>
            name="shortName"
            id="unit-merge-short-name"
            label={t('units.form.shortName')}
            maxLength={50}
          />
          <SelectField<MergeUnitsValues>
            name="kind"
            id="unit-merge-kind"
            label={t('units.form.kind')}
            options={unitKinds.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
            required
          />
          <SelectField<MergeUnitsValues>
            name="parentId"
            id="unit-merge-parent"
            label={t('units.form.parent')}
            placeholder={t('units.form.parentPlaceholder')}
            options={options.filter((o) => !sourceIds.includes(o.value))}
            searchable
          />
          <TextField<MergeUnitsValues>
            name="unitGroup"
            id="unit-merge-group"
            label={t('units.form.unitGroup')}
            maxLength={64}
          />
        </>
      )}
    </LifecycleModal>
  );
}
