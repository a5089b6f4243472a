/**
 * One look for the whole portal: Ant Design theme, its locale following the chosen language, and
 * no animations for people (and browser tests) who ask the system for reduced motion.
 */
import { useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';

export const portalTheme: ThemeConfig = {
  token: {
    colorPrimary: '#a8201a',
    colorLink: '#0b5cad',
    borderRadius: 6,
    fontSize: 15,
  },
  components: {
    Layout: { headerBg: '#ffffff', bodyBg: '#f5f6f8' },
  },
};

/** The system's wish for reduced motion; null where the browser cannot tell (e.g. jsdom). */
const reducedMotion = (): MediaQueryList | null =>
  typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)')
    : null;

function onReducedMotionChange(onChange: () => void): () => void {
  const query = reducedMotion();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the system asks for reduced motion, following changes while the page is open. */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    onReducedMotionChange,
    () => reducedMotion()?.matches ?? false,
    () => false,
  );
}

/** The same without animations (antd's `motion` token): dialogs and lists appear at once. */
const stillPortalTheme: ThemeConfig = {
  ...portalTheme,
  token: { ...portalTheme.token, motion: false },
};

export interface PortalThemeProviderProps {
  children: ReactNode;
}

export function PortalThemeProvider({ children }: PortalThemeProviderProps) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : viVN;
  const theme = usePrefersReducedMotion() ? stillPortalTheme : portalTheme;
  // antd's date pickers take month names and the first day of the week (Monday in Viet Nam)
  // from dayjs's global locale, which antd's own locale does not set.
  dayjs.locale(i18n.language === 'en' ? 'en' : 'vi');
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
