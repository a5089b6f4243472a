/** Switches the portal between Vietnamese and English; every remote follows (shared i18next). */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages } from './i18n';
import type { Language } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('ui');
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      data-testid="language-switch"
      size="small"
      value={currentLanguage()}
      onChange={(language) => void i18n.changeLanguage(language)}
      options={languages.map((language) => ({
        value: language,
        label: <span lang={language}>{language.toUpperCase()}</span>,
        title: t(`language.${language}`),
      }))}
    />
  );
}
