/** The form of a new account request: the unit, one or more people, and why. */
import { useEffect, useState } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountRequestActions } from '@par/contracts';
import type { AccountRequest } from '@par/contracts';
import { applyFieldErrors, isApiError, useActionQuery, useApiClient } from '@par/client';
import { FormModal, PortalForm, SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { emptyPerson, initialValues, toParams, type RequestFormValues } from './form-state';

export interface AccountRequestModalProps {
  open: boolean;
  /** The requester's own unit, chosen at first; the others below it are offered too. */
  unitCode: string | null;
  onClose: () => void;
  onCreated: (request: AccountRequest) => void;
}

const formId = 'account-request-form';

export function AccountRequestModal({
  open,
  unitCode,
  onClose,
  onCreated,
}: AccountRequestModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const form = useForm<RequestFormValues>({ defaultValues: initialValues(unitCode) });
  const people = useFieldArray({ control: form.control, name: 'people' });
  // Only the approver's own subtree is offered, so a unit they may not ask for cannot be picked.
  const units = useActionQuery(accountRequestActions.listRequestableUnits, {}, { enabled: open });
  const unitOptions = (units.data?.items ?? []).map((unit) => ({
    value: unit.code,
    label: `${unit.code} — ${unit.name}`,
  }));
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (open) form.reset(initialValues(unitCode));
    setFormError(null);
  }, [open, unitCode, form]);

  const submit = async (values: RequestFormValues) => {
    setFormError(null);
    try {
      onCreated(await api.callAction(accountRequestActions.createAccountRequest, toParams(values)));
    } catch (error) {
      const fields = [
        'unitCode',
        'reason',
        ...values.people.flatMap((_, i) => [`people.${i}.fullName`, `people.${i}.email`]),
      ] as FieldPath<RequestFormValues>[];
      if (!applyFieldErrors(error, form.setError, fields))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  return (
    <FormModal
      open={open}
      title={t('accountRequests.form.title')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('accountRequests.form.submit')}
      cancelLabel={t('accountRequests.form.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId="account-request-submit"
      errorTestId="account-request-error"
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <SelectField<RequestFormValues>
          name="unitCode"
          id="account-request-unit"
          label={t('accountRequests.form.unit')}
          help={
            units.error
              ? units.error.message
              : !units.loading && unitOptions.length === 0
                ? t('accountRequests.form.noUnits')
                : t('accountRequests.form.unitHelp')
          }
          options={unitOptions}
          loading={units.loading}
          placeholder={t('accountRequests.form.unitPlaceholder')}
          searchable
          required
        />
        {people.fields.map((field, i) => (
          <Card
            key={field.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={t('accountRequests.form.person', { n: i + 1 })}
            extra={
              people.fields.length > 1 ? (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => people.remove(i)}
                  aria-label={t('accountRequests.form.removePerson')}
                />
              ) : null
            }
          >
            <TextField<RequestFormValues>
              name={`people.${i}.fullName`}
              id={`account-request-person-${i}-name`}
              label={t('accountRequests.form.fullName')}
              maxLength={100}
              required
            />
            <TextField<RequestFormValues>
              name={`people.${i}.email`}
              id={`account-request-person-${i}-email`}
              label={t('accountRequests.form.email')}
              autoComplete="email"
            />
            <SelectField<RequestFormValues>
              name={`people.${i}.kind`}
              id={`account-request-person-${i}-kind`}
              label={t('accountRequests.form.role')}
              options={[
                { value: 'dataEntry', label: t('accountRequests.role.dataEntry') },
                { value: 'approver', label: t('accountRequests.role.approver') },
              ]}
              required
            />
          </Card>
        ))}
        <Flex style={{ marginBottom: 16 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => people.append(emptyPerson())}
            data-testid="account-request-add-person"
          >
            {t('accountRequests.form.addPerson')}
          </Button>
        </Flex>
        <TextField<RequestFormValues>
          name="reason"
          id="account-request-reason"
          label={t('accountRequests.form.reason')}
          maxLength={1000}
          required
        />
      </PortalForm>
    </FormModal>
  );
}
