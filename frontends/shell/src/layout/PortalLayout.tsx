/** The frame around every area: brand, navigation by role, language switch, user menu. */
import { useAuth } from '@par/auth';
import { LanguageSwitch } from '@par/ui';
import { Flex, Grid, Layout, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { shellNamespace } from '../i18n';
import { areasFor } from '../navigation/areas';
import { UserMenu } from './UserMenu';

export function PortalLayout() {
  const { t } = useTranslation(shellNamespace);
  const { hasRole } = useAuth();
  const { pathname } = useLocation();
  const visible = areasFor(hasRole);
  // Below antd's `sm` (576 px, a phone held upright) the header drops the brand's words and the
  // user's name (the menu button still names them to screen readers) and tightens its gaps, so it
  // fits 360 px without scrolling the page sideways.
  const narrow = Grid.useBreakpoint().sm === false;
  const active = visible.find(
    (area) => pathname === area.path || pathname.startsWith(`${area.path}/`),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 8 : 24,
          paddingInline: narrow ? 12 : 24,
          borderBottom: '1px solid #e5e7eb',
        }}
      >
        <Link
          to="/"
          aria-label={t('appName')}
          style={{ display: 'flex', alignItems: 'center', gap: 10 }}
        >
          <span
            aria-hidden
            style={{
              width: 28,
              height: 28,
              borderRadius: 6,
              background: '#a8201a',
              display: 'inline-block',
            }}
          />
          {!narrow && (
            <Typography.Text strong style={{ fontSize: 17, whiteSpace: 'nowrap' }}>
              {t('appShortName')}
            </Typography.Text>
          )}
        </Link>
        <nav aria-label={t('nav.label')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            mode="horizontal"
            selectedKeys={active ? [active.key] : []}
            style={{ borderBottom: 'none' }}
            items={visible.map((area) => ({
              key: area.key,
              label: (
                <Link to={area.path} data-testid={area.testId}>
                  {t(`nav.${area.key}`)}
                </Link>
              ),
            }))}
          />
        </nav>
        <Flex align="center" gap={narrow ? 4 : 12}>
          <LanguageSwitch />
          <UserMenu compact={narrow} />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Outlet />
        </main>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#6b7280' }}>{t('footer')}</Layout.Footer>
    </Layout>
  );
}
