/** Reopens one appraiser's sent round, with the reason the audit trail and the appraiser keep. */
import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { appraisalRoundActions } from '@par/contracts';
import type { RoundState } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import type { Round } from './progress-view';

interface ReopenFormValues {
  reason: string;
}

/** The round to reopen: whose, and which. */
export interface ReopenTarget {
  appraiserId: string;
  username: string;
  round: Round;
}

export interface ReopenRoundModalProps {
  periodId: string;
  target: ReopenTarget | null;
  onClose: () => void;
  onReopened: (round: RoundState) => void;
}

const formId = 'reopen-round-form';

export function ReopenRoundModal({ periodId, target, onClose, onReopened }: ReopenRoundModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<ReopenFormValues>({ defaultValues: { reason: '' } });
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    form.reset({ reason: '' });
    setFormError(null);
  }, [target, form]);

  const submit = async ({ reason }: ReopenFormValues) => {
    if (!target) return;
    setFormError(null);
    try {
      onReopened(
        await api.callAction(appraisalRoundActions.reopenRound, {
          periodId,
          round: target.round,
          appraiserId: target.appraiserId,
          reason,
        }),
      );
    } catch (error) {
      // A reason the server refuses goes under the field; any other refusal above the form.
      if (!applyFieldErrors(error, form.setError, ['reason']))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  const names = { round: target?.round, username: target?.username };
  return (
    <FormModal
      open={target !== null}
      title={t('appraisalProgress.reopen.title', names)}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('appraisalProgress.reopen.submit')}
      cancelLabel={t('appraisalProgress.reopen.cancel')}
      onCancel={onClose}
      onOpened={() => form.setFocus('reason')}
      error={formError}
      submitTestId="reopen-submit"
      errorTestId="reopen-error"
    >
      <Typography.Paragraph>{t('appraisalProgress.reopen.explain', names)}</Typography.Paragraph>
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <TextField<ReopenFormValues>
          name="reason"
          id="reopen-reason"
          label={t('appraisalProgress.reopen.reason')}
          help={t('appraisalProgress.reopen.reasonHelp')}
          rules={{
            validate: (value) =>
              value.trim() !== '' || t('appraisalProgress.reopen.reasonRequired'),
          }}
          maxLength={1000}
          required
        />
      </PortalForm>
    </FormModal>
  );
}
