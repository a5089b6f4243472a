/** The period's published versions: publish or republish the draft, read any version, compare two. */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Tag } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime, rankingActions } from '@par/contracts';
import type { Consolidation, PublicationList, PublicationSummary } from '@par/contracts';
import { useActionQuery } from '@par/client';
import type { ActionQuery } from '@par/client';
import { EmptyState, ErrorState, Loading } from '@par/ui';
import { ns } from '../i18n';
import { ConsolidationCard } from './ConsolidationCard';
import { PublicationDiffView } from './PublicationDiffView';
import { PublishModal } from './PublishModal';
import { ResultsExportButtons } from './ResultsExportButtons';

export interface PublicationsCardProps {
  periodId: string;
  draft: Consolidation;
  publications: ActionQuery<PublicationList>;
  onPublished: () => void;
}

export function PublicationsCard({
  periodId,
  draft,
  publications,
  onPublished,
}: PublicationsCardProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const [publishing, setPublishing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const items = publications.data?.items ?? [];
  const latest = items.at(-1) ?? null;

  return (
    <>
      <Card
        data-testid="results-publications"
        title={t('results.publications.title')}
        extra={
          <Button
            type="primary"
            onClick={() => setPublishing(true)}
            disabled={!publications.data}
            data-testid="results-publish"
          >
            {latest
              ? t('results.publish.republishAction', { version: draft.version })
              : t('results.publish.action', { version: draft.version })}
          </Button>
        }
      >
        {publications.error ? (
          <ErrorState
            title={t('results.publications.loadFailed')}
            description={publications.error.message}
            onRetry={publications.reload}
          />
        ) : !publications.loading && items.length === 0 ? (
          <EmptyState testId="results-publications-none" title={t('results.publications.none')} />
        ) : (
          <Table<PublicationSummary>
            rowKey="number"
            size="small"
            loading={publications.loading}
            dataSource={[...items].reverse()}
            pagination={false}
            data-testid="results-publication-table"
            columns={[
              {
                key: 'number',
                title: t('results.publications.number'),
                render: (_, p) => (
                  <span data-testid={`publication-${p.number}`}>
                    {t('results.publications.numbered', { number: p.number })}{' '}
                    {p.superseded ? (
                      <Tag>{t('results.publications.superseded')}</Tag>
                    ) : (
                      <Tag color="green">{t('results.publications.current')}</Tag>
                    )}
                  </span>
                ),
              },
              {
                key: 'draft',
                title: t('results.publications.draft'),
                render: (_, p) =>
                  t('results.publications.draftVersion', { version: p.consolidationVersion }),
              },
              {
                key: 'at',
                title: t('results.publications.at'),
                render: (_, p) =>
                  `${formatVietnamDateTime(p.publishedAt)} — ${p.publishedBy.username ?? p.publishedBy.id}`,
              },
              {
                key: 'reason',
                title: t('results.publications.reason'),
                render: (_, p) => p.reason || '—',
              },
              {
                key: 'export',
                title: t('results.export.column'),
                render: (_, p) => (
                  <ResultsExportButtons
                    size="small"
                    target={{ kind: 'publication', periodId, number: p.number }}
                  />
                ),
              },
              {
                key: 'view',
                title: '',
                render: (_, p) => (
                  <Button
                    size="small"
                    onClick={() => setViewing(p.number)}
                    data-testid={`publication-view-${p.number}`}
                  >
                    {t('results.publications.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
        {items.length >= 2 ? (
          <PublicationDiffView key={items.length} periodId={periodId} publications={items} />
        ) : null}
      </Card>
      {viewing !== null ? (
        <PublicationView
          key={viewing}
          periodId={periodId}
          number={viewing}
          onClose={() => setViewing(null)}
        />
      ) : null}
      {publishing ? (
        <PublishModal
          periodId={periodId}
          consolidationVersion={draft.version}
          latest={latest}
          onClose={() => setPublishing(false)}
          onPublished={(publication) => {
            setPublishing(false);
            setViewing(publication.number);
            void message.success(t('results.publish.done', { number: publication.number }));
            onPublished();
          }}
        />
      ) : null}
    </>
  );
}

/** One published version's table, as it was published. */
function PublicationView({
  periodId,
  number,
  onClose,
}: {
  periodId: string;
  number: number;
  onClose: () => void;
}) {
  const { t } = useTranslation(ns);
  const publication = useActionQuery(rankingActions.getPublication, { periodId, number });
  if (publication.error) {
    return (
      <Card>
        <ErrorState
          title={t('results.publications.loadFailed')}
          description={publication.error.message}
          onRetry={publication.reload}
        />
      </Card>
    );
  }
  if (!publication.data) return <Loading />;
  const p = publication.data;
  return (
    <ConsolidationCard
      testId="results-publication"
      draft={p.consolidation}
      title={
        <Flex gap={8} align="center">
          <span>
            {t('results.publications.viewTitle', {
              number: p.number,
              version: p.consolidationVersion,
            })}
          </span>
          {p.superseded ? <Tag>{t('results.publications.superseded')}</Tag> : null}
        </Flex>
      }
      extra={
        <Button size="small" onClick={onClose}>
          {t('results.publications.close')}
        </Button>
      }
    />
  );
}
