/** One look for the whole portal: Ant Design theme, its locale following the chosen language. */
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

export interface PortalThemeProviderProps {
  children: ReactNode;
}

export function PortalThemeProvider({ children }: PortalThemeProviderProps) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : viVN;
  // antd's date pickers take month names and the first day of the week (Monday in Viet Nam)
  // from dayjs's global locale, which antd's own locale does not set.
  dayjs.locale(i18n.language === 'en' ? 'en' : 'vi');
  return (
    <ConfigProvider locale={locale} theme={portalTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
