/**
 * The consultations of the scope (every unit's for the admin, the officer's own unit's): each
 * one's deadline and comments waiting for moderation; post a new one.
 */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tag } from 'antd';
import Table from 'antd/es/table';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  formatVietnamDateTime,
  surveyConsultationActions,
  type Consultation,
} from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ConsultationCreateModal } from '../create/ConsultationCreateModal';
import { ns } from '../i18n';
import type { ConsultationScope } from '../scope';

export interface ConsultationListPageProps {
  scope: ConsultationScope;
}

export default function ConsultationListPage({ scope }: ConsultationListPageProps) {
  const { t } = useTranslation(ns);
  const ownUnit = scope.kind === 'ownUnit' ? scope.unitCode : undefined;
  const description =
    ownUnit === undefined ? t('description') : t('descriptionUnit', { unit: ownUnit ?? '—' });
  if (ownUnit === null)
    return (
      <>
        <PageHeader title={t('title')} description={description} />
        <Card>
          <EmptyState
            testId="consultations-no-unit"
            title={t('noUnit.title')}
            description={t('noUnit.description')}
          />
        </Card>
      </>
    );
  return <ConsultationList asksUnit={ownUnit === undefined} description={description} />;
}

function ConsultationList({ asksUnit, description }: { asksUnit: boolean; description: string }) {
  const { t } = useTranslation(ns);
  const navigate = useNavigate();
  const query = useActionQuery(surveyConsultationActions.listConsultations, {});
  const [creating, setCreating] = useState(false);
  const items = query.data?.items ?? [];
  const create = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      data-testid="consultation-create"
      onClick={() => setCreating(true)}
    >
      {t('create')}
    </Button>
  );
  const columns: TableColumnsType<Consultation> = [
    {
      key: 'title',
      title: t('columns.title'),
      render: (_, c) => <Link to={c.id}>{c.title}</Link>,
    },
    // An officer's list holds their own unit's drafts only: no column repeating it.
    ...(asksUnit ? [{ key: 'unit', title: t('columns.unit'), dataIndex: 'unitCode' }] : []),
    {
      key: 'closesAt',
      title: t('columns.closesAt'),
      render: (_, c) => (
        <>
          {formatVietnamDateTime(c.closesAt)}{' '}
          <Tag color={c.accepting ? 'green' : 'default'}>{t(c.accepting ? 'open' : 'ended')}</Tag>
        </>
      ),
    },
    {
      key: 'pending',
      title: t('columns.pending'),
      align: 'right',
      render: (_, c) =>
        c.comments.pending > 0 ? (
          <Tag color="orange" data-testid="consultation-pending">
            {c.comments.pending}
          </Tag>
        ) : (
          0
        ),
    },
    {
      key: 'approved',
      title: t('columns.approved'),
      align: 'right',
      render: (_, c) => c.comments.approved,
    },
    {
      key: 'summary',
      title: t('columns.summary'),
      render: (_, c) => (c.summaryPublishedAt ? t('summaryPublished') : '—'),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} description={description} extra={create} />
      <ListCard
        query={query}
        errorTitle={t('loadFailed')}
        isEmpty={items.length === 0}
        count={query.data ? t('count', { count: items.length }) : null}
        empty={
          <EmptyState
            testId="consultations-empty"
            title={t('emptyTitle')}
            description={t('emptyDescription')}
          >
            {create}
          </EmptyState>
        }
      >
        <Table
          rowKey="id"
          dataSource={items}
          pagination={false}
          data-testid="consultation-table"
          onRow={(c) => ({ 'data-testid': `consultation-${c.id}` }) as never}
          columns={columns}
        />
      </ListCard>
      <ConsultationCreateModal
        open={creating}
        asksUnit={asksUnit}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          void navigate(c.id);
        }}
      />
    </>
  );
}
