/**
 * The portal's own processes on the local stack — seven services and four frontend servers —
 * each started as ops would run it: its own Node process, its own port, its own health check.
 * Used by `./portal start` and by the integration and browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export type AppName =
  | 'gateway'
  | 'accounts'
  | 'assessment'
  | 'appraisal'
  | 'ranking'
  | 'evidence'
  | 'survey'
  | 'shell'
  | 'self-assessment'
  | 'appraisal-ui'
  | 'admin-ui'
  | 'public-ui';

/** In start order: the gateway is ready only once the accounts service gave it the revocations. */
export const serviceApps: AppName[] = [
  'accounts',
  'assessment',
  'appraisal',
  'ranking',
  'evidence',
  'survey',
  'gateway',
];
export const frontendApps: AppName[] = [
  'shell',
  'self-assessment',
  'appraisal-ui',
  'admin-ui',
  'public-ui',
];

export interface AppDefinition {
  name: AppName;
  command: string[];
  env: Record<string, string>;
  /** Readiness: the app can serve. */
  healthUrl: string;
  /**
   * What `startApp` waits for, when readiness may depend on apps started after this one (the
   * gateway is ready once the accounts service gave it the revocations); `healthUrl` if unset.
   */
  startedUrl?: string;
}

type Env = Record<string, string | undefined>;

