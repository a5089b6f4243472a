/** The "Khảo sát" area: questionnaires (draft and frozen versions), campaigns, and each campaign's results. */
import { Suspense, lazy } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { Loading } from '@par/ui';
import { ns } from '../i18n';

const QuestionnaireListPage = lazy(() => import('./QuestionnaireListPage'));
const QuestionnaireEditorPage = lazy(() => import('./QuestionnaireEditorPage'));
const QuestionnaireVersionPage = lazy(() => import('./QuestionnaireVersionPage'));
const CampaignListPage = lazy(() => import('./CampaignListPage'));
const CampaignResultsPage = lazy(() => import('./CampaignResultsPage'));

/** Switches between the area's two lists; the pages below them link back themselves. */
export function SurveyTabs({ current }: { current: 'questionnaires' | 'campaigns' }) {
  const { t } = useTranslation(ns);
  const navigate = useNavigate();
  return (
    <Segmented
      data-testid="survey-tabs"
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(value) => void navigate(`../${value}`, { relative: 'path' })}
      options={[
        { value: 'questionnaires', label: t('surveys.tabs.questionnaires') },
        { value: 'campaigns', label: t('surveys.tabs.campaigns') },
      ]}
    />
  );
}

export default function SurveysPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<Navigate to="questionnaires" replace />} />
        <Route path="questionnaires" element={<QuestionnaireListPage />} />
        <Route path="questionnaires/:id" element={<QuestionnaireEditorPage />} />
        <Route path="questionnaires/:id/versions/:number" element={<QuestionnaireVersionPage />} />
        <Route path="campaigns" element={<CampaignListPage />} />
        <Route path="campaigns/:id" element={<CampaignResultsPage />} />
      </Routes>
    </Suspense>
  );
}
