/** Rejects a pending comment with the reason the moderators will read (never shown publicly). */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ConsultationComment } from '@par/contracts';
import { applyFieldErrors, isApiError } from '@par/client';
import { FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';

interface RejectFormValues {
  reason: string;
}

export interface RejectCommentModalProps {
  /** The comment being rejected; null keeps the dialog closed. */
  comment: ConsultationComment | null;
  onReject: (comment: ConsultationComment, reason: string) => Promise<void>;
  onClose: () => void;
}

const formId = 'comment-reject-form';

export function RejectCommentModal({ comment, onReject, onClose }: RejectCommentModalProps) {
  const { t } = useTranslation(ns);
  const form = useForm<RejectFormValues>({ defaultValues: { reason: '' } });
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    form.reset({ reason: '' });
    setFormError(null);
  }, [comment, form]);

  const submit = async ({ reason }: RejectFormValues) => {
    if (!comment) return;
    setFormError(null);
    try {
      await onReject(comment, reason);
      onClose();
    } catch (error) {
      // The contract's own message ("give the reason…") comes back on the `reason` field.
      if (!applyFieldErrors(error, form.setError, ['reason']))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  return (
    <FormModal
      open={comment !== null}
      title={t('rejectTitle')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('reject')}
      cancelLabel={t('cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="reject-confirm"
      errorTestId="reject-error"
      onOpened={() => form.setFocus('reason')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <TextField<RejectFormValues>
          name="reason"
          id="reject-reason"
          label={t('reason')}
          help={t('reasonHelp')}
          required
          rows={3}
          maxLength={500}
        />
      </PortalForm>
    </FormModal>
  );
}
