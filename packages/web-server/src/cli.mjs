/**
 * par-web-server's command line: serves a built frontend.
 *
 *   par-web-server --root frontends/admin/dist --port 4103
 *   par-web-server --root frontends/shell/dist --port 4100
 *
 * What it serves decides how: a Module Federation remote (its dist has remoteEntry.js) gets CORS;
 * the shell (no remoteEntry.js) gets the SPA fallback and GET /config.json built from
 * PAR_KEYCLOAK_URL, PAR_KEYCLOAK_REALM, PAR_KEYCLOAK_CLIENT_ID, PAR_API_URL and PAR_REMOTES
 * (see frontends/README.md). --spa, --cors and --runtime-config force either behaviour.
 * Every answer carries the security headers of security-headers.mjs (CSP from the runtime config).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createStaticServer } from './server.mjs';
import { runtimeConfigFromEnv } from './runtime-config.mjs';
import { securityHeaders } from './security-headers.mjs';

/** @param {string[]} args */
export function main(args) {
  const { values } = parseArgs({
    args,
    options: {
      root: { type: 'string' },
      dir: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      spa: { type: 'boolean' },
      cors: { type: 'boolean' },
      'runtime-config': { type: 'boolean' },
      quiet: { type: 'boolean', default: false },
    },
  });

  const log = (entry) =>
    console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', ...entry }));
  const fail = (message) => {
    console.error(`par-web-server: ${message}`);
    process.exit(2);
  };

  const dir = values.root ?? values.dir ?? 'dist';
  if (!existsSync(join(dir, 'index.html')) && !existsSync(join(dir, 'remoteEntry.js'))) {
    fail(`${dir} holds no built frontend (no index.html, no remoteEntry.js); run its build first`);
  }
  const isRemote = existsSync(join(dir, 'remoteEntry.js'));
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`invalid port ${values.port}`);

  let runtimeConfig;
  if (values['runtime-config'] ?? !isRemote) {
    try {
      const config = runtimeConfigFromEnv(process.env);
      runtimeConfig = () => config;
      log({ msg: 'runtime config', config });
    } catch (error) {
      fail(/** @type {Error} */ (error).message);
    }
  }

  const options = {
    dir,
    spa: values.spa ?? !isRemote,
    cors: values.cors ?? isRemote,
    runtimeConfig,
    headers: securityHeaders({ runtimeConfig: runtimeConfig?.(), env: process.env }),
    log: values.quiet ? (entry) => entry.level === 'error' && log(entry) : log,
  };
  const server = createStaticServer(options);
  server.listen({ port, host: values.host }, () => {
    log({
      msg: 'listening',
      dir,
      port,
      spa: options.spa,
      cors: options.cors,
      runtimeConfig: Boolean(runtimeConfig),
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
  return server;
}
