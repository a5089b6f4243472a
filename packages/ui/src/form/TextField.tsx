/** A text input bound to react-hook-form by name, with stable id and data-testid. */
import type { ReactNode } from 'react';
import { Input } from 'antd';
import { Controller, useFormContext } from 'react-hook-form';
import type { FieldPath, FieldValues, RegisterOptions } from 'react-hook-form';
import { FormField, errorIdOf } from './FormField';

export interface TextFieldProps<T extends FieldValues> {
  name: FieldPath<T>;
  label: ReactNode;
  /** Defaults to the field name. */
  id?: string;
  /** Defaults to the id. */
  testId?: string;
  required?: boolean;
  rules?: RegisterOptions<T, FieldPath<T>>;
  help?: ReactNode;
  placeholder?: string;
  maxLength?: number;
  autoComplete?: string;
}

export function TextField<T extends FieldValues>({
  name,
  label,
  id = name,
  testId = id,
  required,
  rules,
  help,
  placeholder,
  maxLength,
  autoComplete = 'off',
}: TextFieldProps<T>) {
  const { control } = useFormContext<T>();
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <FormField
          id={id}
          label={label}
          required={required}
          error={fieldState.error?.message}
          help={help}
        >
          <Input
            id={id}
            name={field.name}
            data-testid={testId}
            ref={field.ref}
            value={field.value ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            disabled={field.disabled}
            placeholder={placeholder}
            maxLength={maxLength}
            autoComplete={autoComplete}
            aria-required={required || undefined}
            aria-invalid={fieldState.invalid || undefined}
            aria-describedby={fieldState.error ? errorIdOf(id) : undefined}
          />
        </FormField>
      )}
    />
  );
}
