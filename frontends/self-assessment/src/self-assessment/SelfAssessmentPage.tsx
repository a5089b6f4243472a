/**
 * "Tự đánh giá" of one period: the unit's criteria tree with live totals and progress, every
 * leaf's input with autosave, other officers' saves, and the approver's actions.
 */
import { Suspense, lazy, useMemo } from 'react';
import { Alert, Breadcrumb, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '@par/auth';
import { unitApproverRole } from '@par/contracts';
import { ErrorState, Loading, PageHeader } from '@par/ui';
import { EntryPageState, leafOrder, useEntryPage } from '@par/entry-ui';
import { useBasePath } from '../base-path';
import { ns } from '../i18n';
import { DeadlineLine } from '../shared/DeadlineLine';
import { CriteriaTree } from './CriteriaTree';
import type { EntryStore } from './entry-store';
import { ProgressSummary } from './ProgressSummary';
import { ReadOnlyNotice } from './ReadOnlyNotice';
import { useSelfAssessment } from './use-self-assessment';

const ApproverPanel = lazy(() => import('./ApproverPanel'));

export default function SelfAssessmentPage() {
  const { t } = useTranslation(ns);
  const { periodId = '' } = useParams();
  const basePath = useBasePath();
  const { query, data, store, readOnlyNow, refusal } = useSelfAssessment(periodId);

  if (query.error && !data)
    return (
      <ErrorState
        testId="self-assessment-error"
        title={t('page.loadFailed')}
        description={query.error.message}
        onRetry={query.reload}
      />
    );
  if (!data || !store) return <Loading />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={basePath}>{t('title')}</Link> }, { title: data.period.name }]}
      />
      <Loaded
        data={data}
        store={store}
        readOnly={data.readOnly !== null || readOnlyNow}
        refusal={refusal}
        reload={query.reload}
      />
    </>
  );
}

interface LoadedProps {
  data: NonNullable<ReturnType<typeof useSelfAssessment>['data']>;
  store: EntryStore;
  readOnly: boolean;
  /** Why a save was refused and the fields locked (e.g. submitted meanwhile): the typed change is not kept. */
  refusal: string | null;
  reload: () => void;
}

function Loaded({ data, store, readOnly, refusal, reload }: LoadedProps) {
  const { t } = useTranslation(ns);
  const { hasRole } = useAuth();
  const order = useMemo(() => leafOrder(store.nodes), [store]);
  const linkedSources = useMemo(
    () => new Map(data.linkedSources.map((source) => [source.criterionCode, source])),
    [data.linkedSources],
  );
  const { pageState, onKeyDown } = useEntryPage(store, order);

  return (
    <div onKeyDown={onKeyDown}>
      <PageHeader
        title={data.period.name}
        description={
          <>
            {data.unit.name} · {data.criteriaSet.name}
            {data.period.deadline ? (
              <span style={{ display: 'block' }}>
                <DeadlineLine deadline={data.period.deadline} testId="page-deadline" />
              </span>
            ) : null}
          </>
        }
        extra={<EntryPageState state={pageState} hint={t('keyboard.hint')} />}
      />
      <Flex vertical gap={16}>
        {refusal ? (
          <Alert type="warning" showIcon message={refusal} data-testid="save-refused" />
        ) : null}
        <ReadOnlyNotice data={data} />
        <ProgressSummary store={store} />
        {hasRole(unitApproverRole) ? (
          <Suspense fallback={null}>
            <ApproverPanel data={data} store={store} onChanged={reload} />
          </Suspense>
        ) : null}
        {order.length === 0 ? (
          <Typography.Text type="secondary" data-testid="no-criteria">
            {t('page.noCriteria')}
          </Typography.Text>
        ) : (
          <CriteriaTree
            store={store}
            periodId={data.period.periodId}
            readOnly={readOnly}
            firstLeaf={order[0] ?? null}
            linkedSources={linkedSources}
          />
        )}
      </Flex>
    </div>
  );
}
