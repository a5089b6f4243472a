/** What changed per unit between two published versions: index, rank and band, before and after. */
import { useState } from 'react';
import { Flex, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { rankingActions } from '@par/contracts';
import type { PublicationDiff, PublicationSummary } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { ErrorState, currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { formatIndex } from './results-format';

type DiffUnit = PublicationDiff['units'][number];
type Standing = DiffUnit['before'];

export interface PublicationDiffViewProps {
  periodId: string;
  /** At least two, the first first. */
  publications: readonly PublicationSummary[];
}

export function PublicationDiffView({ periodId, publications }: PublicationDiffViewProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const last = publications.at(-1)!.number;
  const [to, setTo] = useState(last);
  const [from, setFrom] = useState(last - 1);
  const against = from < to ? from : to - 1;
  const diff = useActionQuery(
    rankingActions.comparePublications,
    { periodId, number: to, against },
    { enabled: against >= 1 },
  );
  const options = publications.map((p) => ({
    value: p.number,
    label: t('results.publications.numbered', { number: p.number }),
  }));
  const standing = (s: Standing) =>
    s ? `${s.rank ?? '—'} · ${formatIndex(s.index, locale)} · ${s.band ?? '—'}` : '—';

  return (
    <section data-testid="results-diff" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t('results.diff.title')}</Typography.Title>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Select
          id="results-diff-from"
          data-testid="results-diff-from"
          aria-label={t('results.diff.from')}
          style={{ minWidth: 160 }}
          value={against}
          onChange={(value: number) => setFrom(value)}
          options={options.filter((o) => o.value < to)}
        />
        <span aria-hidden>→</span>
        <Select
          id="results-diff-to"
          data-testid="results-diff-to"
          aria-label={t('results.diff.to')}
          style={{ minWidth: 160 }}
          value={to}
          onChange={(value: number) => setTo(value)}
          options={options.filter((o) => o.value > 1)}
        />
        {diff.data ? (
          <Typography.Text type="secondary" data-testid="results-diff-changed">
            {t('results.diff.changed', { count: diff.data.changed })}
          </Typography.Text>
        ) : null}
      </Flex>
      {diff.error ? (
        <ErrorState
          title={t('results.diff.loadFailed')}
          description={diff.error.message}
          onRetry={diff.reload}
        />
      ) : (
        <Table<DiffUnit>
          rowKey="unitCode"
          size="small"
          loading={diff.loading}
          dataSource={diff.data?.units ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rowClassName={(u) => (u.changes.length ? 'ant-table-row-selected' : '')}
          columns={[
            { key: 'group', title: t('results.diff.group'), dataIndex: 'unitGroup' },
            {
              key: 'unit',
              title: t('results.column.unit'),
              render: (_, u) => `${u.unitCode} — ${u.unitName}`,
            },
            {
              key: 'before',
              title: t('results.diff.before'),
              render: (_, u) => standing(u.before),
            },
            { key: 'after', title: t('results.diff.after'), render: (_, u) => standing(u.after) },
            {
              key: 'changes',
              title: t('results.diff.changes'),
              render: (_, u) =>
                u.changes.length === 0
                  ? t('results.diff.same')
                  : u.changes.map((c) => (
                      <Tag
                        key={c}
                        color={c === 'removed' ? 'red' : c === 'added' ? 'green' : 'gold'}
                      >
                        {t(`results.diff.change.${c}`)}
                      </Tag>
                    )),
            },
          ]}
        />
      )}
    </section>
  );
}