function must(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: source deploy/local/lib/env.sh first`);
  return value;
}

/** Reads `$PAR_RUN_DIR/secrets.env` written by the local stack on its first start. */
export function loadSecrets(env: Env = process.env): Record<string, string> {
  const file = path.join(must(env, 'PAR_RUN_DIR'), 'secrets.env');
  if (!existsSync(file)) throw new Error(`${file} is missing: start the local stack first`);
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => /^\s*(?:export\s+)?([A-Z0-9_]+)=['"]?(.*?)['"]?\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

/**
 * A NATS user of the local stack and its password (deploy/local/nats.conf): a service's own,
 * `seed`, or `tests` (for tests and benchmarks that watch the bus as no service does); nats.js
 * connection options, also taken by Moleculer's NATS transporter.
 */
export function natsCredentials(
  user: string,
  env: Env = process.env,
): { servers: string; user: string; pass: string } {
  const pass = loadSecrets(env)[`PAR_NATS_${user.toUpperCase()}_PASSWORD`];
  if (!pass) throw new Error(`no NATS password for ${user}: run deploy/local/stack.sh start`);
  return { servers: must(env, 'PAR_NATS_URL'), user, pass };
}

export function appDefinition(name: AppName, env: Env = process.env): AppDefinition {
  const secrets = loadSecrets(env);
  const serviceEnv = (service: string, healthPortVar: string): Record<string, string> => ({
    PAR_NATS_URL: must(env, 'PAR_NATS_URL'),
    PAR_NATS_USER: service,
    PAR_NATS_PASSWORD: natsCredentials(service, env).pass,
    PAR_MONGO_URL: must(env, 'PAR_MONGO_URL'),
    PAR_HEALTH_PORT: must(env, healthPortVar),
    PAR_LOG_LEVEL: env.PAR_LOG_LEVEL ?? 'info',
    OTEL_SERVICE_NAME: service,
    // Every node verifies its callers' tokens against the realm's keys (the tokens' issuer).
    PAR_KEYCLOAK_URL: must(env, 'PAR_KEYCLOAK_URL'),
    PAR_KEYCLOAK_REALM: must(env, 'PAR_KEYCLOAK_REALM'),
  });
  const repo = must(env, 'PAR_REPO_DIR');
  const node = (pkg: string) => ['node', path.join(repo, pkg, 'dist/main.js')];
  const health = (port: string) => `http://127.0.0.1:${port}/health/ready`;
  const live = (port: string) => `http://127.0.0.1:${port}/health/live`;
  const webServer = path.join(repo, 'packages/web-server/src/server.mjs');
  const frontend = (
    dir: string,
    portVar: string,
    extra: Record<string, string> = {},
  ): AppDefinition => ({
    name,
    command: [
      'node',
      webServer,
      '--root',
      path.join(repo, 'frontends', dir, 'dist'),
      '--port',
      must(env, portVar),
    ],
    env: extra,
    healthUrl: `http://127.0.0.1:${must(env, portVar)}/health`,
  });

  switch (name) {
    case 'gateway':
      return {
        name,
        command: node('services/gateway'),
        env: {
          ...serviceEnv('gateway', 'PAR_GATEWAY_HEALTH_PORT'),
          PAR_GATEWAY_PORT: must(env, 'PAR_GATEWAY_PORT'),
          PAR_KEYCLOAK_URL: must(env, 'PAR_KEYCLOAK_URL'),
          PAR_KEYCLOAK_REALM: must(env, 'PAR_KEYCLOAK_REALM'),
          // The shell and the public pages, served on their own port.
          PAR_CORS_ORIGINS: `${must(env, 'PAR_SHELL_URL')},${must(env, 'PAR_PUBLIC_URL')}`,
          // It loads the token revocations as the service principal `gateway`.
          PAR_GATEWAY_CLIENT_ID: 'par-gateway',
          PAR_GATEWAY_CLIENT_SECRET: secrets.PAR_GATEWAY_CLIENT_SECRET ?? '',
        },
        healthUrl: health(must(env, 'PAR_GATEWAY_HEALTH_PORT')),
        startedUrl: live(must(env, 'PAR_GATEWAY_HEALTH_PORT')),
      };
    case 'accounts':
      return {
        name,
        command: node('services/accounts'),
        env: {
          ...serviceEnv('accounts', 'PAR_ACCOUNTS_HEALTH_PORT'),
          PAR_KEYCLOAK_URL: must(env, 'PAR_KEYCLOAK_URL'),
          PAR_KEYCLOAK_REALM: must(env, 'PAR_KEYCLOAK_REALM'),
          PAR_ACCOUNTS_CLIENT_ID: 'par-accounts',
          PAR_ACCOUNTS_CLIENT_SECRET: secrets.PAR_ACCOUNTS_CLIENT_SECRET ?? '',
          PAR_ACCOUNTS_JOB_SECRET_KEY: secrets.PAR_ACCOUNTS_JOB_SECRET_KEY ?? '',
        },
        healthUrl: health(must(env, 'PAR_ACCOUNTS_HEALTH_PORT')),
      };
    case 'assessment':
    case 'appraisal':
    case 'ranking':
    case 'evidence':
    case 'survey': {
      const portVar = `PAR_${name.toUpperCase()}_HEALTH_PORT`;
      // The evidence files and the consultations' attachments (survey) live in MinIO.
      const minio = () => ({
        PAR_MINIO_ENDPOINT: must(env, 'PAR_MINIO_ENDPOINT'),
        PAR_MINIO_BUCKET: must(env, 'PAR_MINIO_BUCKET'),
        PAR_MINIO_ACCESS_KEY: secrets.PAR_MINIO_ROOT_USER ?? '',
        PAR_MINIO_SECRET_KEY: secrets.PAR_MINIO_ROOT_PASSWORD ?? '',
      });
      const extra: Record<string, string> =
        name === 'survey'
          ? minio()
          : name === 'evidence'
            ? {
                ...minio(),
                // It asks the assessment service for write windows as the principal `evidence`.
                PAR_KEYCLOAK_URL: must(env, 'PAR_KEYCLOAK_URL'),
                PAR_KEYCLOAK_REALM: must(env, 'PAR_KEYCLOAK_REALM'),
                PAR_EVIDENCE_CLIENT_ID: 'par-evidence',
                PAR_EVIDENCE_CLIENT_SECRET: secrets.PAR_EVIDENCE_CLIENT_SECRET ?? '',
              }
            : name === 'ranking'
              ? {
                  // Its consumer of the rounds' events consolidates as the principal `ranking`.
                  PAR_KEYCLOAK_URL: must(env, 'PAR_KEYCLOAK_URL'),
                  PAR_KEYCLOAK_REALM: must(env, 'PAR_KEYCLOAK_REALM'),
                  PAR_RANKING_CLIENT_ID: 'par-ranking',
                  PAR_RANKING_CLIENT_SECRET: secrets.PAR_RANKING_CLIENT_SECRET ?? '',
                }
              : name === 'assessment'
                ? {
                    // Its scheduler acts as the service principal `assessment`.
                    PAR_KEYCLOAK_URL: must(env, 'PAR_KEYCLOAK_URL'),
                    PAR_KEYCLOAK_REALM: must(env, 'PAR_KEYCLOAK_REALM'),
                    PAR_ASSESSMENT_CLIENT_ID: 'par-assessment',
                    PAR_ASSESSMENT_CLIENT_SECRET: secrets.PAR_ASSESSMENT_CLIENT_SECRET ?? '',
                  }
                : {};
      return {
        name,
        command: node(`services/${name}`),
        env: { ...serviceEnv(name, portVar), ...extra },
        healthUrl: health(must(env, portVar)),
      };
    }
    case 'shell': {
      const remote = (remoteName: string, portVar: string) => ({
        name: remoteName,
        manifest: `http://localhost:${must(env, portVar)}/mf-manifest.json`,
      });
      return frontend('shell', 'PAR_SHELL_PORT', {
        PAR_KEYCLOAK_URL: must(env, 'PAR_KEYCLOAK_URL'),
        PAR_KEYCLOAK_REALM: must(env, 'PAR_KEYCLOAK_REALM'),
        PAR_KEYCLOAK_CLIENT_ID: 'par-portal',
        PAR_API_URL: `${must(env, 'PAR_GATEWAY_URL')}/api`,
        PAR_REMOTES: JSON.stringify([
          remote('selfAssessment', 'PAR_REMOTE_SELF_ASSESSMENT_PORT'),
          remote('appraisal', 'PAR_REMOTE_APPRAISAL_PORT'),
          remote('admin', 'PAR_REMOTE_ADMIN_PORT'),
          remote('publicPages', 'PAR_PUBLIC_PORT'),
        ]),
        // Evidence files are uploaded from the page straight to MinIO (the CSP's connect-src).
        PAR_CSP_CONNECT_SRC: must(env, 'PAR_MINIO_ENDPOINT'),
      });
    }
    case 'self-assessment':
      return frontend('self-assessment', 'PAR_REMOTE_SELF_ASSESSMENT_PORT');
    case 'appraisal-ui':
      return frontend('appraisal', 'PAR_REMOTE_APPRAISAL_PORT');
    case 'admin-ui':
      return frontend('admin', 'PAR_REMOTE_ADMIN_PORT');
    case 'public-ui': {
      // The public pages (SPA fallback for campaign links, /config.json for the API's URL) and
      // the admins' remote, from one server.
      const app = frontend('public', 'PAR_PUBLIC_PORT', {
        PAR_API_URL: `${must(env, 'PAR_GATEWAY_URL')}/api`,
      });
      app.command.push('--spa', '--runtime-config');
      return app;
    }
  }
}

