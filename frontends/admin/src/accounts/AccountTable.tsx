/** The list of accounts: username, name, unit, roles, status, and the row actions. */
import type { ReactNode } from 'react';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import Table from 'antd/es/table';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, TotpState } from '@par/contracts';
import { ns } from '../i18n';

export type AccountRowAction =
  'roles' | 'move' | 'toggleEnabled' | 'resetPassword' | 'requireTotp' | 'history';

const totpColors: Record<TotpState, string> = {
  configured: 'green',
  required: 'gold',
  notRequired: 'default',
};

export interface AccountTableProps {
  accounts: readonly Account[];
  loading: boolean;
  empty: ReactNode;
  onAction: (action: AccountRowAction, account: Account) => void;
  /** Each account's second-factor state; the column is left out until it has loaded. */
  totp?: ReadonlyMap<string, TotpState>;
}

export function AccountTable({ accounts, loading, empty, onAction, totp }: AccountTableProps) {
  const { t } = useTranslation(ns);
  const none = t('accounts.none');
  const columns: TableColumnsType<Account> = [
    {
      key: 'username',
      dataIndex: 'username',
      title: t('accounts.column.username'),
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('accounts.column.name'),
      render: (_, account) =>
        [account.lastName, account.firstName].filter(Boolean).join(' ') || none,
    },
    {
      key: 'unit',
      dataIndex: 'unit',
      title: t('accounts.column.unit'),
      render: (unit: string | null) => unit ?? none,
    },
    {
      key: 'roles',
      dataIndex: 'roles',
      title: t('accounts.column.roles'),
      render: (roles: Account['roles']) =>
        roles.length
          ? roles.map((role) => <Tag key={role}>{t(`accounts.role.${role}`)}</Tag>)
          : none,
    },
    {
      key: 'status',
      title: t('accounts.column.status'),
      render: (_, account) => (
        <Space size={4} wrap>
          {account.enabled ? (
            <Tag color="green">{t('accounts.status.enabled')}</Tag>
          ) : (
            <Tag color="red">{t('accounts.status.disabled')}</Tag>
          )}
          {account.requiredActions.includes('UPDATE_PASSWORD') ? (
            <Tag color="gold">{t('accounts.status.mustChangePassword')}</Tag>
          ) : null}
        </Space>
      ),
    },
    ...(totp
      ? [
          {
            key: 'totp',
            title: t('totp.column'),
            render: (_: unknown, account: Account) => {
              const state = totp.get(account.id);
              return state ? (
                <Tag color={totpColors[state]} data-testid={`account-totp-${account.username}`}>
                  {t(`totp.${state}`)}
                </Tag>
              ) : (
                none
              );
            },
          },
        ]
      : []),
    {
      key: 'actions',
      title: t('accounts.column.actions'),
      render: (_, account) => (
        <Space size={0} wrap>
          {account.protection ? (
            // The service refuses these changes too; here they are not offered at all.
            <Tooltip title={t(`accounts.protection.${account.protection}.hint`)}>
              <Tag data-testid={`account-protected-${account.username}`}>
                {t(`accounts.protection.${account.protection}.label`)}
              </Tag>
            </Tooltip>
          ) : (
            <>
              <Button
                type="link"
                size="small"
                onClick={() => onAction('roles', account)}
                data-testid={`account-roles-${account.username}`}
              >
                {t('accounts.action.roles')}
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => onAction('move', account)}
                data-testid={`account-move-${account.username}`}
              >
                {t('accounts.action.move')}
              </Button>
              <Button
                type="link"
                size="small"
                danger={account.enabled}
                onClick={() => onAction('toggleEnabled', account)}
                data-testid={`account-toggle-${account.username}`}
              >
                {account.enabled ? t('accounts.action.disable') : t('accounts.action.enable')}
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => onAction('resetPassword', account)}
                data-testid={`account-reset-${account.username}`}
              >
                {t('accounts.action.resetPassword')}
              </Button>
            </>
          )}
          {totp?.get(account.id) === 'notRequired' ? (
            <Button
              type="link"
              size="small"
              onClick={() => onAction('requireTotp', account)}
              data-testid={`account-require-totp-${account.username}`}
            >
              {t('totp.require')}
            </Button>
          ) : null}
          <Button
            type="link"
            size="small"
            onClick={() => onAction('history', account)}
            data-testid={`account-history-${account.username}`}
          >
            {t('totp.history')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="accounts-table">
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={accounts as Account[]}
        loading={loading}
        locale={{ emptyText: loading ? ' ' : empty }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: true }}
      />
    </div>
  );
}
