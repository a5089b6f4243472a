/**
 * One remote in its area: loaded lazily behind Suspense, and behind an error boundary so that a
 * remote that is down (or crashes) leaves the rest of the portal working.
 */
import { Suspense, lazy, useMemo, useState } from 'react';
import { ErrorBoundary, ErrorState, Loading } from '@par/ui';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n';
import type { Area } from '../navigation/areas';
import type { RemoteEntry } from '../startup/runtime-config';
import { loadRemoteApp } from './remote-loader';

export interface RemoteAreaProps {
  area: Area;
  remote: RemoteEntry | undefined;
}

export function RemoteArea({ area, remote }: RemoteAreaProps) {
  const { t } = useTranslation(shellNamespace);
  const [attempt, setAttempt] = useState(0);
  const areaName = t(`nav.${area.key}`);
  const RemoteApp = useMemo(
    () => (remote ? lazy(() => loadRemoteApp(remote, attempt > 0)) : null),
    [remote, attempt],
  );

  if (!RemoteApp) {
    return (
      <ErrorState
        status="warning"
        testId="remote-unavailable"
        title={t('remote.unavailableTitle', { area: areaName })}
        description={t('remote.notConfiguredDescription')}
      />
    );
  }
  return (
    <ErrorBoundary
      key={attempt}
      onError={(error) => console.error(`[shell] remote ${remote?.name} failed`, error)}
      fallback={() => (
        <ErrorState
          status="warning"
          testId="remote-unavailable"
          title={t('remote.unavailableTitle', { area: areaName })}
          description={t('remote.unavailableDescription')}
          retryLabel={t('remote.retry')}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
    >
      <Suspense
        fallback={
          <Loading testId="remote-loading" label={t('remote.loading', { area: areaName })} />
        }
      >
        <RemoteApp basePath={area.path} />
      </Suspense>
    </ErrorBoundary>
  );
}
