/**
 * The "Tiến độ thẩm định" page of one period: every appraiser's progress per round (with the
 * reopening of a sent round), every unit's appraisal state, live, and the export.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Typography } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { periodActions } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ErrorState, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { formatVietnamTime } from '../periods/form-state';
import { AppraiserProgressTable } from './AppraiserProgressTable';
import { ReopenRoundModal, type ReopenTarget } from './ReopenRoundModal';
import { UnitProgressTable } from './UnitProgressTable';
import { formatCount, progressTotals } from './progress-view';
import { useAppraisalProgress } from './use-appraisal-progress';

export default function AppraisalProgressPage() {
  const { t } = useTranslation(ns);
  const { periodId } = useParams();
  const navigate = useNavigate();
  const periods = useActionQuery(periodActions.listPeriods, { limit: 100 });
  const choose = (id: string) =>
    void navigate(periodId ? `../${encodeURIComponent(id)}` : encodeURIComponent(id), {
      relative: 'path',
    });

  return (
    <>
      <PageHeader
        title={t('appraisalProgress.title')}
        description={t('appraisalProgress.description')}
      />
      <Card style={{ marginBottom: 16 }}>
        <Select
          id="progress-period"
          data-testid="progress-period"
          aria-label={t('appraisalProgress.period')}
          placeholder={t('appraisalProgress.period')}
          style={{ minWidth: 320 }}
          value={periodId}
          onChange={choose}
          options={(periods.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} (${p.year})`,
          }))}
          showSearch
          optionFilterProp="label"
        />
      </Card>
      {periodId ? (
        <PeriodProgress key={periodId} periodId={periodId} />
      ) : (
        <EmptyState testId="progress-pick-period" description={t('appraisalProgress.pickPeriod')} />
      )}
    </>
  );
}

function PeriodProgress({ periodId }: { periodId: string }) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const { progress, exporting, exportSheet } = useAppraisalProgress(periodId);
  const [reopening, setReopening] = useState<ReopenTarget | null>(null);
  const data = progress.data;
  // The first load shows the spinner; the live reloads keep the tables as they are.
  const loading = progress.loading && !data;

  if (progress.error && !data)
    return (
      <ErrorState
        title={t('appraisalProgress.loadFailed')}
        description={progress.error.message}
        onRetry={progress.reload}
      />
    );
  const totals = data ? progressTotals(data) : null;
  const counts = totals
    ? Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, formatCount(v)]))
    : {};
  return (
    <>
      <Card
        title={data ? `${data.period.name} (${data.period.year})` : null}
        loading={loading}
        extra={
          <Button
            onClick={() => void exportSheet()}
            loading={exporting}
            data-testid="progress-export"
          >
            {t('appraisalProgress.export')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        {data ? (
          <Flex vertical gap={4}>
            <Typography.Text data-testid="progress-phase">
              {t('appraisalProgress.phase', {
                phase: t(`periods.phase.${data.period.currentPhase}`),
              })}
            </Typography.Text>
            <Typography.Text data-testid="progress-totals">
              {t('appraisalProgress.totals', counts)}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="progress-updated">
              {t('appraisalProgress.updatedAt', { time: formatVietnamTime(data.at) })}
            </Typography.Text>
          </Flex>
        ) : null}
      </Card>
      <Card title={t('appraisalProgress.appraisers.title')} style={{ marginBottom: 16 }}>
        <AppraiserProgressTable
          items={data?.appraisers ?? []}
          phase={data?.period.currentPhase ?? 'setup'}
          loading={loading}
          onReopen={setReopening}
        />
      </Card>
      <Card title={t('appraisalProgress.units.title')}>
        <UnitProgressTable
          items={data?.units ?? []}
          phase={data?.period.currentPhase ?? 'setup'}
          loading={loading}
        />
      </Card>
      <ReopenRoundModal
        periodId={periodId}
        target={reopening}
        onClose={() => setReopening(null)}
        onReopened={() => {
          if (reopening) void message.success(t('appraisalProgress.reopen.done', { ...reopening }));
          setReopening(null);
          progress.reload();
        }}
      />
    </>
  );
}
