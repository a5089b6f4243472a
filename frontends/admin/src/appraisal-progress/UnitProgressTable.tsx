/** Every unit's appraisal state and its appraised entries per round, filterable and sortable. */
import { useState } from 'react';
import { Flex, Input, Progress, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { unitAppraisalStates } from '@par/contracts';
import type { PeriodPhase, UnitAppraisalProgress } from '@par/contracts';
import { EmptyState, formatScore } from '@par/ui';
import { ns } from '../i18n';
import {
  compareProgress,
  filterUnits,
  formatCount,
  percentOf,
  roundBegun,
  type UnitFilter,
} from './progress-view';

type State = UnitAppraisalProgress['state'];

const stateColor: Record<State, string> = {
  notReady: 'default',
  scoreZero: 'red',
  notOpened: 'default',
  round1: 'gold',
  round1Done: 'blue',
  round2Done: 'green',
};

const byRound = (round: 1 | 2) => (a: UnitAppraisalProgress, b: UnitAppraisalProgress) =>
  compareProgress(
    { done: round === 1 ? a.round1Appraised : a.round2Appraised, total: a.entries },
    { done: round === 1 ? b.round1Appraised : b.round2Appraised, total: b.entries },
  );

export function UnitProgressTable({
  items,
  phase,
  loading,
}: {
  items: readonly UnitAppraisalProgress[];
  phase: PeriodPhase;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation(ns);
  const [filter, setFilter] = useState<UnitFilter>({});
  const groups = [...new Set(items.map((u) => u.unitGroup))].sort();
  const shown = filterUnits(items, filter);
  const round2 = roundBegun(2, phase);
  const notBegun = (testId: string) => (
    <Typography.Text type="secondary" data-testid={`${testId}-not-begun`}>
      {t('appraisalProgress.notBegun')}
    </Typography.Text>
  );
  const roundCell = (u: UnitAppraisalProgress, round: 1 | 2) => {
    if (!roundBegun(round, phase)) return notBegun(`unit-${u.unitCode}-round${round}`);
    const done = round === 1 ? u.round1Appraised : u.round2Appraised;
    return (
      <span data-testid={`unit-${u.unitCode}-round${round}`}>
        <Progress percent={percentOf(done, u.entries)} size="small" showInfo={false} aria-hidden />
        {formatCount(done)}/{formatCount(u.entries)}
      </span>
    );
  };
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('appraisalProgress.units.search')}
          placeholder={t('appraisalProgress.units.search')}
          data-testid="unit-search"
          allowClear
          style={{ width: 280 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined })}
        />
        <Select
          aria-label={t('appraisalProgress.units.group')}
          placeholder={t('appraisalProgress.units.allGroups')}
          data-testid="unit-group-filter"
          allowClear
          style={{ minWidth: 180 }}
          value={filter.unitGroup}
          onChange={(unitGroup?: string) => setFilter({ ...filter, unitGroup })}
          options={groups.map((g) => ({ value: g, label: g }))}
        />
        <Select
          aria-label={t('appraisalProgress.units.state')}
          placeholder={t('appraisalProgress.units.allStates')}
          data-testid="unit-state-filter"
          allowClear
          style={{ minWidth: 220 }}
          value={filter.state}
          onChange={(state?: State) => setFilter({ ...filter, state })}
          options={unitAppraisalStates.map((s) => ({
            value: s,
            label: t(`appraisalProgress.units.states.${s}`),
          }))}
        />
      </Flex>
      {!loading && items.length === 0 ? (
        <EmptyState testId="units-empty" title={t('appraisalProgress.units.empty')} />
      ) : !loading && shown.length === 0 ? (
        <EmptyState testId="units-no-match" title={t('appraisalProgress.units.noMatch')} />
      ) : (
        <Table<UnitAppraisalProgress>
          rowKey="unitCode"
          size="small"
          data-testid="unit-table"
          loading={loading}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              key: 'unit',
              title: t('appraisalProgress.units.unit'),
              render: (_, u) => `${u.unitCode} — ${u.unitName}`,
              defaultSortOrder: 'ascend',
              sorter: (a, b) => a.unitCode.localeCompare(b.unitCode, i18n.language),
            },
            {
              key: 'group',
              title: t('appraisalProgress.units.group'),
              dataIndex: 'unitGroup',
              sorter: (a, b) => a.unitGroup.localeCompare(b.unitGroup, i18n.language),
            },
            {
              key: 'state',
              title: t('appraisalProgress.units.state'),
              sorter: (a, b) =>
                unitAppraisalStates.indexOf(a.state) - unitAppraisalStates.indexOf(b.state),
              render: (_, u) => (
                <Tag color={stateColor[u.state]} data-testid={`unit-${u.unitCode}-state`}>
                  {t(`appraisalProgress.units.states.${u.state}`)}
                </Tag>
              ),
            },
            {
              key: 'round1',
              title: t('appraisalProgress.units.round1'),
              sorter: byRound(1),
              render: (_, u) => roundCell(u, 1),
            },
            {
              key: 'round2',
              title: t('appraisalProgress.units.round2'),
              sorter: byRound(2),
              render: (_, u) => roundCell(u, 2),
            },
            {
              key: 'questions',
              title: t('appraisalProgress.units.questions'),
              render: (_, u) => `${formatCount(u.answered)}/${formatCount(u.questions)}`,
              sorter: (a, b) => a.questions - b.questions,
            },
            {
              key: 'round1Total',
              title: t('appraisalProgress.units.round1Total'),
              render: (_, u) => formatScore(u.round1Total, 'vi'),
              sorter: (a, b) => a.round1Total - b.round1Total,
            },
            {
              key: 'round2Total',
              title: t('appraisalProgress.units.round2Total'),
              render: (_, u) =>
                round2 ? formatScore(u.round2Total, 'vi') : notBegun(`unit-${u.unitCode}-total2`),
              sorter: (a, b) => a.round2Total - b.round2Total,
            },
          ]}
        />
      )}
    </>
  );
}
