/** Two versions of a set side by side as a list of changes: added, removed, changed criteria. */
import { Alert, Empty, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriterionNode } from '@par/contracts';

import { ns } from '../i18n';
import { formatPoints } from './format-points';
import { diffCriteria } from './criteria-diff';
import type { DiffField } from './criteria-diff';

export interface CriteriaDiffViewProps {
  before: readonly CriterionNode[];
  after: readonly CriterionNode[];
  beforeLabel: string;
  afterLabel: string;
}

interface Row {
  code: string;
  kind: 'added' | 'removed' | 'changed';
  title: string;
  maxBefore: number | null;
  maxAfter: number | null;
  fields: DiffField[];
}

const kindColor = { added: 'green', removed: 'red', changed: 'blue' } as const;

export function CriteriaDiffView({
  before,
  after,
  beforeLabel,
  afterLabel,
}: CriteriaDiffViewProps) {
  const { t } = useTranslation(ns);
  const diff = diffCriteria(before, after);
  const rows: Row[] = [
    ...diff.added.map((node) => ({
      code: node.code,
      kind: 'added' as const,
      title: node.title,
      maxBefore: null,
      maxAfter: node.maxScore,
      fields: [],
    })),
    ...diff.removed.map((node) => ({
      code: node.code,
      kind: 'removed' as const,
      title: node.title,
      maxBefore: node.maxScore,
      maxAfter: null,
      fields: [],
    })),
    ...diff.changed.map((change) => ({
      code: change.code,
      kind: 'changed' as const,
      title: change.after.title,
      maxBefore: change.before.maxScore,
      maxAfter: change.after.maxScore,
      fields: change.fields,
    })),
  ];
  const score = (value: number | null) => (value === null ? '—' : formatPoints(value));
  const columns: TableColumnsType<Row> = [
    { key: 'code', dataIndex: 'code', title: t('criteriaSets.diff.code'), width: 100 },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('criteriaSets.diff.change'),
      width: 110,
      render: (kind: Row['kind']) => (
        <Tag color={kindColor[kind]}>{t(`criteriaSets.diff.${kind}`)}</Tag>
      ),
    },
    { key: 'title', dataIndex: 'title', title: t('criteriaSets.diff.title') },
    {
      key: 'max',
      title: t('criteriaSets.diff.max'),
      width: 140,
      render: (_: unknown, row) =>
        row.maxBefore === row.maxAfter
          ? score(row.maxAfter)
          : `${score(row.maxBefore)} → ${score(row.maxAfter)}`,
    },
    {
      key: 'fields',
      title: t('criteriaSets.diff.fields'),
      render: (_: unknown, row) =>
        row.fields.map((field) => <Tag key={field}>{t(`criteriaSets.diff.field.${field}`)}</Tag>),
    },
  ];
  return (
    <div data-testid="criteria-diff">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('criteriaSets.diff.summary', {
          before: beforeLabel,
          after: afterLabel,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        })}
        description={t('criteriaSets.diff.total', {
          before: formatPoints(diff.totalBefore),
          after: formatPoints(diff.totalAfter),
        })}
      />
      {rows.length === 0 ? (
        <Empty description={t('criteriaSets.diff.none')} />
      ) : (
        <Table<Row>
          rowKey={(row) => `${row.kind}-${row.code}`}
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
      <Typography.Text type="secondary">{t('criteriaSets.diff.matchedByCode')}</Typography.Text>
    </div>
  );
}
