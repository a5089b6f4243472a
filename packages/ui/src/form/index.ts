/**
 * `@par/ui/form`: the form controls on react-hook-form, shared apart from `@par/ui` so that a page
 * without a form does not load antd's Form and Select (frontends/webpack.common.js).
 */
export { FormModal } from './FormModal';
export type { FormModalProps } from './FormModal';
export { PortalForm } from './PortalForm';
export type { PortalFormProps } from './PortalForm';
export { FormField } from './FormField';
export type { FormFieldProps } from './FormField';
export { TextField } from './TextField';
export type { TextFieldProps } from './TextField';
export { SelectField } from './SelectField';
export type { SelectFieldProps, SelectOption } from './SelectField';
