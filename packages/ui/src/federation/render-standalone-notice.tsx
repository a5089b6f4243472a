/**
 * What a remote shows when opened on its own (not through the shell): only where it belongs,
 * since it needs the shell's login, API client and layout. Texts come from the remote's own
 * catalog namespace (`standalone.title`, `standalone.description`).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../feedback/ErrorState';
import { initI18n } from '../i18n/i18n';
import { PortalThemeProvider } from '../theme/PortalThemeProvider';

function StandaloneNotice({ ns }: { ns: string }) {
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

export async function renderStandaloneNotice(ns: string): Promise<void> {
  await initI18n();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PortalThemeProvider>
        <StandaloneNotice ns={ns} />
      </PortalThemeProvider>
    </StrictMode>,
  );
}
