/** The "issue accounts" form: for one unit or every unit of a group; server errors under fields. */
import { useMemo, useRef, useState } from 'react';
import { Radio } from 'antd';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountJobActions, accountUserActions } from '@par/contracts';
import type { AccountJob, IssuedAccount, Unit } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { FormField, FormModal, PortalForm, SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  accountFormFields,
  accountFormResolver,
  emptyAccountForm,
  toAccountFormField,
  toCreateAccountsParams,
} from './form-state';
import type { AccountFormValues } from './form-state';
import { RoleCheckboxField } from './RoleCheckboxField';

export interface AccountCreateModalProps {
  open: boolean;
  units: readonly Unit[];
  onClose: () => void;
  onCreated: (issued: IssuedAccount[]) => void;
  /** A whole group is issued as a job of the service: its progress is followed from here. */
  onJobStarted: (job: AccountJob) => void;
}

const formId = 'account-form';

export function AccountCreateModal({
  open,
  units,
  onClose,
  onCreated,
  onJobStarted,
}: AccountCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const resolver = useMemo(
    () => accountFormResolver(currentLanguage, () => t('form.invalid', { ns: 'ui' })),
    [t],
  );
  const form = useForm<AccountFormValues>({ defaultValues: emptyAccountForm, resolver });
  const target = useWatch({ control: form.control, name: 'target' });
  const [formError, setFormError] = useState<string | null>(null);
  // A retry of the same form after a lost answer sends the same key, and finds the job it
  // started; a changed form is another request, with a key of its own.
  const lastAttempt = useRef<{ body: string; key: string } | null>(null);

  const unitOptions = units.map((unit) => ({
    value: unit.code,
    label: `${unit.code} — ${unit.name}`,
  }));
  // A whole group gets accounts for its units active now only, as the server issues them.
  const activeUnits = units.filter((unit) => unit.active);
  const groupOptions = [...new Set(activeUnits.map((unit) => unit.unitGroup).filter(Boolean))]
    .sort()
    .map((group) => ({
      value: group!,
      label: t('accounts.form.groupOption', {
        group,
        count: activeUnits.filter((unit) => unit.unitGroup === group).length,
      }),
    }));

  const close = () => {
    lastAttempt.current = null;
    form.reset(emptyAccountForm);
    setFormError(null);
    onClose();
  };

  const submit = async (values: AccountFormValues) => {
    setFormError(null);
    try {
      const params = toCreateAccountsParams(values);
      if (values.target === 'group') {
        const body = JSON.stringify(params);
        if (lastAttempt.current?.body !== body)
          lastAttempt.current = { body, key: crypto.randomUUID() };
        const job = await api.callAction(accountJobActions.startAccountJob, {
          ...params,
          idempotencyKey: lastAttempt.current.key,
        });
        lastAttempt.current = null;
        form.reset(emptyAccountForm);
        onJobStarted(job);
        return;
      }
      const result = await api.callAction(accountUserActions.createAccounts, params);
      form.reset(emptyAccountForm);
      onCreated(result.items);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, accountFormFields, toAccountFormField)) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return (
    <FormModal
      open={open}
      title={t('accounts.form.title')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('accounts.form.submit')}
      cancelLabel={t('accounts.cancel')}
      onCancel={close}
      error={formError}
      submitTestId="account-submit"
      errorTestId="account-form-error"
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <Controller
          control={form.control}
          name="target"
          render={({ field }) => (
            <FormField id="account-target" label={t('accounts.form.target')}>
              <Radio.Group
                id="account-target"
                data-testid="account-target"
                value={field.value}
                onChange={(event) => field.onChange(event.target.value)}
                options={[
                  { value: 'unit', label: t('accounts.form.targetUnit') },
                  { value: 'group', label: t('accounts.form.targetGroup') },
                ]}
              />
            </FormField>
          )}
        />
        {target === 'unit' ? (
          <SelectField<AccountFormValues>
            name="unitCode"
            id="account-unit"
            label={t('accounts.form.unit')}
            placeholder={t('accounts.form.unitPlaceholder')}
            options={unitOptions}
            required
            searchable
          />
        ) : (
          <SelectField<AccountFormValues>
            name="unitGroup"
            id="account-unit-group"
            label={t('accounts.form.unitGroup')}
            help={t('accounts.form.unitGroupHelp')}
            placeholder={t('accounts.form.unitGroupPlaceholder')}
            options={groupOptions}
            required
            // Groups are named per index and year, so a province soon has more than fit the list.
            searchable
          />
        )}
        <RoleCheckboxField<AccountFormValues>
          name="roles"
          id="account-roles"
          label={t('accounts.form.roles')}
        />
        {target === 'unit' ? (
          <>
            <TextField<AccountFormValues>
              name="username"
              id="account-username"
              label={t('accounts.form.username')}
              help={t('accounts.form.usernameHelp')}
              maxLength={64}
            />
            <TextField<AccountFormValues>
              name="lastName"
              id="account-last-name"
              label={t('accounts.form.lastName')}
              maxLength={100}
            />
            <TextField<AccountFormValues>
              name="firstName"
              id="account-first-name"
              label={t('accounts.form.firstName')}
              maxLength={100}
            />
            <TextField<AccountFormValues>
              name="email"
              id="account-email"
              label={t('accounts.form.email')}
              help={t('accounts.form.emailHelp')}
              maxLength={200}
            />
          </>
        ) : null}
      </PortalForm>
    </FormModal>
  );
}
