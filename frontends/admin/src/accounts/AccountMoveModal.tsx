/** Moves an account to another unit (its `unit` attribute, and so its token's `unit` claim). */
import { useEffect, useState } from 'react';
import { Alert, Button, Modal } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountUserActions, formatMessage } from '@par/contracts';
import type { Account, Unit } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { PortalForm, SelectField, currentLanguage } from '@par/ui';
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
    <Modal
      open={account !== null}
      title={t('accounts.moveForm.title', { username: account?.username })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('accounts.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          htmlType="submit"
          form={formId}
          loading={form.formState.isSubmitting}
          data-testid="account-move-submit"
        >
          {t('accounts.save')}
        </Button>,
      ]}
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
      ) : null}
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
    </Modal>
  );
}
