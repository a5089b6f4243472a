/**
 * Starts the portal: runtime config, language, Keycloak login, remotes; then renders. Anything
 * that fails before the layout exists is said in a full-page message with a reload button.
 */
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { AuthProvider, isAuthServerReachable, startAuthSession } from '@par/auth';
import type { AuthSession } from '@par/auth';
import { ApiClientProvider, createApiClient } from '@par/client';
import { Loading, PortalThemeProvider, currentLanguage, initI18n } from '@par/ui';
import i18next from 'i18next';
import { shellNamespace } from './i18n';
// Makes this build provide antd's path-shared components to the remotes (read the file).
import './remotes/provided-antd';
import { registerPortalRemotes } from './remotes/remote-loader';
import { AppRoutes } from './routes/AppRoutes';
import { loadRuntimeConfig } from './startup/runtime-config';
import type { RuntimeConfig } from './startup/runtime-config';
import { StartupError } from './startup/StartupError';

const root = createRoot(document.getElementById('root')!);

function render(children: ReactNode) {
  root.render(
    <StrictMode>
      <PortalThemeProvider>{children}</PortalThemeProvider>
    </StrictMode>,
  );
}

async function start() {
  await initI18n();
  render(
    <Loading
      testId="startup-loading"
      label={i18next.t('startup.loading', { ns: shellNamespace })}
    />,
  );

  let config: RuntimeConfig;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    console.error('[shell] runtime config', error);
    return render(<StartupError problem="config" />);
  }

  if (!(await isAuthServerReachable(config.keycloak)))
    return render(<StartupError problem="authUnreachable" />);
  let session: AuthSession;
  try {
    session = await startAuthSession({
      ...config.keycloak,
      redirectUri: `${window.location.origin}/`,
    });
  } catch (error) {
    console.error('[shell] login', error);
    return render(<StartupError problem="authFailed" />);
  }

  registerPortalRemotes(config.remotes);
  const api = createApiClient({
    baseUrl: config.apiUrl,
    getToken: () => session.token(),
    getLanguage: currentLanguage,
    onUnauthenticated: () => void session.login(),
  });

  // A data router, so that a page may block leaving it (unsaved work) for links and the back
  // button alike (`useBlocker`); the routes themselves stay declared in `AppRoutes`.
  const router = createBrowserRouter([
    { path: '*', element: <AppRoutes remotes={config.remotes} /> },
  ]);
  render(
    <AuthProvider session={session}>
      <ApiClientProvider client={api}>
        <RouterProvider router={router} />
      </ApiClientProvider>
    </AuthProvider>,
  );
}

void start();
