/** Who is logged in, their unit, and logout. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '@par/auth';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n';

export function UserMenu() {
  const { t } = useTranslation(shellNamespace);
  const { user, logout } = useAuth();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'unit',
            disabled: true,
            label: user.unit ? t('user.unit', { unit: user.unit }) : t('user.noUnit'),
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
        {user.username}
      </Button>
    </Dropdown>
  );
}
