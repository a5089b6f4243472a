/**
 * The «Góp ý dự thảo» area, mounted by the admin remote (every unit's drafts) and by the
 * self-assessment remote (the officer's own unit's): the list, and each draft's moderation.
 */
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '@par/ui';
import type { ConsultationScope } from './scope';

const ConsultationListPage = lazy(() => import('./list/ConsultationListPage'));
const ConsultationDetailPage = lazy(() => import('./detail/ConsultationDetailPage'));

export interface ConsultationsAreaProps {
  scope: ConsultationScope;
}

export function ConsultationsArea({ scope }: ConsultationsAreaProps) {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<ConsultationListPage scope={scope} />} />
        <Route path=":id" element={<ConsultationDetailPage />} />
        <Route path="*" element={<Navigate to="." replace />} />
      </Routes>
    </Suspense>
  );
}
