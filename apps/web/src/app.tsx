import { App as AntApp, ConfigProvider } from 'antd';
import { Fragment } from 'react';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { ServerClockProvider, useServerClock } from './clock/server-clock';
import { PageLoading } from './components/page-loading';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppLayout } from './layout/app-layout';
import { UnreadCountProvider } from './notifications/unread-count';
import { LoginPage } from './pages/login-page';
import { Redirect, RouterProvider, useRouter } from './router/router';
import { renderRoute } from './router/routes';
import { homePath } from './session/roles';
import { SessionProvider, useSession } from './session/session';

export function App() {
  return (
    <I18nProvider>
      <LocalizedAntd>
        <RouterProvider>
          <ServerClockProvider>
            <SessionProvider>
              <SessionGate />
            </SessionProvider>
          </ServerClockProvider>
        </RouterProvider>
      </LocalizedAntd>
    </I18nProvider>
  );
}

function LocalizedAntd({ children }: { children: React.ReactNode }) {
  const { language } = useI18n();
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }}
      // "登录", not "登 录": the inserted space changes what screen readers announce.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Signed out: the login page (remembering where the user wanted to go). Signed in: the app. */
function SessionGate() {
  const { state } = useSession();
  const { path, query } = useRouter();
  const { generation } = useServerClock();
  if (state.status === 'loading') {
    return <PageLoading />;
  }
  if (state.status === 'anonymous') {
    if (path !== '/login') {
      const next = `${path}${query.size ? `?${query.toString()}` : ''}`;
      return <Redirect to={`/login?next=${encodeURIComponent(next)}`} />;
    }
    return <LoginPage />;
  }
  if (path === '/login') {
    return <Redirect to={homePath(state.user.role)} />;
  }
  return (
    <UnreadCountProvider>
      <AppLayout>
        {/* Moving the demo clock remounts the page, so everything on screen is read again at the new time. */}
        <Fragment key={generation}>{renderRoute(path, state.user)}</Fragment>
      </AppLayout>
    </UnreadCountProvider>
  );
}
