/**
 * "Thẩm định": the appraiser's periods, and in the chosen one the assigned units with their
 * progress in the current round, filterable and sortable (by the server, the address keeps the
 * view), and sending the round.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Flex, Input, Progress, Space, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { appraisalRoundActions, formatVietnamDateTime, unitRoundStatuses } from '@par/contracts';
import type { AppraisalPeriodView, UnitRoundStatus, WorklistUnit } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ErrorState, Loading, PageHeader } from '@par/ui';
import { useBasePath } from '../base-path';
import { ns } from '../i18n';
import { appraisalRoutes } from '../routes';
import { SendRoundPanel } from './SendRoundPanel';
import {
  isFiltered,
  listParams,
  progressPercent,
  roundProgressOf,
  searchFromView,
  viewFromSearch,
} from './worklist-query';
import type { WorklistSort, WorklistView } from './worklist-query';

const statusColours: Record<UnitRoundStatus, string | undefined> = {
  notStarted: undefined,
  inProgress: 'processing',
  appraised: 'success',
  sent: 'purple',
};

export default function WorklistPage() {
  const { t } = useTranslation(ns);
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => viewFromSearch(search), [search]);
  const periods = useActionQuery(appraisalRoundActions.listMyPeriods, {});
  const setView = (change: Partial<WorklistView>) =>
    setSearch(searchFromView({ ...view, ...change }), { replace: true });

  if (periods.error && !periods.data)
    return (
      <ErrorState
        testId="periods-error"
        title={t('periods.loadFailed')}
        description={periods.error.message}
        onRetry={periods.reload}
      />
    );
  if (!periods.data) return <Loading />;

  const items = periods.data.items;
  if (items.length === 0)
    return (
      <>
        <PageHeader title={t('title')} description={t('description')} />
        <Card>
          <EmptyState
            testId="no-open-period"
            title={t('empty.title')}
            description={t('empty.description')}
          />
        </Card>
      </>
    );
  const chosen =
    items.find((period) => period.id === view.periodId) ??
    items.find((period) => period.currentRound !== null) ??
    items[0]!;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        extra={
          items.length > 1 ? (
            <Flex vertical gap={4}>
              <label htmlFor="worklist-period">{t('periods.label')}</label>
              <Select
                id="worklist-period"
                data-testid="worklist-period"
                style={{ minWidth: 280 }}
                value={chosen.id}
                options={items.map((period) => ({ value: period.id, label: period.name }))}
                onChange={(periodId: string) =>
                  setSearch(
                    searchFromView({ ...view, periodId, q: '', status: null, unitGroup: null }),
                  )
                }
              />
            </Flex>
          ) : null
        }
      />
      <Worklist period={chosen} view={view} setView={setView} />
    </>
  );
}

function Worklist({
  period,
  view,
  setView,
}: {
  period: AppraisalPeriodView;
  view: WorklistView;
  setView: (change: Partial<WorklistView>) => void;
}) {
  const { t } = useTranslation(ns);
  const basePath = useBasePath();
  const query = useActionQuery(appraisalRoundActions.listMyUnits, listParams(period.id, view));
  const [q, setQ] = useState(view.q);
  const data = query.data;
  const round = (period.currentRound ?? 1) as 1 | 2;
  // Groups offered by the filter: those seen in the list, and the one chosen.
  const [groups, setGroups] = useState<string[]>([]);
  const seenGroups = useMemo(() => {
    const all = new Set(groups);
    for (const unit of data?.items ?? []) all.add(unit.unitGroup);
    if (view.unitGroup) all.add(view.unitGroup);
    return [...all].sort();
  }, [data, groups, view.unitGroup]);
  if (seenGroups.length !== groups.length) setGroups(seenGroups);

  const sortOrder = (key: WorklistSort) =>
    view.sort === key ? (view.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns: ColumnsType<WorklistUnit> = [
    {
      key: 'unitCode',
      title: t('worklist.unit'),
      sorter: true,
      sortOrder: sortOrder('unitCode') ?? sortOrder('unitName'),
      render: (_value, unit) => (
        <Flex vertical>
          <Link
            to={appraisalRoutes.unit.to(basePath, period.id, unit.unitCode)}
            data-testid={`open-unit-${unit.unitCode}`}
          >
            {unit.unitName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {unit.unitCode}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'unitGroup', title: t('worklist.group'), dataIndex: 'unitGroup', responsive: ['md'] },
    {
      key: 'progress',
      title: t('worklist.progress'),
      sorter: true,
      sortOrder: sortOrder('progress'),
      render: (_value, unit) => {
        const progress = roundProgressOf(unit, round);
        return (
          <Flex vertical style={{ minWidth: 140 }} data-testid={`progress-${unit.unitCode}`}>
            <Typography.Text>
              {progress.appraised.toLocaleString('vi-VN')}/{unit.assigned.toLocaleString('vi-VN')}
            </Typography.Text>
            <Progress
              percent={progressPercent(progress.appraised, unit.assigned)}
              size="small"
              showInfo={false}
              aria-hidden
            />
          </Flex>
        );
      },
    },
    {
      key: 'status',
      title: t('worklist.status'),
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (_value, unit) => (
        <Space size={4} wrap>
          <Tag
            color={statusColours[roundProgressOf(unit, round).status]}
            data-testid={`status-${unit.unitCode}`}
            data-status={roundProgressOf(unit, round).status}
          >
            {t(`status.${roundProgressOf(unit, round).status}`)}
          </Tag>
          {!unit.ready ? <Tag color="warning">{t('worklist.notReady')}</Tag> : null}
          {unit.lateDecision === 'scoreZero' ? (
            <Tag color="error">{t('worklist.scoreZero')}</Tag>
          ) : null}
          {unit.lateDecision === 'appraiseSavedData' ? (
            <Tag color="warning">{t('worklist.savedData')}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'questions',
      title: t('worklist.questions'),
      responsive: ['lg'],
      render: (_value, unit) =>
        unit.questions > 0
          ? t('worklist.questionsValue', { answered: unit.answered, questions: unit.questions })
          : '—',
    },
  ];

  const thisRound = data?.rounds.find((state) => state.round === round) ?? null;

  return (
    <Flex vertical gap={16}>
      {period.currentRound === null ? (
        <Alert type="info" showIcon message={t('worklist.noRound')} data-testid="no-round" />
      ) : null}
      {data && period.currentRound !== null ? (
        <SendRoundPanel
          period={period}
          round={round}
          state={thisRound}
          units={data.items}
          filtered={isFiltered(view)}
          totals={data.totals}
          onSent={query.reload}
        />
      ) : null}
      <Card
        title={
          <Flex justify="space-between" wrap gap={8}>
            <span>{t('worklist.round', { round })}</span>
            {period.deadline ? (
              <Typography.Text type="secondary" data-testid="round-deadline">
                {t('worklist.deadline', { round, at: formatVietnamDateTime(period.deadline) })}
              </Typography.Text>
            ) : null}
          </Flex>
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('worklist.search')}
            placeholder={t('worklist.search')}
            allowClear
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onSearch={(value) => setView({ q: value })}
            style={{ maxWidth: 320 }}
            data-testid="worklist-search"
          />
          <Select<UnitRoundStatus | ''>
            aria-label={t('worklist.statusFilter')}
            style={{ minWidth: 180 }}
            value={view.status ?? ''}
            data-testid="worklist-status"
            options={[
              { value: '', label: t('worklist.allStatuses') },
              ...unitRoundStatuses.map((status) => ({
                value: status,
                label: t(`status.${status}`),
              })),
            ]}
            onChange={(status) => setView({ status: status || null })}
          />
          {seenGroups.length > 1 || view.unitGroup ? (
            <Select<string>
              aria-label={t('worklist.groupFilter')}
              style={{ minWidth: 180 }}
              value={view.unitGroup ?? ''}
              options={[
                { value: '', label: t('worklist.allGroups') },
                ...seenGroups.map((group) => ({ value: group, label: group })),
              ]}
              onChange={(unitGroup) => setView({ unitGroup: unitGroup || null })}
            />
          ) : null}
        </Flex>
        {query.error && !data ? (
          <ErrorState
            testId="worklist-error"
            title={t('worklist.loadFailed')}
            description={query.error.message}
            onRetry={query.reload}
          />
        ) : (
          <Table<WorklistUnit>
            rowKey="unitCode"
            data-testid="worklist"
            loading={query.loading}
            columns={columns}
            dataSource={data?.items ?? []}
            pagination={false}
            locale={{
              emptyText: isFiltered(view) ? (
                <EmptyState
                  testId="worklist-no-match"
                  title={t('worklist.noMatchTitle')}
                  description={t('worklist.noMatchDescription')}
                />
              ) : (
                <EmptyState
                  testId="worklist-empty"
                  title={t('worklist.emptyTitle')}
                  description={t('worklist.emptyDescription')}
                />
              ),
            }}
            onChange={(_pagination, _filters, sorter) => {
              const one = (Array.isArray(sorter) ? sorter[0] : sorter) as
                SorterResult<WorklistUnit> | undefined;
              const key = one?.order ? (String(one.columnKey) as WorklistSort) : 'unitCode';
              setView({ sort: key, order: one?.order === 'descend' ? 'desc' : 'asc' });
            }}
          />
        )}
      </Card>
    </Flex>
  );
}
