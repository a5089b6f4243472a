/** What still blocks the draft's publication: each undecided blocker, decided in a dialog. */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Tag } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BlockerDecisions, Consolidation, ConsolidationBlocker } from '@par/contracts';
import type { ActionQuery } from '@par/client';
import { EmptyState, ErrorState } from '@par/ui';
import { ns } from '../i18n';
import { DecideBlockerModal } from './DecideBlockerModal';
import { decisionsSinceDraft, pendingBlockers } from './results-format';

export interface BlockersCardProps {
  periodId: string;
  draft: Consolidation;
  decisions: ActionQuery<BlockerDecisions>;
  onDecided: () => void;
}

export function BlockersCard({ periodId, draft, decisions, onDecided }: BlockersCardProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const [deciding, setDeciding] = useState<ConsolidationBlocker | null>(null);
  const current = decisions.data;
  const pending = current ? pendingBlockers(draft.blockers, current.items) : [];
  const stale = current ? decisionsSinceDraft(draft.decisionsVersion, current.version) : false;

  return (
    <Card data-testid="results-blockers" title={t('results.blockers.title')}>
      {stale ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="results-blockers-stale"
          message={t('results.blockers.stale')}
        />
      ) : null}
      {decisions.error ? (
        <ErrorState
          title={t('results.blockers.loadFailed')}
          description={decisions.error.message}
          onRetry={decisions.reload}
        />
      ) : current && pending.length === 0 ? (
        <EmptyState testId="results-blockers-none" title={t('results.blockers.none')} />
      ) : (
        <Table<ConsolidationBlocker>
          rowKey={(b) => `${b.unitCode}/${b.kind}`}
          size="small"
          loading={decisions.loading}
          dataSource={pending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              key: 'unit',
              title: t('results.column.unit'),
              render: (_, b) => `${b.unitCode} — ${b.unitName}`,
            },
            {
              key: 'kind',
              title: t('results.blockers.kind'),
              render: (_, b) => <Tag color="orange">{t(`results.blocker.${b.kind}`)}</Tag>,
            },
            {
              key: 'criteria',
              title: t('results.blockers.criteria'),
              render: (_, b) => (b.criterionCodes.length ? b.criterionCodes.join(', ') : '—'),
            },
            {
              key: 'action',
              title: '',
              render: (_, b) => (
                <Button
                  size="small"
                  onClick={() => setDeciding(b)}
                  data-testid={`blocker-decide-${b.unitCode}-${b.kind}`}
                >
                  {t('results.blockers.decide')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {deciding && current ? (
        <DecideBlockerModal
          periodId={periodId}
          blocker={deciding}
          version={current.version}
          onClose={() => setDeciding(null)}
          onStale={decisions.reload}
          onDecided={() => {
            setDeciding(null);
            void message.success(t('results.decide.done'));
            onDecided();
          }}
        />
      ) : null}
    </Card>
  );
}
