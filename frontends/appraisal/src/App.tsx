/** The remote's one exposed module: its routes, relative to where the shell mounts it. */
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '@par/ui';
import type { RemoteAppProps } from '@par/ui';
import './i18n';
import { BasePathContext } from './base-path';
import { appraisalRoutes } from './routes';

const WorklistPage = lazy(() => import('./worklist/WorklistPage'));
const UnitAppraisalPage = lazy(() => import('./unit-appraisal/UnitAppraisalPage'));

export default function App({ basePath }: RemoteAppProps) {
  return (
    <BasePathContext.Provider value={basePath}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<WorklistPage />} />
          <Route path={appraisalRoutes.unit.path} element={<UnitAppraisalPage />} />
          <Route path="*" element={<Navigate to={basePath} replace />} />
        </Routes>
      </Suspense>
    </BasePathContext.Provider>
  );
}
