/** Decide one blocker: count its missing scores 0, or leave the unit out, with a required reason. */
import { useState } from 'react';
import { Input, Radio, Typography } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DecideBlockerParams, blockerDecisionKinds, rankingActions } from '@par/contracts';
import type { ConsolidationBlocker } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormField, FormModal, PortalForm } from '@par/ui/form';
import { ns } from '../i18n';

export interface DecideBlockerModalProps {
  periodId: string;
  blocker: ConsolidationBlocker;
  /** The decisions' version as read: the server refuses the decision (409) if it moved since. */
  version: number;
  onClose: () => void;
  onDecided: () => void;
  /** The decisions changed under the admin: read them again. */
  onStale: () => void;
}

interface DecideFormValues {
  decision: (typeof blockerDecisionKinds)[number];
  reason: string;
}

const formId = 'decide-blocker-form';
const fields = ['decision', 'reason'] as const;

export function DecideBlockerModal({
  periodId,
  blocker,
  version,
  onClose,
  onDecided,
  onStale,
}: DecideBlockerModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  // A unit without a criteria set has no scores to count 0: it can only be left out.
  const zeroAllowed = blocker.kind !== 'noCriteriaSet';
  const form = useForm<DecideFormValues>({
    defaultValues: { decision: zeroAllowed ? 'zero' : 'exclude', reason: '' },
  });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: DecideFormValues) => {
    setFormError(null);
    // The contract's own rule (5–1,000 characters), checked before the round trip.
    if (!DecideBlockerParams.shape.reason.safeParse(values.reason).success) {
      form.setError('reason', { message: t('results.decide.reasonRequired') });
      return;
    }
    try {
      await api.callAction(rankingActions.decideBlocker, {
        periodId,
        unitCode: blocker.unitCode,
        kind: blocker.kind,
        decision: values.decision,
        reason: values.reason,
        version,
      });
      onDecided();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setFormError(t('results.decide.conflict', { message: error.message }));
        onStale();
      } else if (!applyFieldErrors(error, form.setError, fields)) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return (
    <FormModal
      open
      title={t('results.decide.title', {
        unit: blocker.unitCode,
        kind: t(`results.blocker.${blocker.kind}`),
      })}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('results.decide.submit')}
      cancelLabel={t('results.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="decide-submit"
      errorTestId="decide-error"
      onOpened={() => form.setFocus('reason')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <Typography.Paragraph type="secondary">
          {blocker.unitName}
          {blocker.criterionCodes.length
            ? ` — ${t('results.blockers.criteria')}: ${blocker.criterionCodes.join(', ')}`
            : ''}
        </Typography.Paragraph>
        <Controller
          control={form.control}
          name="decision"
          render={({ field }) => (
            <FormField id="decide-decision" label={t('results.decide.decision')} required>
              <Radio.Group
                id="decide-decision"
                value={field.value}
                onChange={(event) => field.onChange(event.target.value)}
              >
                {blockerDecisionKinds.map((kind) => (
                  <Radio
                    key={kind}
                    value={kind}
                    disabled={kind === 'zero' && !zeroAllowed}
                    data-testid={`decide-${kind}`}
                  >
                    {t(`results.decision.${kind}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </FormField>
          )}
        />
        <Controller
          control={form.control}
          name="reason"
          render={({ field, fieldState }) => (
            <FormField
              id="decide-reason"
              label={t('results.decide.reason')}
              help={t('results.decide.reasonHelp')}
              required
              error={fieldState.error?.message}
            >
              <Input.TextArea
                id="decide-reason"
                data-testid="decide-reason"
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
