/** A checkbox bound to react-hook-form by name, with a stable id and data-testid. */
import type { ReactNode } from 'react';
import { Checkbox } from 'antd';
import Form from 'antd/es/form';
import { Controller, useFormContext } from 'react-hook-form';
import type { FieldPath, FieldValues } from 'react-hook-form';

export interface CheckboxFieldProps<T extends FieldValues> {
  name: FieldPath<T>;
  label: ReactNode;
  id: string;
  help?: ReactNode;
  disabled?: boolean;
}

export function CheckboxField<T extends FieldValues>({
  name,
  label,
  id,
  help,
  disabled,
}: CheckboxFieldProps<T>) {
  const { control } = useFormContext<T>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Form.Item extra={help}>
          <Checkbox
            id={id}
            data-testid={id}
            ref={field.ref}
            checked={Boolean(field.value)}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
            disabled={disabled || field.disabled}
          >
            {label}
          </Checkbox>
        </Form.Item>
      )}
    />
  );
}
