/**
 * Posts a draft policy for comment: the title, the text and the deadline in Vietnam time; the
 * admin also names the unit, an officer's own unit is taken from their token by the service.
 */
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { surveyConsultationActions, type Consultation, type Locale } from '@par/contracts';
import { applyFieldErrors, isApiError, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import {
  consultationFormFields,
  consultationFormResolver,
  emptyConsultationForm,
  toConsultationParams,
  type ConsultationFormValues,
} from './form-state';

export interface ConsultationCreateModalProps {
  open: boolean;
  /** The admin's form names the unit; an officer's has no unit field. */
  asksUnit: boolean;
  onClose: () => void;
  onCreated: (consultation: Consultation) => void;
}

const formId = 'consultation-form';

export function ConsultationCreateModal({
  open,
  asksUnit,
  onClose,
  onCreated,
}: ConsultationCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const resolver = useMemo(
    () => consultationFormResolver(() => currentLanguage() as Locale, asksUnit),
    [asksUnit],
  );
  const form = useForm<ConsultationFormValues>({
    defaultValues: emptyConsultationForm(),
    resolver,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const fields = asksUnit
    ? consultationFormFields
    : consultationFormFields.filter((field) => field !== 'unitCode');

  const close = () => {
    form.reset(emptyConsultationForm());
    setFormError(null);
    onClose();
  };

  const submit = async (values: ConsultationFormValues) => {
    setFormError(null);
    try {
      const created = await api.callAction(
        surveyConsultationActions.createConsultation,
        toConsultationParams(asksUnit ? values : { ...values, unitCode: '' }),
      );
      form.reset(emptyConsultationForm());
      onCreated(created);
    } catch (error) {
      if (!applyFieldErrors(error, form.setError, fields))
        setFormError(isApiError(error) ? error.message : String(error));
    }
  };

  return (
    <FormModal
      open={open}
      title={t('createTitle')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('createSubmit')}
      cancelLabel={t('cancel')}
      onCancel={close}
      error={formError}
      submitTestId="consultation-submit"
      errorTestId="consultation-form-error"
      onOpened={() => form.setFocus(asksUnit ? 'unitCode' : 'title')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        {asksUnit ? (
          <TextField<ConsultationFormValues>
            name="unitCode"
            id="consultation-unit"
            label={t('form.unit')}
            help={t('form.unitHelp')}
            required
            maxLength={32}
          />
        ) : null}
        <TextField<ConsultationFormValues>
          name="title"
          id="consultation-title"
          label={t('form.title')}
          required
          maxLength={300}
        />
        <TextField<ConsultationFormValues>
          name="text"
          id="consultation-text"
          label={t('form.text')}
          required
          rows={8}
          maxLength={50_000}
        />
        <TextField<ConsultationFormValues>
          name="closesAt"
          id="consultation-closes"
          type="datetime-local"
          label={t('form.closesAt')}
          help={t('form.closesHelp')}
          required
        />
      </PortalForm>
    </FormModal>
  );
}
