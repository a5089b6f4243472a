/** The "Kết quả" page: a period's draft ranking, what blocks it, and its publications. */
import { Suspense, lazy, useState } from 'react';
import { App as AntApp, Button, Card, Flex, Typography } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { periodActions } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ErrorState, Loading, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { BlockersCard } from './BlockersCard';
import { ConsolidationCard } from './ConsolidationCard';
import { ComparisonCard } from './past-results/ComparisonCard';
import { PublicationsCard } from './PublicationsCard';
import { ResultsExportButtons } from './ResultsExportButtons';
import { ResultsSettingsCard } from './settings/ResultsSettingsCard';
import { usePeriodResults } from './use-period-results';

// The charts are their own chunk: the table does not wait for them.
const ResultsChartsCard = lazy(() => import('./charts/ResultsChartsCard'));

export default function ResultsPage() {
  const { t } = useTranslation(ns);
  const periods = useActionQuery(periodActions.listPeriods, { limit: 100 });
  const [periodId, setPeriodId] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('results.title')} description={t('results.description')} />
      <Card style={{ marginBottom: 16 }}>
        {periods.error ? (
          <ErrorState
            title={t('results.periodsFailed')}
            description={periods.error.message}
            onRetry={periods.reload}
          />
        ) : (
          <Select
            id="results-period"
            data-testid="results-period"
            aria-label={t('results.period')}
            placeholder={t('results.period')}
            style={{ minWidth: 320 }}
            loading={periods.loading}
            value={periodId}
            onChange={(value: string) => setPeriodId(value)}
            options={(periods.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} (${p.indexCode} ${p.year})`,
            }))}
            showSearch
            optionFilterProp="label"
          />
        )}
      </Card>
      {periodId ? (
        <PeriodResultsView
          key={periodId}
          periodId={periodId}
          indexCode={periods.data?.items.find((p) => p.id === periodId)?.indexCode}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('results.pick')}</Typography.Paragraph>
      )}
    </>
  );
}

function PeriodResultsView({
  periodId,
  indexCode,
}: {
  periodId: string;
  indexCode: string | undefined;
}) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const results = usePeriodResults(periodId);
  const { draft } = results;

  const consolidate = async () => {
    const failure = await results.consolidate();
    if (failure) void message.error(failure);
    else void message.success(t('results.consolidate.done'));
  };

  const consolidateButton = (
    <Button
      type="primary"
      onClick={() => void consolidate()}
      loading={results.consolidating}
      disabled={results.consolidating}
      data-testid="results-consolidate"
    >
      {results.consolidating
        ? t('results.consolidate.running')
        : draft
          ? t('results.consolidate.again')
          : t('results.consolidate.action')}
    </Button>
  );

  if (results.draftError) {
    return (
      <Card>
        <ErrorState
          title={t('results.loadFailed')}
          description={results.draftError.message}
          onRetry={results.reload}
        />
      </Card>
    );
  }
  const settings = (
    <ResultsSettingsCard
      // A new draft brings its own tie-break: the picker starts from it.
      key={draft?.version ?? 0}
      periodId={periodId}
      indexCode={indexCode ?? draft?.indexCode}
      draft={draft}
      consolidating={results.consolidating}
      consolidate={results.consolidate}
    />
  );
  if (!draft) {
    return (
      <Flex vertical gap={16}>
        <Card loading={results.draftLoading}>
          <EmptyState
            testId="results-empty"
            title={t('results.empty')}
            description={t('results.emptyHelp')}
          >
            {consolidateButton}
          </EmptyState>
        </Card>
        {settings}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16}>
      <ConsolidationCard
        draft={draft}
        extra={
          <Flex gap={8} wrap>
            <ResultsExportButtons target={{ kind: 'draft', periodId, version: draft.version }} />
            {consolidateButton}
          </Flex>
        }
      />
      {settings}
      <Suspense fallback={<Loading />}>
        <ResultsChartsCard draft={draft} />
      </Suspense>
      <ComparisonCard
        draft={draft}
        consolidating={results.consolidating}
        consolidate={results.consolidate}
      />
      <BlockersCard
        periodId={periodId}
        draft={draft}
        decisions={results.decisions}
        onDecided={results.reload}
      />
      <PublicationsCard
        periodId={periodId}
        draft={draft}
        publications={results.publications}
        onPublished={results.reload}
      />
    </Flex>
  );
}
