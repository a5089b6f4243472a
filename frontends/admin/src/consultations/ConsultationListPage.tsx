/** The consultations: each one's unit, deadline and comments waiting for moderation; post a new one. */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatVietnamDateTime, surveyConsultationActions } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { ConsultationCreateModal } from './ConsultationCreateModal';

export default function ConsultationListPage() {
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
      {t('consultations.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('consultations.title')}
        description={t('consultations.description')}
        extra={create}
      />
      <ListCard
        query={query}
        errorTitle={t('consultations.loadFailed')}
        isEmpty={items.length === 0}
        count={query.data ? t('consultations.count', { count: items.length }) : null}
        empty={
          <EmptyState
            testId="consultations-empty"
            title={t('consultations.emptyTitle')}
            description={t('consultations.emptyDescription')}
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
          columns={[
            {
              key: 'title',
              title: t('consultations.columns.title'),
              render: (_, c) => <Link to={c.id}>{c.title}</Link>,
            },
            { key: 'unit', title: t('consultations.columns.unit'), dataIndex: 'unitCode' },
            {
              key: 'closesAt',
              title: t('consultations.columns.closesAt'),
              render: (_, c) => (
                <>
                  {formatVietnamDateTime(c.closesAt)}{' '}
                  <Tag color={c.accepting ? 'green' : 'default'}>
                    {t(c.accepting ? 'consultations.open' : 'consultations.ended')}
                  </Tag>
                </>
              ),
            },
            {
              key: 'pending',
              title: t('consultations.columns.pending'),
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
              title: t('consultations.columns.approved'),
              align: 'right',
              render: (_, c) => c.comments.approved,
            },
            {
              key: 'summary',
              title: t('consultations.columns.summary'),
              render: (_, c) => (c.summaryPublishedAt ? t('consultations.summaryPublished') : '—'),
            },
          ]}
        />
      </ListCard>
      <ConsultationCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          void navigate(c.id);
        }}
      />
    </>
  );
}
