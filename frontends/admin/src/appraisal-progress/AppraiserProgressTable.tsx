/** Every appraiser's progress in both rounds, filterable and sortable, with the reopen action. */
import { useState } from 'react';
import { Button, Flex, Input, Space } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AppraiserProgress, PeriodPhase } from '@par/contracts';
import { EmptyState } from '@par/ui';
import { ns } from '../i18n';
import { RoundCell } from './RoundCell';
import type { ReopenTarget } from './ReopenRoundModal';
import {
  compareProgress,
  filterAppraisers,
  formatCount,
  roundBegun,
  roundOf,
  rounds,
  sendFilters,
  type AppraiserFilter,
  type Round,
} from './progress-view';

export interface AppraiserProgressTableProps {
  items: readonly AppraiserProgress[];
  phase: PeriodPhase;
  loading: boolean;
  onReopen: (target: ReopenTarget) => void;
}

const byRound = (round: Round) => (a: AppraiserProgress, b: AppraiserProgress) => {
  const [x, y] = [roundOf(a, round), roundOf(b, round)];
  return compareProgress(
    { done: x.appraised, total: x.assigned },
    { done: y.appraised, total: y.assigned },
  );
};

export function AppraiserProgressTable({
  items,
  phase,
  loading,
  onReopen,
}: AppraiserProgressTableProps) {
  const { t, i18n } = useTranslation(ns);
  const [filter, setFilter] = useState<AppraiserFilter>({});
  const shown = filterAppraisers(items, filter);
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('appraisalProgress.appraisers.search')}
          placeholder={t('appraisalProgress.appraisers.search')}
          data-testid="appraiser-search"
          allowClear
          style={{ width: 260 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined })}
        />
        <Select
          aria-label={t('appraisalProgress.appraisers.sent')}
          placeholder={t('appraisalProgress.appraisers.sent')}
          data-testid="appraiser-sent-filter"
          allowClear
          style={{ minWidth: 220 }}
          value={filter.sent}
          onChange={(sent?: AppraiserFilter['sent']) => setFilter({ ...filter, sent })}
          options={sendFilters.map((value) => ({
            value,
            label: t(`appraisalProgress.appraisers.sentFilter.${value}`),
          }))}
        />
      </Flex>
      {!loading && items.length === 0 ? (
        <EmptyState testId="appraisers-empty" title={t('appraisalProgress.appraisers.empty')} />
      ) : !loading && shown.length === 0 ? (
        <EmptyState
          testId="appraisers-no-match"
          title={t('appraisalProgress.appraisers.noMatch')}
        />
      ) : (
        <Table<AppraiserProgress>
          rowKey="appraiserId"
          size="small"
          data-testid="appraiser-table"
          loading={loading}
          dataSource={shown}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              key: 'username',
              title: t('appraisalProgress.appraisers.username'),
              dataIndex: 'username',
              defaultSortOrder: 'ascend',
              sorter: (a, b) => a.username.localeCompare(b.username, i18n.language),
            },
            {
              key: 'assigned',
              title: t('appraisalProgress.appraisers.assigned'),
              render: (_, a) => formatCount(a.assigned),
              sorter: (a, b) => a.assigned - b.assigned,
            },
            ...rounds.map((round) => ({
              key: `round${round}`,
              title: t('appraisalProgress.appraisers.round', { round }),
              sorter: byRound(round),
              render: (_: unknown, a: AppraiserProgress) => (
                <RoundCell
                  testId={`appraiser-${a.username}-round${round}`}
                  progress={roundOf(a, round)}
                  begun={roundBegun(round, phase)}
                />
              ),
            })),
            {
              key: 'actions',
              title: t('appraisalProgress.appraisers.actions'),
              render: (_, a) => (
                <Space wrap>
                  {rounds
                    .filter((round) => roundOf(a, round).sentAt)
                    .map((round) => (
                      <Button
                        key={round}
                        size="small"
                        data-testid={`reopen-${a.username}-round${round}`}
                        onClick={() =>
                          onReopen({ appraiserId: a.appraiserId, username: a.username, round })
                        }
                      >
                        {t('appraisalProgress.reopen.action', { round })}
                      </Button>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
