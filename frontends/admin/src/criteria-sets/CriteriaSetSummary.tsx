/**
 * The draft at a glance: index, year, unit group, edition and status, the total maximum and the
 * leaf count as the scoring kernel computes them, whether the set is valid, whether it is saved,
 * and the issues of the set as a whole.
 */
import { Alert, Card, Space, Tag, Typography } from 'antd';
import Descriptions from 'antd/es/descriptions';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';
import { formatPoints } from './format-points';
import { CriteriaSetStatusTag } from './CriteriaSetStatusTag';
import type { CriteriaSetDraft } from './use-criteria-set-draft';

export function CriteriaSetSummary({
  draft,
}: {
  draft: Pick<CriteriaSetDraft, 'set' | 'view' | 'checking' | 'issues' | 'dirty'>;
}) {
  const { t } = useTranslation(ns);
  const { set, view, checking, issues, dirty } = draft;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'index', label: t('criteriaSets.column.index'), children: set.indexCode },
          { key: 'year', label: t('criteriaSets.column.year'), children: set.year },
          { key: 'group', label: t('criteriaSets.column.unitGroup'), children: set.unitGroup },
          {
            key: 'edition',
            label: t('criteriaSets.column.edition'),
            children: (
              <Space>
                {set.edition}
                <CriteriaSetStatusTag status={set.status} />
              </Space>
            ),
          },
          {
            key: 'total',
            label: t('criteriaSets.column.totalMax'),
            children: (
              <Typography.Text strong data-testid="criteria-set-total">
                {formatPoints(view.totalMax)}
              </Typography.Text>
            ),
          },
          {
            key: 'leaves',
            label: t('criteriaSets.column.leafCount'),
            children: <span data-testid="criteria-set-leaf-count">{view.leafCount}</span>,
          },
          {
            key: 'valid',
            label: t('criteriaSets.column.valid'),
            children: checking ? (
              <Tag>{t('criteriaSets.editor.checking')}</Tag>
            ) : issues.count === 0 ? (
              <Tag color="green" data-testid="criteria-set-valid">
                {t('criteriaSets.valid')}
              </Tag>
            ) : (
              <Tag color="red" data-testid="criteria-set-invalid">
                {t('criteriaSets.issues', { count: issues.count })}
              </Tag>
            ),
          },
          {
            key: 'changes',
            label: t('criteriaSets.editor.changes'),
            children: dirty ? (
              <Tag color="orange" data-testid="criteria-set-unsaved">
                {t('criteriaSets.editor.unsaved')}
              </Tag>
            ) : (
              t('criteriaSets.editor.allSaved')
            ),
          },
        ]}
      />
      {issues.setIssues.length > 0 ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={issues.setIssues.join(' ')} />
      ) : null}
    </Card>
  );
}
