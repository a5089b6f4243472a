/** The "Bộ tiêu chí" area: the list of sets, and one set in the editor. */
import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '@par/ui';

const CriteriaSetListPage = lazy(() => import('./CriteriaSetListPage'));
const CriteriaSetEditorPage = lazy(() => import('./CriteriaSetEditorPage'));

export default function CriteriaSetsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<CriteriaSetListPage />} />
        <Route path=":id" element={<CriteriaSetEditorPage />} />
      </Routes>
    </Suspense>
  );
}
