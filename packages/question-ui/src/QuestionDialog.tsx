/**
 * The dialog that routes a question to another unit (with a note), answers it (or edits the
 * answer until published) or rejects it with a reason; the contract's messages on its boxes,
 * the service's refusals too (a stale version: reload and try again).
 */
import { useEffect, useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { surveyQuestionActions as qa, type CitizenQuestion, type Locale } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { FormField } from '@par/ui/form';
import { ns } from './i18n';
import {
  dialogMessages,
  dialogParams,
  textField,
  type DialogValues,
  type QuestionDialog as Dialog,
} from './form-state';

export interface QuestionDialogProps {
  dialog: Dialog | null;
  question: CitizenQuestion | null;
  onClose: () => void;
  onDone: (question: CitizenQuestion) => void;
}

export function QuestionDialog({ dialog, question, onClose, onDone }: QuestionDialogProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const locale = currentLanguage() as Locale;
  const [values, setValues] = useState<DialogValues>({ toUnitCode: '', text: '' });
  const [messages, setMessages] = useState<Partial<Record<keyof DialogValues, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setValues({ toUnitCode: '', text: dialog === 'answer' ? (question?.answer ?? '') : '' });
    setMessages({});
    setFormError(null);
  }, [dialog, question]);

  if (!dialog || !question) return null;
  const send = (d: Dialog, q: CitizenQuestion, v: DialogValues) => {
    switch (d) {
      case 'route':
        return api.callAction(qa.routeQuestion, dialogParams('route', q, v));
      case 'answer':
        return api.callAction(qa.answerQuestion, dialogParams('answer', q, v));
      case 'reject':
        return api.callAction(qa.rejectQuestion, dialogParams('reject', q, v));
    }
  };
  const set = (change: Partial<DialogValues>) => {
    setValues({ ...values, ...change });
    setMessages({});
    setFormError(null);
  };

  const submit = async () => {
    const found = dialogMessages(dialog, question, values, locale);
    if (Object.keys(found).length > 0) return setMessages(found);
    setSaving(true);
    try {
      onDone(await send(dialog, question, values));
    } catch (caught) {
      if (!isApiError(caught)) return setFormError(String(caught));
      const byField: Partial<Record<keyof DialogValues, string>> = {};
      for (const f of caught.fields)
        if (f.field === 'toUnitCode') byField.toUnitCode = f.message;
        else if (f.field === textField[dialog]) byField.text = f.message;
      if (Object.keys(byField).length > 0) setMessages(byField);
      else setFormError(caught.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(`questions.dialog.${dialog}.title`)}
      okText={t(`questions.dialog.${dialog}.ok`)}
      okButtonProps={{ danger: dialog === 'reject', 'data-testid': 'question-dialog-ok' } as never}
      cancelText={t('questions.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{question.title}</Typography.Paragraph>
      {dialog === 'route' && (
        <FormField
          id="question-to-unit"
          label={t('questions.dialog.route.unit')}
          required
          help={t('questions.dialog.route.unitHelp', { unit: question.unitCode })}
          error={messages.toUnitCode}
        >
          <Input
            id="question-to-unit"
            data-testid="question-to-unit"
            maxLength={32}
            value={values.toUnitCode}
            onChange={(event) => set({ toUnitCode: event.target.value })}
          />
        </FormField>
      )}
      <FormField
        id="question-dialog-text"
        label={t(`questions.dialog.${dialog}.text`)}
        required
        help={t(`questions.dialog.${dialog}.help`)}
        error={messages.text}
      >
        <Input.TextArea
          id="question-dialog-text"
          data-testid="question-dialog-text"
          rows={dialog === 'answer' ? 8 : 3}
          maxLength={dialog === 'answer' ? 10_000 : 500}
          value={values.text}
          onChange={(event) => set({ text: event.target.value })}
        />
      </FormField>
      {formError && (
        <Typography.Paragraph type="danger" role="alert">
          {formError}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
