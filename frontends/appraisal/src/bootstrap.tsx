/**
 * Opened on its own (not through the shell), the remote only says where it belongs: it needs
 * the shell's login, API client and layout.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorState, PortalThemeProvider, initI18n } from '@par/ui';
import { useTranslation } from 'react-i18next';
import { ns } from './i18n';

function Standalone() {
  const { t } = useTranslation(ns);
  return (
    <main style={{ paddingTop: 64 }}>
      <ErrorState
        status="warning"
        testId="standalone"
        title={t('standalone.title')}
        description={t('standalone.description')}
      />
    </main>
  );
}

void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PortalThemeProvider>
        <Standalone />
      </PortalThemeProvider>
    </StrictMode>,
  ),
);
