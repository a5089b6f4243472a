/** The "Tài khoản" page: accounts read live from Keycloak, filters, issuing and row actions. */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { accountRoles, accountUserActions } from '@par/contracts';
import type { Account, AccountJob, AccountRole, IssuedAccount } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { AccountCreateModal } from './AccountCreateModal';
import { AccountMoveModal } from './AccountMoveModal';
import { AccountRolesModal } from './AccountRolesModal';
import { AccountTable } from './AccountTable';
import type { AccountRowAction } from './AccountTable';
import { IssuedPasswordsModal } from './IssuedPasswordsModal';
import { AccountJobModal, skippedItems } from './AccountJobModal';
import { useAccountJob } from './use-account-job';
import { useAllUnits } from './use-all-units';
import { useTotpActions } from './use-totp-actions';

const listLimit = 1000;

export default function AccountsPage() {
  const { t } = useTranslation(ns);
  const { message, modal } = AntApp.useApp();
  const api = useApiClient();
  const [unit, setUnit] = useState<string | undefined>();
  const [role, setRole] = useState<AccountRole | undefined>();
  const [enabled, setEnabled] = useState<'true' | 'false' | undefined>();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedAccount[] | null>(null);
  const [startedJob, setStartedJob] = useState<AccountJob | null>(null);
  const jobState = useAccountJob(startedJob);
  const [editingRoles, setEditingRoles] = useState<Account | null>(null);
  const [moving, setMoving] = useState<Account | null>(null);

  const listing = useActionQuery(accountUserActions.listAccounts, {
    unit,
    role,
    enabled: enabled === undefined ? undefined : enabled === 'true',
    limit: listLimit,
  });
  const unitItems = useAllUnits();
  const navigate = useNavigate();
  const totp = useTotpActions(listing.reload);

  const failed = (error: unknown) =>
    void message.error(isApiError(error) ? error.message : String(error));

  const saved = (account: Account, text: string) => {
    setEditingRoles(null);
    setMoving(null);
    void message.success(text);
    listing.reload();
    return account;
  };

  const onAction = (action: AccountRowAction, account: Account) => {
    if (action === 'history') void navigate(`../audit?account=${encodeURIComponent(account.id)}`);
    if (action === 'requireTotp') totp.requireOne(account);
    if (action === 'roles') setEditingRoles(account);
    if (action === 'move') setMoving(account);
    if (action === 'toggleEnabled')
      void modal.confirm({
        title: account.enabled
          ? t('accounts.confirm.disable', { username: account.username })
          : t('accounts.confirm.enable', { username: account.username }),
        content: account.enabled ? t('accounts.confirm.disableHelp') : undefined,
        okText: account.enabled ? t('accounts.action.disable') : t('accounts.action.enable'),
        okButtonProps: { danger: account.enabled, 'data-testid': 'confirm-ok' },
        cancelText: t('accounts.cancel'),
        onOk: () =>
          api
            .callAction(accountUserActions.setAccountEnabled, {
              id: account.id,
              enabled: !account.enabled,
            })
            .then((changed) =>
              saved(
                changed,
                t(changed.enabled ? 'accounts.done.enabled' : 'accounts.done.disabled', {
                  username: changed.username,
                }),
              ),
            )
            .catch(failed),
      });
    if (action === 'resetPassword')
      void modal.confirm({
        title: t('accounts.confirm.reset', { username: account.username }),
        content: t('accounts.confirm.resetHelp'),
        okText: t('accounts.action.resetPassword'),
        okButtonProps: { 'data-testid': 'confirm-ok' },
        cancelText: t('accounts.cancel'),
        onOk: () =>
          api
            .callAction(accountUserActions.resetAccountPassword, { id: account.id })
            .then((result) => {
              listing.reload();
              setIssued([result]);
            })
            .catch(failed),
      });
  };

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        description={t('accounts.description')}
        extra={
          <Flex gap={8} wrap>
            {totp.requireAllButton}
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="account-create-open"
            >
              {t('accounts.create')}
            </Button>
          </Flex>
        }
      />
      <ListCard
        query={listing}
        toolbar={
          <Flex gap={12} wrap>
            <Select<string>
              id="account-filter-unit"
              data-testid="account-filter-unit"
              aria-label={t('accounts.filter.unit')}
              placeholder={t('accounts.filter.unit')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={unit}
              onChange={(value) => setUnit(value ?? undefined)}
              options={unitItems.map((u) => ({ value: u.code, label: `${u.code} — ${u.name}` }))}
              style={{ minWidth: 240 }}
            />
            <Select<AccountRole>
              id="account-filter-role"
              aria-label={t('accounts.filter.role')}
              placeholder={t('accounts.filter.role')}
              allowClear
              value={role}
              onChange={(value) => setRole(value ?? undefined)}
              options={accountRoles.map((r) => ({ value: r, label: t(`accounts.role.${r}`) }))}
              style={{ minWidth: 200 }}
            />
            <Select<'true' | 'false'>
              id="account-filter-enabled"
              aria-label={t('accounts.filter.enabled')}
              placeholder={t('accounts.filter.enabled')}
              allowClear
              value={enabled}
              onChange={(value) => setEnabled(value ?? undefined)}
              options={[
                { value: 'true', label: t('accounts.status.enabled') },
                { value: 'false', label: t('accounts.status.disabled') },
              ]}
              style={{ minWidth: 160 }}
            />
          </Flex>
        }
        count={listing.data ? t('accounts.count', { count: listing.data.total }) : null}
        countTestId="account-count"
        errorStatus="warning"
        errorTestId="accounts-load-failed"
        errorTitle={t('accounts.loadFailed')}
        empty={
          <EmptyState
            testId="accounts-empty"
            title={t('accounts.empty.title')}
            description={t('accounts.empty.description')}
          />
        }
      >
        {(empty) => (
          <AccountTable
            accounts={listing.data?.items ?? []}
            loading={listing.loading}
            onAction={onAction}
            totp={totp.states}
            empty={empty}
          />
        )}
      </ListCard>
      <AccountCreateModal
        open={creating}
        units={unitItems}
        onClose={() => setCreating(false)}
        onCreated={(items) => {
          setCreating(false);
          setIssued(items);
          listing.reload();
        }}
        onJobStarted={(job) => {
          setCreating(false);
          setStartedJob(job);
        }}
      />
      {/* The job's progress until its passwords arrive; then they replace it, shown once. */}
      <AccountJobModal
        job={startedJob && !jobState.issued ? jobState.job : null}
        error={jobState.error}
        taking={jobState.taking}
        onTakePasswords={jobState.takePasswords}
        onClose={() => {
          setStartedJob(null);
          listing.reload();
        }}
      />
      <IssuedPasswordsModal
        issued={issued ?? (startedJob ? jobState.issued : null)}
        units={unitItems}
        skipped={issued ? [] : skippedItems(jobState.job)}
        onClose={() => {
          setIssued(null);
          setStartedJob(null);
          listing.reload();
        }}
      />
      <AccountRolesModal
        account={editingRoles}
        onClose={() => setEditingRoles(null)}
        onSaved={(account) =>
          saved(account, t('accounts.done.roles', { username: account.username }))
        }
      />
      <AccountMoveModal
        account={moving}
        units={unitItems}
        onClose={() => setMoving(null)}
        onSaved={(account) =>
          saved(account, t('accounts.done.moved', { username: account.username }))
        }
      />
    </>
  );
}
