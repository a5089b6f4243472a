/** Moves an account to another unit (its `unit` attribute, and so its token's `unit` claim). */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountUserActions, formatMessage } from '@par/contracts';
import type { Account, Unit } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { FormModal, PortalForm, SelectField } from '@par/ui/form';
import { ns } from '../i18n';

interface MoveFormValues {
  unit: string | null;
}

export interface AccountMoveModalProps {
  account: Account | null;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (account: Account) => void;
}

const formId = 'account-move-form';

export function AccountMoveModal({ account, units, onClose, onSaved }: AccountMoveModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<MoveFormValues>({ defaultValues: { unit: null } });
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    form.reset({ unit: account?.unit ?? null });
    setFormError(null);
  }, [account, form]);

  const submit = async ({ unit }: MoveFormValues) => {
    if (!account) return;
    if (!unit) {
      form.setError('unit', {
        type: 'required',
        message: formatMessage('field.required', {}, currentLanguage()),
      });
      return;
    }
    setFormError(null);
    try {
      onSaved(await api.callAction(accountUserActions.moveAccount, { id: account.id, unit }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ['unit']))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  return (
    <FormModal
      open={account !== null}
      title={t('accounts.moveForm.title', { username: account?.username })}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('accounts.save')}
      cancelLabel={t('accounts.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="account-move-submit"
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <SelectField<MoveFormValues>
          name="unit"
          id="account-move-unit"
          label={t('accounts.moveForm.unit')}
          options={units.map((unit) => ({
            value: unit.code,
            label: `${unit.code} — ${unit.name}`,
          }))}
          required
          searchable
        />
      </PortalForm>
    </FormModal>
  );
}
