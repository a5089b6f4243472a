/**
 * The remote's one exposed module (admins, in the shell): a unit's survey link and QR code, and
 * the surveyors' direct form that keeps working offline.
 */
import { Navigate, Route, Routes } from 'react-router';
import type { RemoteAppProps } from '@par/ui';
import './i18n';
import SurveyLinksPage from './links/SurveyLinksPage';
import DirectSurveyPage from './direct/DirectSurveyPage';

export default function App({ basePath }: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<SurveyLinksPage />} />
      <Route path="truc-tiep/:campaignId/:unitCode" element={<DirectSurveyPage />} />
      <Route path="*" element={<Navigate to={basePath} replace />} />
    </Routes>
  );
}
