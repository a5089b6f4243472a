/**
 * The dialog every change to an existing unit (edit, rename, deactivate, split, merge) opens in: its form
 * from `useLifecycleForm`, its texts and testids named after the change, and the note that says
 * what the change keeps when it has one.
 */
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormModal, PortalForm } from '@par/ui/form';
import { ns } from '../i18n';

export type LifecycleChange = 'edit' | 'rename' | 'deactivate' | 'split' | 'merge';

export interface LifecycleModalProps<V extends FieldValues> {
  change: LifecycleChange;
  open: boolean;
  title: ReactNode;
  /** Defaults to `units.<change>.submit`. */
  submitLabel?: ReactNode;
  form: UseFormReturn<V>;
  formError: string | null;
  onClose: () => void;
  onSubmit: (values: V) => Promise<void>;
  /** Focused once the dialog has opened. */
  focus?: () => void;
  /** Shows `units.<change>.note` above the form. */
  note?: boolean;
  children: ReactNode;
}

export function LifecycleModal<V extends FieldValues>({
  change,
  open,
  title,
  submitLabel,
  form,
  formError,
  onClose,
  onSubmit,
  focus,
  note,
  children,
}: LifecycleModalProps<V>) {
  const { t } = useTranslation(ns);
  const formId = `unit-${change}-form`;
  return (
    <FormModal
      open={open}
      title={title}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={submitLabel ?? t(`units.${change}.submit`)}
      cancelLabel={t('units.form.cancel')}
      onCancel={onClose}
      error={formError}
      submitTestId={`unit-${change}-submit`}
      errorTestId={`unit-${change}-error`}
      onOpened={focus}
    >
      {note ? (
        <Alert
          type="info"
          showIcon
          title={t(`units.${change}.note`)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <PortalForm id={formId} form={form} onSubmit={onSubmit}>
        {children}
      </PortalForm>
    </FormModal>
  );
}
