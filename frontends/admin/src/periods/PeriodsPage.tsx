/** The "Đợt đánh giá" page: assessment periods, their phases, deadlines and progress. */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Tag, Typography } from 'antd';
import Descriptions from 'antd/es/descriptions';
import Steps from 'antd/es/steps';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { accountsActions, periodActions } from '@par/contracts';
import type { Period } from '@par/contracts';
import { isApiError, useActionQuery, useAllPages, useApiClient } from '@par/client';
import { EmptyState, ErrorState, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { HistoryButton } from '../criteria-sets/HistoryDrawer';
import { ExtendDeadlineModal } from './ExtendDeadlineModal';
import { PeriodFormModal } from './PeriodFormModal';
import { ProgressBoard } from './ProgressBoard';
import { formatVietnamTime } from './form-state';

export default function PeriodsPage() {
  const { t } = useTranslation(ns);
  const { message, modal } = AntApp.useApp();
  const api = useApiClient();
  const listing = useActionQuery(periodActions.listPeriods, { limit: 100 });
  const units = useAllPages(accountsActions.listUnits, { limit: 1000 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Period | 'new' | null>(null);
  const [extending, setExtending] = useState<{ unitCode: string | null } | null>(null);

  const items = listing.data?.items ?? [];
  const selected = items.find((p) => p.id === selectedId) ?? null;

  const advance = (period: Period) => {
    const phases = period.phases;
    const next = phases[phases.findIndex((p) => p.phase === period.currentPhase) + 1];
    if (!next) return;
    void modal.confirm({
      title: t('periods.advance.confirm', {
        from: t(`periods.phase.${period.currentPhase}`),
        to: t(`periods.phase.${next.phase}`),
      }),
      content: t('periods.advance.explain'),
      okText: t('periods.advance.action'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: t('periods.cancel'),
      onOk: () =>
        api
          .callAction(periodActions.advancePeriodPhase, { id: period.id, version: period.version })
          .then((moved) => {
            void message.success(
              t('periods.advance.done', { phase: t(`periods.phase.${moved.currentPhase}`) }),
            );
            listing.reload();
          })
          .catch((error: unknown) => {
            void message.error(isApiError(error) ? error.message : String(error));
            listing.reload();
          }),
    });
  };

  return (
    <>
      <PageHeader
        title={t('periods.title')}
        description={t('periods.description')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="period-create">
            {t('periods.create')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        {listing.error ? (
          <ErrorState
            title={t('periods.loadFailed')}
            description={listing.error.message}
            onRetry={listing.reload}
          />
        ) : !listing.loading && items.length === 0 ? (
          <EmptyState testId="periods-empty" title={t('periods.empty')} />
        ) : (
          <Table<Period>
            rowKey="id"
            size="small"
            loading={listing.loading}
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            rowClassName={(p) => (p.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(p) => ({ onClick: () => setSelectedId(p.id) })}
            columns={[
              {
                key: 'name',
                title: t('periods.column.name'),
                render: (_, p) => (
                  <Typography.Link
                    onClick={() => setSelectedId(p.id)}
                    data-testid={`period-open-${p.id}`}
                  >
                    {p.name}
                  </Typography.Link>
                ),
              },
              { key: 'index', title: t('periods.column.index'), dataIndex: 'indexCode' },
              { key: 'year', title: t('periods.column.year'), dataIndex: 'year' },
              {
                key: 'units',
                title: t('periods.column.units'),
                render: (_, p) => p.units.length.toLocaleString('vi-VN'),
              },
              {
                key: 'phase',
                title: t('periods.column.phase'),
                render: (_, p) => (
                  <Tag color="blue" data-testid={`period-phase-${p.id}`}>
                    {t(`periods.phase.${p.currentPhase}`)}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>

      {selected ? (
        <Card
          data-testid="period-detail"
          title={selected.name}
          extra={
            <Flex gap={8}>
              {selected.currentPhase === 'setup' ? (
                <Button onClick={() => setEditing(selected)} data-testid="period-edit">
                  {t('periods.edit')}
                </Button>
              ) : null}
              <HistoryButton key={selected.id} periodId={selected.id} />
              <Button onClick={() => setExtending({ unitCode: null })} data-testid="period-extend">
                {t('periods.extend.action')}
              </Button>
              {selected.currentPhase !== 'published' ? (
                <Button
                  type="primary"
                  onClick={() => advance(selected)}
                  data-testid="period-advance"
                >
                  {t('periods.advance.action')}
                </Button>
              ) : null}
            </Flex>
          }
        >
          <Steps
            size="small"
            style={{ marginBottom: 16 }}
            current={selected.phases.findIndex((p) => p.phase === selected.currentPhase)}
            items={selected.phases.map((p) => ({
              title: t(`periods.phase.${p.phase}`),
              description: `${formatVietnamTime(p.startsAt)} – ${formatVietnamTime(p.endsAt)}`,
            }))}
          />
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('periods.column.phase')}>
              <span data-testid="period-current-phase">
                {t(`periods.phase.${selected.currentPhase}`)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('periods.detail.sets')}>
              {selected.criteriaSets.map((c) => c.unitGroup).join(', ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('periods.detail.extensions')} span={2}>
              {selected.extensions.length === 0
                ? t('periods.detail.noExtensions')
                : selected.extensions
                    .map(
                      (e) =>
                        `${e.unitCode} (${t(`periods.phase.${e.phase}`)}): ${formatVietnamTime(e.endsAt)} — ${e.reason}`,
                    )
                    .join('; ')}
            </Descriptions.Item>
          </Descriptions>
          <ProgressBoard
            key={selected.id}
            period={selected}
            onExtend={(unitCode) => setExtending({ unitCode })}
          />
        </Card>
      ) : items.length > 0 ? (
        <Typography.Paragraph type="secondary">{t('periods.pick')}</Typography.Paragraph>
      ) : null}

      <PeriodFormModal
        open={editing !== null}
        period={editing === 'new' ? null : editing}
        units={units.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={(period) => {
          setEditing(null);
          setSelectedId(period.id);
          void message.success(t('periods.form.saved', { name: period.name }));
          listing.reload();
        }}
      />
      {selected && extending ? (
        <ExtendDeadlineModal
          open
          period={selected}
          unitCode={extending.unitCode}
          onClose={() => setExtending(null)}
          onExtended={() => {
            setExtending(null);
            void message.success(t('periods.extend.done'));
            listing.reload();
          }}
        />
      ) : null}
    </>
  );
}
