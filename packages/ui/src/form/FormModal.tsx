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
  /**
   * Called once the dialog has opened, e.g. to focus the first field; not called when the user
   * is already in a field of the form (the opening animation can outlast a quick click or key).
   */
  onOpened?: () => void;
  children: ReactNode;
}

/** Whether the keyboard focus is on something inside the form with this id. */
function focusIsIn(formId: string): boolean {
  const form = document.getElementById(formId);
  return form !== null && form.contains(document.activeElement);
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
      afterOpenChange={(opened) => {
        if (opened && !focusIsIn(formId)) onOpened?.();
      }}
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
