/** Grants and removes an account's portal roles; the server's refusal shows in the form. */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountUserActions } from '@par/contracts';
import type { Account, AccountRole } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { FormModal, PortalForm } from '@par/ui/form';
import { ns } from '../i18n';
import { toAccountFormField } from './form-state';
import { RoleCheckboxField } from './RoleCheckboxField';

interface RolesFormValues {
  roles: AccountRole[];
}

export interface AccountRolesModalProps {
  account: Account | null;
  onClose: () => void;
  onSaved: (account: Account) => void;
}

const formId = 'account-roles-form';

export function AccountRolesModal({ account, onClose, onSaved }: AccountRolesModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<RolesFormValues>({ defaultValues: { roles: [] } });
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    form.reset({ roles: account?.roles ?? [] });
    setFormError(null);
  }, [account, form]);

  const submit = async ({ roles }: RolesFormValues) => {
    if (!account) return;
    setFormError(null);
    try {
      onSaved(await api.callAction(accountUserActions.setAccountRoles, { id: account.id, roles }));
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, ['roles'], toAccountFormField))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  return (
    <FormModal
      open={account !== null}
      title={t('accounts.rolesForm.title', { username: account?.username })}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('accounts.save')}
      cancelLabel={t('accounts.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="account-roles-submit"
      errorTestId="account-roles-error"
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <RoleCheckboxField<RolesFormValues>
          name="roles"
          id="account-roles-edit"
          label={t('accounts.form.roles')}
        />
      </PortalForm>
    </FormModal>
  );
}
