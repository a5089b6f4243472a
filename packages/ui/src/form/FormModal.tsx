/**
 * A dialog holding one form: the form's own submit button in the footer (so Enter and the
 * button submit the same way), a cancel button, and the error that belongs to no field above
 * the form.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Modal } from 'antd';

export interface FormModalProps {
  open: boolean;
  title: ReactNode;
  /** The `id` of the form inside, which the footer's submit button submits. */
  formId: string;
  submitting: boolean;
  submitLabel: ReactNode;
  cancelLabel: ReactNode;
  onCancel: () => void;
  /** A server error not tied to a field; shown above the form. */
  error?: ReactNode;
  submitTestId?: string;
  errorTestId?: string;
  /** Called once the dialog has opened, e.g. to focus the first field. */
  onOpened?: () => void;
  children: ReactNode;
}

export function FormModal({
  open,
  title,
  formId,
  submitting,
  submitLabel,
  cancelLabel,
  onCancel,
  error,
  submitTestId,
  errorTestId,
  onOpened,
  children,
}: FormModalProps) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      afterOpenChange={(opened) => opened && onOpened?.()}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {cancelLabel}
        </Button>,
        <Button
          key="submit"
          type="primary"
          htmlType="submit"
          form={formId}
          loading={submitting}
          data-testid={submitTestId}
        >
          {submitLabel}
        </Button>,
      ]}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid={errorTestId}
        />
      ) : null}
      {children}
    </Modal>
  );
}
