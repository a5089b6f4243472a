/** Publish the reviewed draft; a republication says why it replaces the version out. */
import { useState } from 'react';
import { Input, Typography } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { rankingActions } from '@par/contracts';
import type { PublicationSummary } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormField, FormModal, PortalForm } from '@par/ui/form';
import { ns } from '../i18n';

export interface PublishModalProps {
  periodId: string;
  consolidationVersion: number;
  /** The publication out now; null for the first one (no reason asked). */
  latest: PublicationSummary | null;
  onClose: () => void;
  onPublished: (publication: PublicationSummary) => void;
}

const formId = 'publish-form';

export function PublishModal({
  periodId,
  consolidationVersion,
  latest,
  onClose,
  onPublished,
}: PublishModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setFormError(null);
    try {
      onPublished(
        await api.callAction(rankingActions.publishConsolidation, {
          periodId,
          consolidationVersion,
          reason,
        }),
      );
    } catch (error) {
      // The server's refusal says what is missing (undecided blockers, a reason, the same draft).
      if (!applyFieldErrors(error, form.setError, ['reason'])) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return (
    <FormModal
      open
      title={
        latest
          ? t('results.publish.republishTitle', { version: consolidationVersion })
          : t('results.publish.title', { version: consolidationVersion })
      }
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={latest ? t('results.publish.republish') : t('results.publish.submit')}
      cancelLabel={t('results.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="publish-submit"
      errorTestId="publish-error"
      onOpened={() => (latest ? form.setFocus('reason') : undefined)}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <Typography.Paragraph>
          {latest
            ? t('results.publish.replaces', {
                number: latest.number,
                version: latest.consolidationVersion,
              })
            : t('results.publish.explain')}
        </Typography.Paragraph>
        {latest ? (
          <Controller
            control={form.control}
            name="reason"
            render={({ field, fieldState }) => (
              <FormField
                id="publish-reason"
                label={t('results.publish.reason')}
                required
                error={fieldState.error?.message}
              >
                <Input.TextArea
                  id="publish-reason"
                  data-testid="publish-reason"
                  rows={3}
                  maxLength={1000}
                  value={field.value}
                  onChange={field.onChange}
                  ref={field.ref}
                />
              </FormField>
            )}
          />
        ) : null}
      </PortalForm>
    </FormModal>
  );
}
