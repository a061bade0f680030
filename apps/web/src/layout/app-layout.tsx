import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { DevClockBanner } from '../clock/dev-clock-banner';
import { useT } from '../i18n/i18n';
import { NotificationBell } from '../notifications/notification-bell';
import { Link } from '../router/router';
import { LanguageSwitch } from './language-switch';
import { NavMenu } from './nav-menu';
import { UserMenu } from './user-menu';

/** The frame of every signed-in page: header, role-based menu (a drawer on a phone), main content. */
export function AppLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        {!wide && (
          <Button type="text" icon={<MenuOutlined />} aria-label={t('menu.open')} onClick={() => setDrawerOpen(true)} />
        )}
        <Link to="/" className="app-title">
          {t('app.title')}
        </Link>
        <div className="app-header-actions">
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={200} theme="light" className="app-sider">
            <NavMenu />
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.title')}
            size={240}
          >
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout.Content id="main" tabIndex={-1} className="app-content">
          <DevClockBanner />
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
