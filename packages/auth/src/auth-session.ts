/**
 * The user's Keycloak session: login (PKCE, login required), silent token refresh, logout.
 * Created once in the shell's bootstrap, before React renders, because keycloak-js may be
 * initialised only once per page.
 */
import Keycloak from 'keycloak-js';
import { userFromClaims, type AccessTokenClaims, type AuthUser } from '@par/contracts';
import { rememberReturnPath, restoreReturnPath } from './return-path';

export interface AuthConfig {
  /** Keycloak's base URL, e.g. `http://localhost:8080`. */
  url: string;
  realm: string;
  clientId: string;
  /** Where Keycloak sends the user back; registered exactly in the realm (the shell's root). */
  redirectUri: string;
}

export interface AuthSession {
  readonly user: AuthUser;
  /** A valid access token, refreshed first if it expires within 30 seconds. */
  token(): Promise<string>;
  hasRole(role: string): boolean;
  logout(): Promise<void>;
  /** Sends the user to Keycloak's login page again (e.g. after a 401). */
  login(): Promise<void>;
  /** Notified when a refresh brings a changed user (new roles, another unit). */
  subscribe(listener: () => void): () => void;
}

const minValiditySeconds = 30;
const refreshEveryMs = 20_000;

/**
 * Resolves with a logged-in session; when the user has none yet, the page is sent to Keycloak's
 * login and this promise never settles.
 */
export async function startAuthSession(config: AuthConfig): Promise<AuthSession> {
  rememberReturnPath(window.location);
  const keycloak = new Keycloak({
    url: config.url,
    realm: config.realm,
    clientId: config.clientId,
  });
  const authenticated = await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    redirectUri: config.redirectUri,
  });
  // With login-required, keycloak-js has already sent the page to the login form.
  if (!authenticated) return new Promise<never>(() => {});
  restoreReturnPath(window.history);

  const listeners = new Set<() => void>();
  const readUser = () =>
    userFromClaims((keycloak.tokenParsed ?? {}) as AccessTokenClaims, config.clientId);
  let user = readUser();
  const login = () => keycloak.login({ redirectUri: config.redirectUri });

  const refresh = async (): Promise<string> => {
    try {
      await keycloak.updateToken(minValiditySeconds);
    } catch {
      // The SSO session ended (logout elsewhere, idle timeout): log in again.
      await login();
      return new Promise<never>(() => {});
    }
    return keycloak.token ?? '';
  };
  keycloak.onAuthRefreshSuccess = () => {
    const next = readUser();
    if (JSON.stringify(next) !== JSON.stringify(user)) {
      user = next;
      for (const listener of listeners) listener();
    }
  };
  keycloak.onTokenExpired = () => void refresh();
  window.setInterval(() => void refresh(), refreshEveryMs);

  return {
    get user() {
      return user;
    },
    token: refresh,
    hasRole: (role) => user.roles.includes(role),
    logout: () => keycloak.logout({ redirectUri: config.redirectUri }),
    login,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Whether Keycloak answers at all. An opaque (no-cors) request needs no CORS from Keycloak and
 * only fails when the server cannot be reached, so the shell can say so instead of the browser's
 * own error page after a redirect.
 */
export async function isAuthServerReachable(
  config: Pick<AuthConfig, 'url' | 'realm'>,
  timeoutMs = 8000,
) {
  const url = `${config.url.replace(/\/+$/, '')}/realms/${encodeURIComponent(config.realm)}/.well-known/openid-configuration`;
  try {
    await fetch(url, {
      mode: 'no-cors',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}
