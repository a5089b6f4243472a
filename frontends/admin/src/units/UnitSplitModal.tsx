/** Splits a unit into new units from a year; it ends the year before, linked to each of them. */
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, Card, Flex } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { accountsActions, unitKinds } from '@par/contracts';
import type { Unit, UnitRestructure } from '@par/contracts';
import { useApiClient } from '@par/client';
import { SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  emptySplitPart,
  lifecycleSchemas,
  splitFieldOf,
  splitUnitValues,
  toSplitUnitParams,
  yearInVietnam,
} from './unit-lifecycle-state';
import type { SplitUnitValues } from './unit-lifecycle-state';
import { LifecycleModal } from './LifecycleModal';
import { useLifecycleForm } from './use-lifecycle-form';

export interface UnitSplitModalProps {
  unit: Unit | null;
  onClose: () => void;
  onSplit: (result: UnitRestructure) => void;
  onConflict: () => void;
}

export function UnitSplitModal({ unit, onClose, onSplit, onConflict }: UnitSplitModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const { form, formError, run } = useLifecycleForm<SplitUnitValues>({
    schema: lifecycleSchemas.split,
    toParams: (values) => (unit ? toSplitUnitParams(unit, values) : {}),
    fieldOf: splitFieldOf,
    defaultValues: { year: String(yearInVietnam()), units: [] },
    onConflict,
    unitId: unit?.id,
    startValues: () => (unit ? splitUnitValues(unit, yearInVietnam()) : null),
  });
  const parts = useFieldArray({ control: form.control, name: 'units' });

  const submit = async (values: SplitUnitValues) => {
    if (!unit) return;
    const result = await run(() =>
      api.callAction(accountsActions.splitUnit, toSplitUnitParams(unit, values)),
    );
    if (result) onSplit(result);
  };

  const kindOptions = unitKinds.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }));

  return (
    <LifecycleModal<SplitUnitValues>
      change="split"
      open={unit !== null}
      title={t('units.split.title', { name: unit?.name })}
      form={form}
      formError={formError}
      onClose={onClose}
      onSubmit={submit}
      focus={() => form.setFocus('units.0.code')}
      note
    >
      <TextField<SplitUnitValues>
        name="year"
        id="unit-split-year"
        label={t('units.split.year')}
        help={t('units.split.yearHelp')}
        required
        maxLength={4}
      />
      {parts.fields.map((part, index) => (
        <Card
          key={part.id}
          size="small"
          title={t('units.split.part', { number: index + 1 })}
          style={{ marginBottom: 12 }}
          extra={
            parts.fields.length > 2 ? (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('units.split.remove', { number: index + 1 })}
                onClick={() => parts.remove(index)}
              />
            ) : null
          }
        >
          <TextField<SplitUnitValues>
            name={`units.${index}.code`}
            id={`unit-split-${index}-code`}
            label={t('units.form.code')}
            required
            maxLength={32}
          />
          <TextField<SplitUnitValues>
            name={`units.${index}.name`}
            id={`unit-split-${index}-name`}
            label={t('units.form.name')}
            required
            maxLength={200}
          />
          <TextField<SplitUnitValues>
            name={`units.${index}.shortName`}
            id={`unit-split-${index}-short-name`}
            label={t('units.form.shortName')}
            maxLength={50}
          />
          <SelectField<SplitUnitValues>
            name={`units.${index}.kind`}
            id={`unit-split-${index}-kind`}
            label={t('units.form.kind')}
            options={kindOptions}
            required
          />
        </Card>
      ))}
      <Flex justify="start">
        <Button
          icon={<PlusOutlined />}
          onClick={() => parts.append({ ...emptySplitPart, kind: unit?.kind ?? null })}
          data-testid="unit-split-add"
        >
          {t('units.split.add')}
        </Button>
      </Flex>
    </LifecycleModal>
  );
}
