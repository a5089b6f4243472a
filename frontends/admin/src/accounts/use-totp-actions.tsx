/**
 * The second factor on the "Tài khoản" page: each account's TOTP state, requiring it of one
 * account, and the "require for every admin and appraisal account" button.
 */
import { useMemo } from 'react';
import { SafetyOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '@par/auth';
import { accountAuditActions } from '@par/contracts';
import type { Account, TotpState } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { ns } from '../i18n';

export function useTotpActions(onChanged: () => void) {
  const { t } = useTranslation(ns);
  const { message, modal } = AntApp.useApp();
  const api = useApiClient();
  const { user } = useAuth();
  const listing = useActionQuery(accountAuditActions.listAccountTotp, {});
  const states = useMemo(
    () =>
      listing.data
        ? new Map<string, TotpState>(listing.data.items.map((item) => [item.id, item.totp]))
        : undefined,
    [listing.data],
  );
  const failed = (error: unknown) =>
    void message.error(isApiError(error) ? error.message : String(error));
  const done = (text: string) => {
    void message.success(text);
    listing.reload();
    onChanged();
  };

  const requireOne = (account: Account) =>
    void modal.confirm({
      title: t('totp.confirm.one', { username: account.username }),
      content: t('totp.confirm.help'),
      okText: t('totp.confirm.ok'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: t('totp.confirm.cancel'),
      onOk: () =>
        api
          .callAction(accountAuditActions.requireAccountTotp, { id: account.id })
          .then(() => done(t('totp.done.one', { username: account.username })))
          .catch(failed),
    });

  // The admin clicking is an admin too: say so, and what their own next login will ask.
  const ownState = states?.get(user.id);
  const requireAll = () =>
    void modal.confirm({
      title: t('totp.confirm.all'),
      content: (
        <div data-testid="totp-require-all-help">
          <p>
            {ownState === 'configured'
              ? t('totp.confirm.allSelfConfigured')
              : t('totp.confirm.allIncludesSelf', { username: user.username })}
          </p>
          <p>{t('totp.confirm.help')}</p>
        </div>
      ),
      okText: t('totp.confirm.ok'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: t('totp.confirm.cancel'),
      onOk: () =>
        api
          .callAction(accountAuditActions.requireTotpForPrivileged, {})
          .then((result) => done(t('totp.done.all', { count: result.items.length })))
          .catch(failed),
    });

  const requireAllButton = (
    <Button icon={<SafetyOutlined />} onClick={requireAll} data-testid="account-require-totp-all">
      {t('totp.requireAll')}
    </Button>
  );

  return { states, requireOne, requireAllButton };
}
