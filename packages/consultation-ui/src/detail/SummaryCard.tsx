/**
 * The summary of what the unit took on: before the deadline, when it may be published; after
 * it, the form that publishes it; once published, the text with a button to correct it.
 */
import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime, type Consultation } from '@par/contracts';
import { applyFieldErrors, isApiError } from '@par/client';
import { PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { typedText } from './CommentCard';

interface SummaryFormValues {
  summary: string;
}

export interface SummaryCardProps {
  consultation: Consultation;
  onPublish: (summary: string) => Promise<void>;
}

export function SummaryCard({ consultation: c, onPublish }: SummaryCardProps) {
  const { t } = useTranslation(ns);
  const [editing, setEditing] = useState(false);
  return (
    <Card title={t('summaryTitle')}>
      {c.summary && !editing ? (
        <>
          <div style={typedText} data-testid="summary-text">
            {c.summary}
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('summaryPublishedAt', {
              at: formatVietnamDateTime(c.summaryPublishedAt ?? c.closesAt),
            })}
          </Typography.Paragraph>
          <Button onClick={() => setEditing(true)}>{t('summaryEdit')}</Button>
        </>
      ) : c.accepting ? (
        <Typography.Paragraph type="secondary">
          {t('summaryAfter', { closesAt: formatVietnamDateTime(c.closesAt) })}
        </Typography.Paragraph>
      ) : (
        <SummaryForm
          initial={c.summary ?? ''}
          onPublish={async (summary) => {
            await onPublish(summary);
            setEditing(false);
          }}
        />
      )}
    </Card>
  );
}

function SummaryForm({
  initial,
  onPublish,
}: {
  initial: string;
  onPublish: (summary: string) => Promise<void>;
}) {
  const { t } = useTranslation(ns);
  const form = useForm<SummaryFormValues>({ defaultValues: { summary: initial } });
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async ({ summary }: SummaryFormValues) => {
    setFormError(null);
    try {
      await onPublish(summary);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ['summary']))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };
  return (
    <PortalForm id="consultation-summary-form" form={form} onSubmit={submit}>
      {formError ? (
        <Typography.Paragraph type="danger" role="alert" data-testid="summary-error">
          {formError}
        </Typography.Paragraph>
      ) : null}
      <TextField<SummaryFormValues>
        name="summary"
        id="consultation-summary"
        label={t('summaryLabel')}
        required
        rows={6}
        maxLength={20_000}
      />
      <Button
        type="primary"
        htmlType="submit"
        data-testid="summary-publish"
        loading={form.formState.isSubmitting}
      >
        {t('summaryPublish')}
      </Button>
    </PortalForm>
  );
}
