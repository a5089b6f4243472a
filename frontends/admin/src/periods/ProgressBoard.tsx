/** The progress board of one period: per unit, how far its self-assessment is; refreshes itself. */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Progress, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { periodActions, progressStatuses } from '@par/contracts';
import type { Period, ProgressStatus, UnitProgress } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, ErrorState } from '@par/ui';
import { ns } from '../i18n';
import { downloadBase64 } from '../shared/file-transfer';
import { useAutoReload } from '../shared/use-auto-reload';
import { formatShare, formatVietnamTime } from './form-state';

const statusColor: Record<ProgressStatus, string> = {
  notStarted: 'default',
  inProgress: 'gold',
  complete: 'blue',
  submitted: 'green',
};

export interface ProgressBoardProps {
  period: Period;
  onExtend: (unitCode: string) => void;
}

export function ProgressBoard({ period, onExtend }: ProgressBoardProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const [unitGroup, setUnitGroup] = useState<string | undefined>();
  const [status, setStatus] = useState<ProgressStatus | undefined>();
  const [exporting, setExporting] = useState(false);
  const params = { id: period.id, unitGroup, status };
  const progress = useActionQuery(periodActions.getPeriodProgress, params);
  const { reload } = progress;

  useAutoReload(reload);

  const exportSheet = async () => {
    setExporting(true);
    try {
      const file = await api.callAction(periodActions.exportPeriodProgress, params);
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  // The scheduler holds a period due for round 1 until the appraisal service says it may start.
  const round1 = period.phases.find((p) => p.phase === 'appraisalRound1');
  const round1Held =
    period.currentPhase === 'selfAssessment' &&
    round1 !== undefined &&
    Date.parse(round1.startsAt) <= Date.now();
  const groups = [...new Set(period.units.map((u) => u.unitGroup))].sort();
  const items = progress.data?.items ?? [];
  const totals = progress.data?.totals;
  return (
    <section aria-label={t('periods.progress.title')} data-testid="progress-board">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('periods.progress.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Select
            aria-label={t('periods.progress.group')}
            data-testid="progress-group"
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('periods.progress.allGroups')}
            value={unitGroup}
            onChange={setUnitGroup}
            options={groups.map((g) => ({ value: g, label: g }))}
          />
          <Select
            aria-label={t('periods.progress.status')}
            data-testid="progress-status"
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('periods.progress.allStatuses')}
            value={status}
            onChange={setStatus}
            options={progressStatuses.map((s) => ({
              value: s,
              label: t(`periods.progress.statuses.${s}`),
            }))}
          />
          <Button
            onClick={() => void exportSheet()}
            loading={exporting}
            data-testid="progress-export"
          >
            {t('periods.progress.export')}
          </Button>
        </Flex>
      </Flex>
      {round1Held ? (
        <Alert
          type="warning"
          showIcon
          data-testid="round1-held"
          style={{ marginBottom: 12 }}
          message={t('periods.progress.round1Held', { at: formatVietnamTime(round1.startsAt) })}
        />
      ) : null}
      {totals ? (
        <Typography.Paragraph data-testid="progress-totals">
          {t('periods.progress.totals', {
            units: totals.units,
            submitted: totals.submitted,
            share: formatShare(totals.completedShare),
          })}
        </Typography.Paragraph>
      ) : null}
      {progress.error && !progress.data ? (
        <ErrorState
          title={t('periods.progress.loadFailed')}
          description={progress.error.message}
          onRetry={reload}
        />
      ) : !progress.loading && items.length === 0 ? (
        <EmptyState testId="progress-empty" title={t('periods.progress.empty')} />
      ) : (
        <Table<UnitProgress>
          rowKey="unitCode"
          size="small"
          loading={progress.loading && !progress.data}
          dataSource={items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              key: 'unit',
              title: t('periods.progress.unit'),
              render: (_, u) => `${u.unitCode} — ${u.unitName}`,
            },
            { key: 'group', title: t('periods.progress.group'), dataIndex: 'unitGroup' },
            {
              key: 'completed',
              title: t('periods.progress.completed'),
              render: (_, u) => (
                <span data-testid={`progress-completed-${u.unitCode}`}>
                  <Progress
                    percent={u.completedShare / 100}
                    size="small"
                    showInfo={false}
                    aria-hidden
                  />
                  {formatShare(u.completedShare)} ({u.completedCount}/{u.leafCount})
                </span>
              ),
            },
            {
              key: 'evidence',
              title: t('periods.progress.evidence'),
              render: (_, u) =>
                `${formatShare(u.evidenceShare)} (${u.evidenceCount}/${u.leafCount})`,
            },
            {
              key: 'status',
              title: t('periods.progress.status'),
              render: (_, u) => (
                <Tag color={statusColor[u.status]} data-testid={`progress-status-${u.unitCode}`}>
                  {t(`periods.progress.statuses.${u.status}`)}
                </Tag>
              ),
            },
            {
              key: 'deadline',
              title: t('periods.progress.deadline'),
              render: (_, u) => (
                <span data-testid={`progress-deadline-${u.unitCode}`}>
                  {formatVietnamTime(u.deadline)}
                  {u.extendedUntil ? (
                    <Tag color="purple" style={{ marginInlineStart: 8 }}>
                      {t('periods.progress.extended')}
                    </Tag>
                  ) : null}
                </span>
              ),
            },
            {
              key: 'actions',
              title: t('periods.progress.actions'),
              render: (_, u) => (
                <Button
                  size="small"
                  onClick={() => onExtend(u.unitCode)}
                  data-testid={`extend-${u.unitCode}`}
                >
                  {t('periods.extend.action')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
