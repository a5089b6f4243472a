/** The shell's routes: `/` opens the user's first area; each area is one remote. */
import { useAuth } from '@par/auth';
import { ErrorState } from '@par/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import { shellNamespace } from '../i18n';
import { PortalLayout } from '../layout/PortalLayout';
import { areas, areasFor } from '../navigation/areas';
import type { Area } from '../navigation/areas';
import { RemoteArea } from '../remotes/RemoteArea';
import type { RemoteEntry } from '../startup/runtime-config';

export function AppRoutes({ remotes }: { remotes: readonly RemoteEntry[] }) {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<Home />} />
        {areas.map((area) => (
          <Route
            key={area.key}
            path={`${area.path}/*`}
            element={
              <RequireRole area={area}>
                <RemoteArea
                  key={area.key}
                  area={area}
                  remote={remotes.find((r) => r.name === area.remote)}
                />
              </RequireRole>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function Home() {
  const { t } = useTranslation(shellNamespace);
  const { user, hasRole } = useAuth();
  const first = areasFor(hasRole)[0];
  if (first) return <Navigate to={first.path} replace />;
  return (
    <ErrorState
      status="warning"
      testId="no-role"
      title={t('noRole.title')}
      description={t('noRole.description', { username: user.username })}
    />
  );
}

function RequireRole({ area, children }: { area: Area; children: ReactNode }) {
  const { t } = useTranslation(shellNamespace);
  const { hasRole } = useAuth();
  if (hasRole(area.role)) return children;
  return (
    <ErrorState
      status="warning"
      testId="forbidden"
      title={t('forbidden.title')}
      description={t('forbidden.description', { area: t(`nav.${area.key}`) })}
    />
  );
}

function NotFound() {
  const { t } = useTranslation(shellNamespace);
  return (
    <ErrorState
      status="warning"
      testId="not-found"
      title={t('notFound.title')}
      description={
        <>
          {t('notFound.description')} <Link to="/">{t('home')}</Link>
        </>
      }
    />
  );
}
