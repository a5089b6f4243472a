/**
 * A native <form> wired to react-hook-form, laid out by Ant Design: Enter submits, the browser's
 * own validation stays off so our messages (from the catalogs or the server) are the only ones.
 */
import type { ReactNode } from 'react';
import Form from 'antd/es/form';
import { FormProvider } from 'react-hook-form';
import type { FieldValues, SubmitHandler, UseFormReturn } from 'react-hook-form';

export interface PortalFormProps<T extends FieldValues> {
  id: string;
  form: UseFormReturn<T>;
  onSubmit: SubmitHandler<T>;
  testId?: string;
  children: ReactNode;
}

export function PortalForm<T extends FieldValues>({
  id,
  form,
  onSubmit,
  testId,
  children,
}: PortalFormProps<T>) {
  return (
    <FormProvider {...form}>
      <form id={id} data-testid={testId ?? id} noValidate onSubmit={form.handleSubmit(onSubmit)}>
        <Form layout="vertical" component={false}>
          {children}
        </Form>
      </form>
    </FormProvider>
  );
}
