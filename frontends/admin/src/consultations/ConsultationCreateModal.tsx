/**
 * Posts a draft policy for comment: the unit (the admin names it; an officer's own unit is
 * taken from their account), the title, the text and the deadline in Vietnam time.
 */
import { useState } from 'react';
import { Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { surveyConsultationActions } from '@par/contracts';
import type { Consultation, Locale } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { FormField, currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import {
  consultationMessages,
  emptyConsultationForm,
  toConsultationParams,
  type ConsultationFormValues,
  type ConsultationMessages,
} from './form-state';

export interface ConsultationCreateModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (consultation: Consultation) => void;
}

const fields = ['unitCode', 'title', 'text', 'closesAt'] as const;

export function ConsultationCreateModal({
  open,
  onClose,
  onCreated,
}: ConsultationCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const locale = currentLanguage() as Locale;
  const [values, setValues] = useState<ConsultationFormValues>(emptyConsultationForm());
  const [messages, setMessages] = useState<ConsultationMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<ConsultationFormValues>) => {
    setValues({ ...values, ...change });
    setMessages({});
    setFormError(null);
  };

  const submit = async () => {
    const found = consultationMessages(values, locale);
    if (Object.keys(found).length > 0) return setMessages(found);
    setSaving(true);
    try {
      const created = await api.callAction(
        surveyConsultationActions.createConsultation,
        toConsultationParams(values),
      );
      setValues(emptyConsultationForm());
      onCreated(created);
    } catch (caught) {
      if (!isApiError(caught)) return setFormError(String(caught));
      const byField: ConsultationMessages = {};
      for (const { field, message } of caught.fields)
        if ((fields as readonly string[]).includes(field))
          byField[field as (typeof fields)[number]] ??= message;
      setMessages(byField);
      if (Object.keys(byField).length === 0) setFormError(caught.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('consultations.createTitle')}
      okText={t('consultations.createSubmit')}
      cancelText={t('consultations.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'consultation-submit' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
      width={720}
    >
      {formError ? (
        <div role="alert" data-testid="consultation-form-error" style={{ color: '#cf1322' }}>
          {formError}
        </div>
      ) : null}
      <FormField
        id="consultation-unit"
        label={t('consultations.form.unit')}
        help={t('consultations.form.unitHelp')}
        error={messages.unitCode}
      >
        <Input
          id="consultation-unit"
          data-testid="consultation-unit"
          value={values.unitCode}
          maxLength={32}
          onChange={(event) => set({ unitCode: event.target.value })}
          style={{ width: 200 }}
        />
      </FormField>
      <FormField
        id="consultation-title"
        label={t('consultations.form.title')}
        required
        error={messages.title}
      >
        <Input
          id="consultation-title"
          data-testid="consultation-title"
          value={values.title}
          maxLength={300}
          onChange={(event) => set({ title: event.target.value })}
        />
      </FormField>
      <FormField
        id="consultation-text"
        label={t('consultations.form.text')}
        required
        error={messages.text}
      >
        <Input.TextArea
          id="consultation-text"
          data-testid="consultation-text"
          value={values.text}
          rows={8}
          maxLength={50_000}
          onChange={(event) => set({ text: event.target.value })}
        />
      </FormField>
      <FormField
        id="consultation-closes"
        label={t('consultations.form.closesAt')}
        required
        help={t('consultations.form.closesHelp')}
        error={messages.closesAt}
      >
        <Input
          id="consultation-closes"
          data-testid="consultation-closes"
          type="datetime-local"
          value={values.closesAt}
          onChange={(event) => set({ closesAt: event.target.value })}
          style={{ width: 240 }}
        />
      </FormField>
    </Modal>
  );
}
