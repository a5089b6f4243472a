/** A full-page message when the portal cannot start: no config, no login server, login failed. */
import { ErrorState } from '@par/ui';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n';

export type StartupProblem = 'config' | 'authUnreachable' | 'authFailed';

export function StartupError({ problem }: { problem: StartupProblem }) {
  const { t } = useTranslation(shellNamespace);
  // Reload without Keycloak's answer in the URL; the wanted page is kept in sessionStorage.
  const reload = () => window.location.assign(window.location.pathname);
  return (
    <main style={{ paddingTop: 64 }}>
      <ErrorState
        status="warning"
        testId="startup-error"
        title={t(`startup.${problem}.title`)}
        description={t(`startup.${problem}.description`)}
        retryLabel={t('startup.reload')}
        onRetry={reload}
      />
    </main>
  );
}
