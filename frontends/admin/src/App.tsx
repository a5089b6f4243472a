/** The admin remote's one exposed module: its sections and routes, below the shell's `/admin`. */
import { Suspense, lazy } from 'react';
import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from '@par/ui';
import type { RemoteAppProps } from '@par/ui';
import { ns } from './i18n';
import { adminRoutes } from './routes';
import type { AdminSection } from './routes';

const UnitsPage = lazy(() => import('./units/UnitsPage'));
const AccountsPage = lazy(() => import('./accounts/AccountsPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const AccountRequestsPage = lazy(() => import('./account-requests/AccountRequestsPage'));
const CriteriaSetsPage = lazy(() => import('./criteria-sets/CriteriaSetsPage'));
const PeriodsPage = lazy(() => import('./periods/PeriodsPage'));
const AssignmentsPage = lazy(() => import('./assignments/AssignmentsPage'));
const AppraisalProgressPage = lazy(() => import('./appraisal-progress/AppraisalProgressPage'));
const ResultsPage = lazy(() => import('./results/ResultsPage'));
const SurveysPage = lazy(() => import('./surveys/SurveysPage'));
const ConsultationsPage = lazy(() => import('./consultations/ConsultationsPage'));
const QuestionsPage = lazy(() => import('./questions/QuestionsPage'));

export default function App({ basePath }: RemoteAppProps) {
  const { t } = useTranslation(ns);
  const { pathname } = useLocation();
  const sections = Object.keys(adminRoutes) as AdminSection[];
  const active = sections.filter((section) =>
    pathname.startsWith(adminRoutes[section].to(basePath)),
  );

  return (
    <Layout hasSider style={{ background: 'transparent', gap: 24 }}>
      <Layout.Sider
        width={200}
        theme="light"
        breakpoint="md"
        collapsedWidth={0}
        style={{ background: 'transparent' }}
      >
        <nav aria-label={t('menu.label')}>
          <Menu
            mode="inline"
            selectedKeys={active}
            style={{ borderInlineEnd: 'none', borderRadius: 8 }}
            items={sections.map((section) => ({
              key: section,
              label: <Link to={adminRoutes[section].to(basePath)}>{t(`menu.${section}`)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout.Content style={{ minWidth: 0 }}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route index element={<Navigate to={adminRoutes.units.path} replace />} />
            <Route path={adminRoutes.units.path} element={<UnitsPage />} />
            <Route path={adminRoutes.accounts.path} element={<AccountsPage />} />
            <Route path={adminRoutes.audit.path} element={<AuditPage />} />
            <Route path={adminRoutes.accountRequests.path} element={<AccountRequestsPage />} />
            <Route path={`${adminRoutes.criteriaSets.path}/*`} element={<CriteriaSetsPage />} />
            <Route path={`${adminRoutes.periods.path}/*`} element={<PeriodsPage />} />
            <Route path={adminRoutes.assignments.path} element={<AssignmentsPage />} />
            <Route
              path={`${adminRoutes.appraisalProgress.path}/:periodId?`}
              element={<AppraisalProgressPage />}
            />
            <Route path={adminRoutes.results.path} element={<ResultsPage />} />
            <Route path={`${adminRoutes.surveys.path}/*`} element={<SurveysPage />} />
            <Route path={`${adminRoutes.consultations.path}/*`} element={<ConsultationsPage />} />
            <Route path={adminRoutes.questions.path} element={<QuestionsPage />} />
            <Route path="*" element={<Navigate to={adminRoutes.units.to(basePath)} replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
