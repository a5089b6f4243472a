/** The "Khảo sát" area: questionnaires (draft and frozen versions), campaigns, and each campaign's results. */
import { Suspense, lazy, type ReactNode } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { EmptyState, ListCard, Loading, PageHeader, type ListCardQuery } from '@par/ui';
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

/**
 * One of the area's two lists: the area's header with the list's create button (again in its
 * empty state), the tabs, then the list in its card; texts from `surveys.<list>.*`.
 */
export function SurveyListFrame({
  list,
  createTestId,
  query,
  total,
  isEmpty,
  onCreate,
  children,
}: {
  list: 'questionnaires' | 'campaigns';
  createTestId: string;
  query: ListCardQuery;
  /** The list's total once loaded. */
  total: number | undefined;
  isEmpty: boolean;
  onCreate: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation(ns);
  const create = (
    <Button type="primary" icon={<PlusOutlined />} data-testid={createTestId} onClick={onCreate}>
      {t(`surveys.${list}.create`)}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        description={t(`surveys.${list}.description`)}
        extra={create}
      />
      <SurveyTabs current={list} />
      <ListCard
        query={query}
        errorTitle={t('surveys.loadFailed')}
        isEmpty={isEmpty}
        count={total === undefined ? null : t(`surveys.${list}.count`, { count: total })}
        empty={
          <EmptyState
            testId={`${list}-empty`}
            title={t(`surveys.${list}.emptyTitle`)}
            description={t(`surveys.${list}.emptyDescription`)}
          >
            {create}
          </EmptyState>
        }
      >
        {children}
      </ListCard>
    </>
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
