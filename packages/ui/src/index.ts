export { PortalThemeProvider, portalTheme } from './theme/PortalThemeProvider';
export type { PortalThemeProviderProps } from './theme/PortalThemeProvider';
export {
  initI18n,
  registerCatalog,
  currentLanguage,
  isLanguage,
  languages,
  defaultLanguage,
} from './i18n/i18n';
export type { Language, Catalog } from './i18n/i18n';
export { LanguageSwitch } from './i18n/LanguageSwitch';
export { formatScore } from './format/format-score';
export { FormModal } from './form/FormModal';
export type { FormModalProps } from './form/FormModal';
export { PortalForm } from './form/PortalForm';
export type { PortalFormProps } from './form/PortalForm';
export { FormField } from './form/FormField';
export type { FormFieldProps } from './form/FormField';
export { TextField } from './form/TextField';
export type { TextFieldProps } from './form/TextField';
export { SelectField } from './form/SelectField';
export type { SelectFieldProps, SelectOption } from './form/SelectField';
export { ErrorBoundary } from './feedback/ErrorBoundary';
export type { ErrorBoundaryProps, ErrorBoundaryFallbackProps } from './feedback/ErrorBoundary';
export { ErrorState } from './feedback/ErrorState';
export type { ErrorStateProps } from './feedback/ErrorState';
export { EmptyState } from './feedback/EmptyState';
export type { EmptyStateProps } from './feedback/EmptyState';
export { Loading } from './feedback/Loading';
export type { LoadingProps } from './feedback/Loading';
export { PageHeader } from './layout/PageHeader';
export { ListCard } from './layout/ListCard';
export type { ListCardProps, ListCardQuery } from './layout/ListCard';
export type { PageHeaderProps } from './layout/PageHeader';
export type { RemoteAppProps } from './federation/remote-app';
export { renderStandaloneNotice } from './federation/render-standalone-notice';
