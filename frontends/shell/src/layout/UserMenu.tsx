/** Who is logged in, the name of their unit, and logout. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '@par/auth';
import { useRouteQuery } from '@par/client';
import { accountsRoutes, type accountsActions } from '@par/contracts';
import { Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n';

/** `compact`: the button shows only its icon (its label still names the user). */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation(shellNamespace);
  const { user, logout } = useAuth();
  // Only an account bound to a unit asks; the answer holds for the whole session.
  const own = useRouteQuery<typeof accountsActions.getOwnUnit>(
    accountsRoutes.getOwnUnit,
    {},
    {
      enabled: user.unit !== null,
    },
  );
  const unit = own.data?.unit;

  // The token's code stands in until the name arrives, or when the portal does not know it.
  const unitLabel = !user.unit ? (
    t('user.noUnit')
  ) : unit ? (
    <span title={unit.code}>
      {t('user.unit', { unit: unit.name })}{' '}
      <Typography.Text type="secondary" data-testid="user-unit-code">
        ({unit.code})
      </Typography.Text>
    </span>
  ) : own.error ? (
    <span title={own.error.message}>{t('user.unitUnknown', { code: user.unit })}</span>
  ) : (
    t('user.unit', { unit: user.unit })
  );

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'unit',
            disabled: true,
            label: <span data-testid="user-unit">{unitLabel}</span>,
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('user.logout')}</span>,
            onClick: () => void logout(),
          },
        ],
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined />}
        data-testid="user-menu"
        aria-label={t('user.menu', { username: user.username })}
      >
        {!compact && user.username}
      </Button>
    </Dropdown>
  );
}
