/**
 * The dialog that creates or edits one assignment: appraisers, scope, units. Enter or the
 * footer button submits; the server's field errors land under their controls.
 */
import { useState } from 'react';
import { Checkbox, Radio } from 'antd';
import Select from 'antd/es/select';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { appraisalAssignmentActions as actions } from '@par/contracts';
import type { Assignment } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormField, FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { emptyAssignmentForm, toForm, toInput, type AssignmentForm } from './form-state';

export interface Option {
  value: string;
  label: string;
}

const formId = 'assignment-form';
const fields = [
  'name',
  'appraiserIds',
  'criterionCodes',
  'unitCodes',
  'unitGroup',
  'rootCode',
] as const;
/** The control that shows a server error about the units, for each way of choosing them. */
const unitsField = { units: 'unitCodes', group: 'unitGroup', subtree: 'rootCode' } as const;

export interface AssignmentModalProps {
  periodId: string;
  /** Null for a new one. */
  assignment: Assignment | null;
  appraiserOptions: Option[];
  unitOptions: Option[];
  groupOptions: Option[];
  onClose: () => void;
  onSaved: () => void;
}

export function AssignmentModal(props: AssignmentModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<AssignmentForm>({
    values: props.assignment ? toForm(props.assignment) : emptyAssignmentForm,
  });
  const kind = form.watch('kind');
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: AssignmentForm) => {
    setFormError(null);
    try {
      const input = toInput(values);
      if (props.assignment)
        await api.callAction(actions.updateAssignment, {
          id: props.assignment.id,
          version: props.assignment.version,
          ...input,
        });
      else await api.callAction(actions.createAssignment, { periodId: props.periodId, ...input });
      props.onSaved();
    } catch (error) {
      const toFormField = (field: string) => (field === 'units' ? unitsField[values.kind] : field);
      if (!applyFieldErrors(error, form.setError, fields, toFormField))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  /** A multiple select bound to the form, inside the shared field frame. */
  const multiple = (
    name: 'appraiserIds' | 'criterionCodes' | 'unitCodes',
    id: string,
    label: string,
    options: Option[] | null,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField id={id} label={label} required error={fieldState.error?.message}>
          <Select
            id={id}
            data-testid={id}
            mode={options ? 'multiple' : 'tags'}
            tokenSeparators={options ? undefined : [',', ';', ' ']}
            optionFilterProp="label"
            value={field.value}
            onChange={field.onChange}
            options={options ?? []}
          />
        </FormField>
      )}
    />
  );

  return (
    <FormModal
      open
      title={t(props.assignment ? 'assignments.form.titleEdit' : 'assignments.form.titleNew')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('assignments.save')}
      cancelLabel={t('assignments.cancel')}
      onCancel={props.onClose}
      error={formError}
      submitTestId="assignment-save"
      errorTestId="assignment-form-error"
      onOpened={() => document.getElementById('assignment-appraisers')?.focus()}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        {multiple(
          'appraiserIds',
          'assignment-appraisers',
          t('assignments.form.appraisers'),
          props.appraiserOptions,
        )}
        <TextField<AssignmentForm>
          name="name"
          id="assignment-name"
          label={t('assignments.form.name')}
          maxLength={200}
        />
        {multiple('criterionCodes', 'assignment-criteria', t('assignments.form.criteria'), null)}
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <FormField id="assignment-kind" label={t('assignments.form.unitsKind')}>
              <Radio.Group
                id="assignment-kind"
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
              >
                <Radio value="units">{t('assignments.form.kind.units')}</Radio>
                <Radio value="group">{t('assignments.form.kind.group')}</Radio>
                <Radio value="subtree">{t('assignments.form.kind.subtree')}</Radio>
              </Radio.Group>
            </FormField>
          )}
        />
        {kind === 'units' &&
          multiple(
            'unitCodes',
            'assignment-units',
            t('assignments.form.unitCodes'),
            props.unitOptions,
          )}
        {kind === 'group' && (
          <Controller
            control={form.control}
            name="unitGroup"
            render={({ field, fieldState }) => (
              <FormField
                id="assignment-group"
                label={t('assignments.form.unitGroup')}
                required
                error={fieldState.error?.message}
              >
                <Select
                  id="assignment-group"
                  data-testid="assignment-group"
                  value={field.value || undefined}
                  onChange={field.onChange}
                  options={props.groupOptions}
                />
              </FormField>
            )}
          />
        )}
        {kind === 'subtree' && (
          <>
            <TextField<AssignmentForm>
              name="rootCode"
              id="assignment-root"
              label={t('assignments.form.rootCode')}
              required
              maxLength={32}
            />
            <Controller
              control={form.control}
              name="includeRoot"
              render={({ field }) => (
                <Checkbox
                  id="assignment-include-root"
                  checked={field.value}
                  onChange={(e) => field.onChange(e.target.checked)}
                >
                  {t('assignments.form.includeRoot')}
                </Checkbox>
              )}
            />
          </>
        )}
      </PortalForm>
    </FormModal>
  );
}
