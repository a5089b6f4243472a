/** A multi-line text control bound to react-hook-form by name, labelled like the shared fields. */
import type { ReactNode } from 'react';
import { Input } from 'antd';
import { Controller, useFormContext } from 'react-hook-form';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { FormField } from '@par/ui';

export interface TextAreaFieldProps<T extends FieldValues> {
  name: FieldPath<T>;
  label: ReactNode;
  id: string;
  required?: boolean;
  help?: ReactNode;
  maxLength?: number;
  rows?: number;
}

export function TextAreaField<T extends FieldValues>({
  name,
  label,
  id,
  required,
  help,
  maxLength,
  rows = 2,
}: TextAreaFieldProps<T>) {
  const { control } = useFormContext<T>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField
          id={id}
          label={label}
          required={required}
          error={fieldState.error?.message}
          help={help}
        >
          <Input.TextArea
            id={id}
            name={field.name}
            data-testid={id}
            ref={field.ref}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            disabled={field.disabled}
            maxLength={maxLength}
            autoSize={{ minRows: rows, maxRows: 8 }}
            aria-required={required || undefined}
            aria-invalid={fieldState.invalid || undefined}
            aria-describedby={fieldState.error ? `${id}-error` : undefined}
          />
        </FormField>
      )}
    />
  );
}
