/** The "extend a unit's deadline" dialog: unit, phase, new deadline in Vietnam time, reason. */
import { useState } from 'react';
import { Input, Typography } from 'antd';
import Select from 'antd/es/select';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { deadlineFor, extendablePhases, periodActions } from '@par/contracts';
import type { ExtendablePhase, Period } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormField, FormModal, PortalForm } from '@par/ui/form';
import { ns } from '../i18n';
import { PhaseTimeInput } from './PhaseTimeInput';
import { formatVietnamTime } from './form-state';

export interface ExtendDeadlineModalProps {
  period: Period;
  /** The unit chosen on the board, if any. */
  unitCode: string | null;
  open: boolean;
  onClose: () => void;
  onExtended: (period: Period) => void;
}

interface ExtendFormValues {
  unitCode: string | null;
  phase: ExtendablePhase;
  endsAt: string;
  reason: string;
}

const formId = 'extend-form';
const fields = ['unitCode', 'phase', 'endsAt', 'reason'] as const;

export function ExtendDeadlineModal({
  period,
  unitCode,
  open,
  onClose,
  onExtended,
}: ExtendDeadlineModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<ExtendFormValues>({
    values: {
      unitCode,
      phase: period.currentPhase === 'clarification' ? 'clarification' : 'selfAssessment',
      endsAt: '',
      reason: '',
    },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [chosenUnit, chosenPhase] = form.watch(['unitCode', 'phase']);
  // What the new extension replaces, worked out by the same rule the server enforces.
  const current = chosenUnit ? deadlineFor(period, chosenUnit, chosenPhase) : null;

  const submit = async (values: ExtendFormValues) => {
    setFormError(null);
    try {
      const updated = await api.callAction(periodActions.extendDeadline, {
        id: period.id,
        unitCode: values.unitCode ?? '',
        phase: values.phase,
        endsAt: values.endsAt,
        reason: values.reason,
      });
      onExtended(updated);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, fields)) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return (
    <FormModal
      open={open}
      title={t('periods.extend.title')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('periods.extend.submit')}
      cancelLabel={t('periods.cancel')}
      onCancel={() => {
        setFormError(null);
        onClose();
      }}
      error={formError}
      submitTestId="extend-submit"
      errorTestId="extend-form-error"
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <Controller
          control={form.control}
          name="unitCode"
          render={({ field, fieldState }) => (
            <FormField
              id="extend-unit"
              label={t('periods.extend.unit')}
              required
              error={fieldState.error?.message}
            >
              <Select
                id="extend-unit"
                data-testid="extend-unit"
                showSearch
                optionFilterProp="label"
                value={field.value ?? undefined}
                onChange={field.onChange}
                options={period.units.map((u) => ({
                  value: u.code,
                  label: `${u.code} — ${u.name}`,
                }))}
              />
            </FormField>
          )}
        />
        <Controller
          control={form.control}
          name="phase"
          render={({ field, fieldState }) => (
            <FormField
              id="extend-phase"
              label={t('periods.extend.phase')}
              required
              error={fieldState.error?.message}
            >
              <Select
                id="extend-phase"
                data-testid="extend-phase"
                value={field.value}
                onChange={field.onChange}
                options={extendablePhases.map((phase) => ({
                  value: phase,
                  label: t(`periods.phase.${phase}`),
                }))}
              />
            </FormField>
          )}
        />
        {current ? (
          <Typography.Paragraph type="secondary" data-testid="extend-current">
            {current.extension
              ? t('periods.extend.currentExtended', {
                  deadline: formatVietnamTime(current.endsAt),
                  common: formatVietnamTime(current.commonEndsAt),
                  reason: current.extension.reason,
                })
              : t('periods.extend.current', { deadline: formatVietnamTime(current.endsAt) })}
          </Typography.Paragraph>
        ) : null}
        <Controller
          control={form.control}
          name="endsAt"
          render={({ field, fieldState }) => (
            <FormField
              id="extend-ends-at"
              label={t('periods.extend.endsAt')}
              help={t('periods.extend.endsAtHelp')}
              required
              error={fieldState.error?.message}
            >
              <PhaseTimeInput
                id="extend-ends-at"
                value={field.value}
                onChange={field.onChange}
                invalid={fieldState.invalid}
              />
            </FormField>
          )}
        />
        <Controller
          control={form.control}
          name="reason"
          render={({ field, fieldState }) => (
            <FormField
              id="extend-reason"
              label={t('periods.extend.reason')}
              required
              error={fieldState.error?.message}
            >
              <Input.TextArea
                id="extend-reason"
                data-testid="extend-reason"
                rows={3}
                maxLength={1000}
                value={field.value}
                onChange={field.onChange}
                ref={field.ref}
              />
            </FormField>
          )}
        />
      </PortalForm>
    </FormModal>
  );
}
