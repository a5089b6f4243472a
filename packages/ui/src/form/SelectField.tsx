/** A select bound to react-hook-form by name, with stable id and data-testid; empty means null. */
import type { ReactNode } from 'react';
import Select from 'antd/es/select';
import { Controller, useFormContext } from 'react-hook-form';
import type { FieldPath, FieldValues, RegisterOptions } from 'react-hook-form';
import { FormField, errorIdOf } from './FormField';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps<T extends FieldValues> {
  name: FieldPath<T>;
  label: ReactNode;
  options: readonly SelectOption[];
  id?: string;
  testId?: string;
  required?: boolean;
  rules?: RegisterOptions<T, FieldPath<T>>;
  help?: ReactNode;
  placeholder?: string;
  /** Lets the user clear the choice and type to filter the options by label. */
  searchable?: boolean;
  loading?: boolean;
}

export function SelectField<T extends FieldValues>({
  name,
  label,
  options,
  id = name,
  testId = id,
  required,
  rules,
  help,
  placeholder,
  searchable,
  loading,
}: SelectFieldProps<T>) {
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
          <Select<string>
            id={id}
            data-testid={testId}
            ref={field.ref}
            value={field.value ?? undefined}
            onChange={(value) => field.onChange(value ?? null)}
            onBlur={field.onBlur}
            disabled={field.disabled}
            options={options as SelectOption[]}
            placeholder={placeholder}
            allowClear={!required}
            showSearch={searchable ? { optionFilterProp: 'label' } : false}
            loading={loading}
            status={fieldState.invalid ? 'error' : undefined}
            aria-required={required || undefined}
            aria-invalid={fieldState.invalid || undefined}
            aria-describedby={fieldState.error ? errorIdOf(id) : undefined}
          />
        </FormField>
      )}
    />
  );
}
