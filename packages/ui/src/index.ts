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