export interface RunningApp {
  name: AppName;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts one app with its output in `$PAR_RUN_DIR/logs/<name>.log`, and waits until it is healthy. */
export async function startApp(
  definition: AppDefinition,
  options: { env?: Env; extraEnv?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningApp> {
  const env = options.env ?? process.env;
  const logDir = path.join(must(env, 'PAR_RUN_DIR'), 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${definition.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const [command, ...args] = definition.command;
  const child = spawn(command!, args, {
    env: { ...process.env, ...definition.env, ...options.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const running: RunningApp = {
    name: definition.name,
    process: child,
    logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitForHealthy(
      definition.startedUrl ?? definition.healthUrl,
      options.timeoutMs ?? 60_000,
      () => child.exitCode !== null,
    );
  } catch (err) {
    await running.stop();
    throw new Error(
      `${definition.name} did not become healthy (${(err as Error).message}); see ${logFile}`,
    );
  }
  return running;
}

export async function waitForHealthy(
  url: string,
  timeoutMs: number,
  failed: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (failed()) throw new Error('the process exited');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}: ${last} after ${timeoutMs} ms`);
}

/**
 * Starts several apps one after another, then waits until every one is ready (the gateway once
 * the accounts service, started with it, gave it the revocations); on failure, stops those
 * already started.
 */
export async function startApps(names: AppName[], env: Env = process.env): Promise<RunningApp[]> {
  const started: RunningApp[] = [];
  try {
    for (const name of names) started.push(await startApp(appDefinition(name, env), { env }));
    for (const app of started) {
      const definition = appDefinition(app.name, env);
      if (!definition.startedUrl) continue;
      await waitForHealthy(definition.healthUrl, 60_000, () => app.process.exitCode !== null).catch(
        (err: Error) => {
          throw new Error(`${app.name} did not become ready (${err.message}); see ${app.logFile}`);
        },
      );
    }
    return started;
  } catch (err) {
    await stopApps(started);
    throw err;
  }
}

export async function stopApps(apps: RunningApp[]): Promise<void> {
  await Promise.all([...apps].reverse().map((app) => app.stop()));
}
