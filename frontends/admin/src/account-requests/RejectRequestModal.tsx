/** Rejects an account request with the reason its requester will read. */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountRequestActions } from '@par/contracts';
import type { AccountRequest } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';

interface RejectFormValues {
  reason: string;
}

export interface RejectRequestModalProps {
  request: AccountRequest | null;
  onClose: () => void;
  onRejected: (request: AccountRequest) => void;
}

const formId = 'account-request-reject-form';

export function RejectRequestModal({ request, onClose, onRejected }: RejectRequestModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<RejectFormValues>({ defaultValues: { reason: '' } });
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    form.reset({ reason: '' });
    setFormError(null);
  }, [request, form]);

  const submit = async ({ reason }: RejectFormValues) => {
    if (!request) return;
    setFormError(null);
    try {
      onRejected(
        await api.callAction(accountRequestActions.rejectAccountRequest, {
          id: request.id,
          version: request.version,
          reason,
        }),
      );
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ['reason']))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  return (
    <FormModal
      open={request !== null}
      title={t('accountRequests.reject.title', { unit: request?.unitCode })}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('accountRequests.reject.submit')}
      cancelLabel={t('accounts.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="account-request-reject-submit"
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <TextField<RejectFormValues>
          name="reason"
          id="account-request-reject-reason"
          label={t('accountRequests.reject.reason')}
          maxLength={1000}
          required
        />
      </PortalForm>
    </FormModal>
  );
}
