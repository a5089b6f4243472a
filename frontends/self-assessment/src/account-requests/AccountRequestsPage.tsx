/** "Đề nghị cấp tài khoản": a unit approver asks for accounts and follows their requests. */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@par/auth';
import { accountRequestActions, formatVietnamDateTime, unitApproverRole } from '@par/contracts';
import type { AccountRequest, AccountRequestStatus } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { AccountRequestModal } from './AccountRequestModal';

const statusColor: Record<AccountRequestStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
};

export default function AccountRequestsPage() {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const { user, hasRole } = useAuth();
  const approver = hasRole(unitApproverRole);
  const listing = useActionQuery(
    accountRequestActions.listAccountRequests,
    { limit: 200 },
    { enabled: approver },
  );
  const [creating, setCreating] = useState(false);

  if (!approver)
    return (
      <Card>
        <EmptyState
          testId="account-requests-not-approver"
          title={t('accountRequests.notApprover.title')}
          description={t('accountRequests.notApprover.description')}
        />
      </Card>
    );

  const items = listing.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('accountRequests.title')}
        description={t('accountRequests.description')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="account-request-create"
          >
            {t('accountRequests.create')}
          </Button>
        }
      />
      <ListCard
        query={listing}
        errorTitle={t('accountRequests.loadFailed')}
        empty={<EmptyState testId="account-requests-empty" title={t('accountRequests.empty')} />}
        isEmpty={items.length === 0}
      >
        <div data-testid="account-requests-table">
          <Table<AccountRequest>
            rowKey="id"
            loading={listing.loading}
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                key: 'createdAt',
                title: t('accountRequests.column.createdAt'),
                render: (_, r) => formatVietnamDateTime(r.createdAt),
              },
              {
                key: 'unit',
                title: t('accountRequests.column.unit'),
                render: (_, r) => r.unitCode,
              },
              {
                key: 'people',
                title: t('accountRequests.column.people'),
                render: (_, r) => (
                  <Flex vertical>
                    {r.people.map((p, i) => (
                      <span key={i}>
                        {p.fullName}
                        {r.usernames[i] ? (
                          <>
                            {' '}
                            <Typography.Text code>{r.usernames[i]}</Typography.Text>
                          </>
                        ) : null}
                      </span>
                    ))}
                  </Flex>
                ),
              },
              {
                key: 'status',
                title: t('accountRequests.column.status'),
                render: (_, r) => (
                  <>
                    <Tag color={statusColor[r.status]} data-testid={`request-status-${r.id}`}>
                      {t(`accountRequests.status.${r.status}`)}
                    </Tag>
                    {r.rejectionReason ? (
                      <Typography.Paragraph type="danger" style={{ margin: 0 }}>
                        {t('accountRequests.rejectedBecause', { reason: r.rejectionReason })}
                      </Typography.Paragraph>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </div>
      </ListCard>
      <AccountRequestModal
        open={creating}
        unitCode={user.unit}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success(t('accountRequests.created'));
          listing.reload();
        }}
      />
    </>
  );
}
