/** The remote's one exposed module: its routes, relative to where the shell mounts it. */
import { Navigate, Route, Routes } from 'react-router';
import type { RemoteAppProps } from '@par/ui';
import './i18n';
import LandingPage from './landing/LandingPage';
import AccountRequestsPage from './account-requests/AccountRequestsPage';
import EvidencePanelPage from './evidence/EvidencePanelPage';

export default function App({ basePath }: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<LandingPage />} />
      <Route path="account-requests" element={<AccountRequestsPage />} />
      <Route path="evidence/:periodId" element={<EvidencePanelPage />} />
      <Route path="*" element={<Navigate to={basePath} replace />} />
    </Routes>
  );
}
