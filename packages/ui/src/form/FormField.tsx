/** Label, required mark and error of one control, bound to the input by id for screen readers. */
import type { ReactNode } from 'react';
import Form from 'antd/es/form';

export interface FormFieldProps {
  id: string;
  label: ReactNode;
  required?: boolean;
  error?: string;
  help?: ReactNode;
  children: ReactNode;
}

export const errorIdOf = (id: string) => `${id}-error`;

export function FormField({ id, label, required, error, help, children }: FormFieldProps) {
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      validateStatus={error ? 'error' : undefined}
      help={
        error ? (
          <span id={errorIdOf(id)} data-testid={errorIdOf(id)} role="alert">
            {error}
          </span>
        ) : undefined
      }
      extra={help}
    >
      {children}
    </Form.Item>
  );
}
