/** The "Yêu cầu cấp tài khoản" page: units' requests, pending first, approved or rejected here. */
import { useState } from 'react';
import { App as AntApp, Button, Flex, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { accountRequestActions, accountRequestStatuses } from '@par/contracts';
import type { AccountRequest, AccountRequestStatus, IssuedAccount } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { IssuedPasswordsModal } from '../accounts/IssuedPasswordsModal';
import { RejectRequestModal } from './RejectRequestModal';

const statusColor: Record<AccountRequestStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
};

export default function AccountRequestsPage() {
  const { t } = useTranslation(ns);
  const { message, modal } = AntApp.useApp();
  const api = useApiClient();
  const [status, setStatus] = useState<AccountRequestStatus | undefined>(undefined);
  const listing = useActionQuery(accountRequestActions.listAccountRequests, {
    limit: 500,
    ...(status ? { status } : {}),
  });
  const [issued, setIssued] = useState<IssuedAccount[] | null>(null);
  const [rejecting, setRejecting] = useState<AccountRequest | null>(null);

  const approve = (request: AccountRequest) =>
    void modal.confirm({
      title: t('accountRequests.approve.confirm', {
        count: request.people.length,
        unit: request.unitCode,
      }),
      okText: t('accountRequests.approve.action'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: t('accounts.cancel'),
      onOk: () =>
        api
          .callAction(accountRequestActions.approveAccountRequest, {
            id: request.id,
            version: request.version,
          })
          .then((result) => {
            setIssued(result.items);
            listing.reload();
          })
          .catch((error: unknown) => {
            void message.error(isApiError(error) ? error.message : String(error));
            listing.reload();
          }),
    });

  const items = listing.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('accountRequests.title')}
        description={t('accountRequests.description')}
      />
      <ListCard
        query={listing}
        toolbar={
          <Flex gap={12} wrap>
            <Select<AccountRequestStatus>
              id="account-request-filter-status"
              data-testid="account-request-filter-status"
              aria-label={t('accountRequests.filter.status')}
              placeholder={t('accountRequests.filter.status')}
              allowClear
              value={status}
              onChange={(value) => setStatus(value ?? undefined)}
              options={accountRequestStatuses.map((value) => ({
                value,
                label: t(`accountRequests.status.${value}`),
              }))}
              style={{ minWidth: 200 }}
            />
          </Flex>
        }
        errorTitle={t('accountRequests.loadFailed')}
        empty={
          <EmptyState
            testId="account-requests-empty"
            title={
              status
                ? t('accountRequests.emptyWithStatus', {
                    status: t(`accountRequests.status.${status}`),
                  })
                : t('accountRequests.empty')
            }
          />
        }
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
                key: 'unit',
                title: t('accountRequests.column.unit'),
                render: (_, r) => r.unitCode,
              },
              {
                key: 'requester',
                title: t('accountRequests.column.requester'),
                render: (_, r) => `${r.requester.username} (${r.requester.unit})`,
              },
              {
                key: 'people',
                title: t('accountRequests.column.people'),
                render: (_, r) => (
                  <Flex vertical>
                    {r.people.map((p, i) => (
                      <span key={i}>
                        {p.fullName}
                        {p.roles.includes('unit-approver')
                          ? ` — ${t('accountRequests.approverRole')}`
                          : ''}
                        {r.usernames[i] ? (
                          <Typography.Text code>{r.usernames[i]}</Typography.Text>
                        ) : null}
                      </span>
                    ))}
                  </Flex>
                ),
              },
              {
                key: 'reason',
                title: t('accountRequests.column.reason'),
                render: (_, r) => (
                  <>
                    {r.reason}
                    {r.rejectionReason ? (
                      <Typography.Paragraph type="danger" style={{ margin: 0 }}>
                        {t('accountRequests.rejectedBecause', { reason: r.rejectionReason })}
                      </Typography.Paragraph>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'status',
                title: t('accountRequests.column.status'),
                render: (_, r) => (
                  <Tag color={statusColor[r.status]} data-testid={`request-status-${r.id}`}>
                    {t(`accountRequests.status.${r.status}`)}
                  </Tag>
                ),
              },
              {
                key: 'actions',
                title: t('accountRequests.column.actions'),
                render: (_, r) =>
                  r.status === 'pending' ? (
                    <Flex gap={8}>
                      <Button
                        type="primary"
                        size="small"
                        onClick={() => approve(r)}
                        data-testid={`request-approve-${r.id}`}
                      >
                        {t('accountRequests.approve.action')}
                      </Button>
                      <Button
                        danger
                        size="small"
                        onClick={() => setRejecting(r)}
                        data-testid={`request-reject-${r.id}`}
                      >
                        {t('accountRequests.reject.action')}
                      </Button>
                    </Flex>
                  ) : null,
              },
            ]}
          />
        </div>
      </ListCard>
      <RejectRequestModal
        request={rejecting}
        onClose={() => setRejecting(null)}
        onRejected={() => {
          setRejecting(null);
          void message.success(t('accountRequests.reject.done'));
          listing.reload();
        }}
      />
      <IssuedPasswordsModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
