/**
 * The "Góp ý dự thảo" area: draft policies put out for comment, each one's moderation queue
 * (approve, or reject with a reason) and the summary published after the deadline.
 */
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '@par/ui';

const ConsultationListPage = lazy(() => import('./ConsultationListPage'));
const ConsultationDetailPage = lazy(() => import('./ConsultationDetailPage'));

export default function ConsultationsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<ConsultationListPage />} />
        <Route path=":id" element={<ConsultationDetailPage />} />
        <Route path="*" element={<Navigate to="." replace />} />
      </Routes>
    </Suspense>
  );
}
