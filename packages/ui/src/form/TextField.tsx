/** A text input, or with `rows` a growing text area, bound to react-hook-form by name, with stable id and data-testid. */
import type { ReactNode } from 'react';
import { Input } from 'antd';
import { Controller, useFormContext } from 'react-hook-form';
import type {
  ControllerRenderProps,
  FieldPath,
  FieldValues,
  RegisterOptions,
} from 'react-hook-form';
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
  /** Makes the control a text area that grows from this many lines up to eight. */
  rows?: number;
  /** A one-line control's kind: `datetime-local` takes a wall-clock time (`YYYY-MM-DDTHH:mm`). */
  type?: 'text' | 'datetime-local';
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
  rows,
  type = 'text',
}: TextFieldProps<T>) {
  const { control } = useFormContext<T>();
  // What the one-line and the multi-line control share: binding, limits and accessibility.
  const common = (
    field: ControllerRenderProps<T, FieldPath<T>>,
    invalid: boolean,
    hasError: boolean,
  ) => ({
    id,
    name: field.name,
    'data-testid': testId,
    ref: field.ref,
    value: field.value ?? '',
    onChange: field.onChange,
    onBlur: field.onBlur,
    disabled: field.disabled,
    maxLength,
    'aria-required': required || undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': hasError ? errorIdOf(id) : undefined,
  });
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
          {rows === undefined ? (
            <Input
              {...common(field, fieldState.invalid, fieldState.error !== undefined)}
              type={type}
              placeholder={placeholder}
              autoComplete={autoComplete}
            />
          ) : (
            <Input.TextArea
              {...common(field, fieldState.invalid, fieldState.error !== undefined)}
              placeholder={placeholder}
              autoSize={{ minRows: rows, maxRows: 8 }}
            />
          )}
        </FormField>
      )}
    />
  );
}
