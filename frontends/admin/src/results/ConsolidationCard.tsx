/** The draft ranking per unit group: rank (ties share one), unit, total, index, band, change. */
import { Suspense, lazy, useState } from 'react';
import type { ReactNode } from 'react';
import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '@par/contracts';
import type { Consolidation, ConsolidationRow } from '@par/contracts';
import { formatHundredths } from '@par/scoring';
import { Loading, currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { formatChange, formatIndex, unitGroupsOf } from './results-format';

// The chart is its own chunk: the page's first paint does not wait for it.
const IndexBarChart = lazy(() => import('./IndexBarChart'));

export interface ConsolidationCardProps {
  draft: Consolidation;
  extra?: ReactNode;
  /** The card's title; the draft's version by default. */
  title?: ReactNode;
  testId?: string;
}

export function ConsolidationCard({
  draft,
  extra,
  title,
  testId = 'results-draft',
}: ConsolidationCardProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const groups = unitGroupsOf(draft.rows);
  const [group, setGroup] = useState<string | null>(null);
  const shownGroups = group && groups.includes(group) ? [group] : groups;

  return (
    <Card
      data-testid={testId}
      title={title ?? t('results.draft.title', { version: draft.version })}
      extra={extra}
    >
      <Typography.Paragraph type="secondary" data-testid="results-draft-meta">
        {t('results.draft.meta', {
          at: formatVietnamDateTime(draft.createdAt),
          by: draft.createdBy.username ?? draft.createdBy.id,
          units: draft.rows.length,
          excluded: draft.excludedUnits.length,
        })}
      </Typography.Paragraph>
      {draft.tieBreakAreaCodes.length > 0 ? (
        <Typography.Paragraph data-testid="results-draft-tie-break">
          {t('resultsSettings.tieBreak.table', { areas: draft.tieBreakAreaCodes.join(' → ') })}
        </Typography.Paragraph>
      ) : null}
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Select
          id="results-group"
          data-testid="results-group"
          aria-label={t('results.draft.group')}
          style={{ minWidth: 220 }}
          value={group ?? ''}
          onChange={(value: string) => setGroup(value || null)}
          options={[
            { value: '', label: t('results.draft.allGroups') },
            ...groups.map((g) => ({ value: g, label: g })),
          ]}
        />
      </Flex>
      {groups.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('results.draft.noRows')}</Typography.Paragraph>
      ) : null}
      {shownGroups.map((unitGroup) => (
        <section key={unitGroup} style={{ marginBottom: 24 }}>
          <Typography.Title level={5}>
            {t('results.draft.groupTitle', { group: unitGroup })}
          </Typography.Title>
          <Table<ConsolidationRow>
            rowKey="unitCode"
            size="small"
            data-testid={`results-table-${unitGroup}`}
            dataSource={draft.rows.filter((row) => row.unitGroup === unitGroup)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'rank',
                title: t('results.column.rank'),
                render: (_, row) => (
                  <span data-testid={`rank-${row.unitCode}`}>
                    {row.rank ?? '—'}
                    {row.tied ? (
                      <Tooltip title={t('results.draft.tiedHelp')}>
                        <Tag style={{ marginInlineStart: 6 }}>{t('results.draft.tied')}</Tag>
                      </Tooltip>
                    ) : null}
                    {row.decidedByTieBreak ? (
                      <Tag color="purple" style={{ marginInlineStart: 6 }}>
                        {t('results.draft.tieBreak')}
                      </Tag>
                    ) : null}
                  </span>
                ),
              },
              {
                key: 'unit',
                title: t('results.column.unit'),
                render: (_, row) => `${row.unitCode} — ${row.unitName}`,
              },
              {
                key: 'total',
                title: t('results.column.total'),
                align: 'right',
                render: (_, row) =>
                  `${formatHundredths(row.total, locale)} / ${formatHundredths(row.max, locale)}`,
              },
              {
                key: 'index',
                title: t('results.column.index'),
                align: 'right',
                render: (_, row) => (
                  <span data-testid={`index-${row.unitCode}`}>
                    {formatIndex(row.index, locale)}
                  </span>
                ),
              },
              {
                key: 'band',
                title: t('results.column.band'),
                render: (_, row) => (row.band ? <Tag color="blue">{row.band}</Tag> : '—'),
              },
              {
                key: 'change',
                title: t('results.column.change'),
                align: 'right',
                render: (_, row) => formatChange(row.change, locale),
              },
            ]}
          />
          <Suspense fallback={<Loading />}>
            <IndexBarChart rows={draft.rows} unitGroup={unitGroup} />
          </Suspense>
        </section>
      ))}
      {draft.excludedUnits.length > 0 ? (
        <Typography.Paragraph type="secondary" data-testid="results-excluded">
          {t('results.draft.excluded', {
            units: draft.excludedUnits.map((u) => `${u.unitCode} (${u.reason})`).join('; '),
          })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
