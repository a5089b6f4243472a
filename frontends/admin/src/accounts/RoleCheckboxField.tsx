/** The portal roles as checkboxes, bound to react-hook-form, with the shared field frame. */
import { Checkbox } from 'antd';
import { Controller, useFormContext } from 'react-hook-form';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountRoles } from '@par/contracts';
import { FormField } from '@par/ui/form';
import { ns } from '../i18n';

export interface RoleCheckboxFieldProps<T extends FieldValues> {
  name: FieldPath<T>;
  id: string;
  label: string;
}

export function RoleCheckboxField<T extends FieldValues>({
  name,
  id,
  label,
}: RoleCheckboxFieldProps<T>) {
  const { t } = useTranslation(ns);
  const { control } = useFormContext<T>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField id={id} label={label} required error={fieldState.error?.message}>
          <div id={id} data-testid={id} role="group" aria-label={label}>
            <Checkbox.Group
              value={field.value}
              onChange={(value) => field.onChange(value)}
              options={accountRoles.map((role) => ({
                value: role,
                label: <span data-testid={`${id}-${role}`}>{t(`accounts.role.${role}`)}</span>,
              }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </div>
        </FormField>
      )}
    />
  );
}
