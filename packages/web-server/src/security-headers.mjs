/**
 * The security headers of a frontend server: a Content-Security-Policy that lets scripts run only
 * from the portal's own origin and its remotes' (as the runtime config lists them), never inline
 * or from eval; framing by the portal itself only; HSTS in production.
 * deploy/docker/nginx/40-par-config.sh writes the same policy for the nginx images, and
 * deploy/test checks that the two agree.
 */
import { URL } from 'node:url';

/**
 * @param {string} url
 * @returns {string | null} the origin of an absolute URL; null for a path on the portal's own
 */
function originOf(url) {
  if (!URL.canParse(url)) return null;
  const origin = new URL(url).origin;
  return origin === 'null' ? null : origin;
}

/** @param {Array<string | null>} values */
function sources(...values) {
  return [...new Set(["'self'", ...values.filter((value) => value !== null)])].join(' ');
}

/**
 * @param {{
 *   runtimeConfig?: import('./runtime-config.mjs').RuntimeConfig,
 *   connectSources?: string[],
 * }} options  the shell's runtime config (a remote has none); `connectSources` are more origins
 *   the page may call, e.g. the object store that evidence files are uploaded to.
 * @returns {string}
 */
export function contentSecurityPolicy({ runtimeConfig, connectSources = [] }) {
  const remotes = (runtimeConfig?.remotes ?? []).map((remote) => originOf(remote.manifest));
  const keycloak = runtimeConfig ? originOf(runtimeConfig.keycloak.url) : null;
  const api = runtimeConfig ? originOf(runtimeConfig.apiUrl) : null;
  return [
    "default-src 'self'",
    `script-src ${sources(...remotes)}`,
    // Ant Design writes its styles into <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${sources(api, keycloak, ...remotes, ...connectSources.map(originOf))}`,
    // keycloak-js may check the session in a hidden frame of Keycloak's.
    `frame-src ${sources(keycloak)}`,
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * @param {{
 *   runtimeConfig?: import('./runtime-config.mjs').RuntimeConfig,
 *   env?: NodeJS.ProcessEnv,
 * }} options  `PAR_CSP_CONNECT_SRC` (comma-separated origins) adds to connect-src; HSTS is sent
 *   when `PAR_HSTS` is `true`, or unset and `NODE_ENV` is `production`.
 * @returns {Record<string, string>}
 */
export function securityHeaders({ runtimeConfig, env = {} }) {
  const connectSources = (env.PAR_CSP_CONNECT_SRC ?? '')
    .split(',')
    .map((source) => source.trim())
    .filter(Boolean);
  const hsts = env.PAR_HSTS ? env.PAR_HSTS === 'true' : env.NODE_ENV === 'production';
  return {
    'Content-Security-Policy': contentSecurityPolicy({ runtimeConfig, connectSources }),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'SAMEORIGIN',
    ...(hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
