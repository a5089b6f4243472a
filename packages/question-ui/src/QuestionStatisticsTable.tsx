/** Time to answer per unit: questions received, answered, published, rejected, open, hours. */
import { Button, Typography } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import {
  formatHours,
  formatVietnamDateTime,
  surveyQuestionActions as qa,
  type Locale,
} from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ListCard, currentLanguage } from '@par/ui';
import { ns } from './i18n';

export function QuestionStatisticsTable() {
  const { t } = useTranslation(ns);
  const locale = currentLanguage() as Locale;
  const query = useActionQuery(qa.getQuestionStatistics, {});
  const units = query.data?.units ?? [];
  const hours = (value: number | null) => (value === null ? '—' : formatHours(value, locale));
  const number = (value: number) => value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  const count = (key: 'received' | 'answered' | 'published' | 'rejected' | 'open') => ({
    key,
    title: t(`questions.statistics.${key}`),
    align: 'right' as const,
    render: (_: unknown, row: (typeof units)[number]) => number(row[key]),
  });

  return (
    <ListCard
      query={query}
      errorTitle={t('questions.loadFailed')}
      isEmpty={units.length === 0}
      count={
        query.data
          ? t('questions.statistics.computedAt', {
              at: formatVietnamDateTime(query.data.computedAt),
            })
          : null
      }
      empty={<EmptyState testId="question-statistics-empty" title={t('questions.emptyTitle')} />}
    >
      <Typography.Paragraph type="secondary">{t('questions.statistics.help')}</Typography.Paragraph>
      <Table
        rowKey="unitCode"
        dataSource={units}
        pagination={false}
        data-testid="question-statistics"
        onRow={(row) => ({ 'data-testid': `question-statistics-${row.unitCode}` }) as never}
        columns={[
          { key: 'unit', title: t('questions.columns.unit'), dataIndex: 'unitCode' },
          count('received'),
          count('answered'),
          count('published'),
          count('rejected'),
          count('open'),
          {
            key: 'median',
            title: t('questions.statistics.median'),
            align: 'right',
            render: (_, row) => hours(row.medianHoursToAnswer),
          },
          {
            key: 'longest',
            title: t('questions.statistics.longestOpen'),
            align: 'right',
            render: (_, row) => hours(row.longestOpenHours),
          },
        ]}
      />
      <Button onClick={query.reload}>{t('questions.reload')}</Button>
    </ListCard>
  );
}
