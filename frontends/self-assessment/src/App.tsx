/** The remote's one exposed module: its routes, relative to where the shell mounts it. */
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '@par/ui';
import type { RemoteAppProps } from '@par/ui';
import './i18n';
import { BasePathContext } from './base-path';
import { selfAssessmentRoutes } from './routes';

const UnitPeriodsPage = lazy(() => import('./unit-periods/UnitPeriodsPage'));
const SelfAssessmentPage = lazy(() => import('./self-assessment/SelfAssessmentPage'));
const ClarificationPage = lazy(() => import('./clarification/ClarificationPage'));
const AccountRequestsPage = lazy(() => import('./account-requests/AccountRequestsPage'));
const EvidencePanelPage = lazy(() => import('./evidence/EvidencePanelPage'));
const ConsultationsPage = lazy(() => import('./consultations/ConsultationsPage'));
const QuestionsPage = lazy(() => import('./questions/QuestionsPage'));

export default function App({ basePath }: RemoteAppProps) {
  return (
    <BasePathContext.Provider value={basePath}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<UnitPeriodsPage />} />
          <Route path={selfAssessmentRoutes.period.path} element={<SelfAssessmentPage />} />
          <Route path={selfAssessmentRoutes.clarification.path} element={<ClarificationPage />} />
          <Route
            path={selfAssessmentRoutes.accountRequests.path}
            element={<AccountRequestsPage />}
          />
          <Route path="evidence/:periodId" element={<EvidencePanelPage />} />
          <Route
            path={`${selfAssessmentRoutes.consultations.path}/*`}
            element={<ConsultationsPage />}
          />
          <Route path={selfAssessmentRoutes.questions.path} element={<QuestionsPage />} />
          <Route path="*" element={<Navigate to={basePath} replace />} />
        </Routes>
      </Suspense>
    </BasePathContext.Provider>
  );
}
