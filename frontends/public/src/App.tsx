/** The remote's one exposed module (admins, in the shell): the survey links and their QR codes. */
import { Navigate, Route, Routes } from 'react-router';
import type { RemoteAppProps } from '@par/ui';
import './i18n';
import SurveyLinksPage from './links/SurveyLinksPage';

export default function App({ basePath }: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<SurveyLinksPage />} />
      <Route path="*" element={<Navigate to={basePath} replace />} />
    </Routes>
  );
}
