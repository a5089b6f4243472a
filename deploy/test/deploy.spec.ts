/**
 * Guards deploy/: every service and frontend package of the repo has an image with a health
 * check, a compose service and Kubernetes objects with probes, and no committed file holds a
 * real secret. The packages come from the services/ and frontends/ folders, so a new package
 * without deploy files fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { load, loadAll } from 'js-yaml';
import {
  accountsEvents,
  allActions,
  appraisalEvents,
  assessmentEvents,
  rankingEvents,
  surveyEvents,
} from '@par/contracts';

const repoRoot = path.resolve(__dirname, '..', '..');
const composeDir = path.join(repoRoot, 'deploy', 'compose');
const k8sDir = path.join(repoRoot, 'deploy', 'k8s');

type Role = 'service' | 'shell' | 'remote' | 'frontend';

interface App {
  /** The package folder, e.g. `frontends/admin`. */
  dir: string;
  packageName: string;
  /** The npm name without its scope: the compose service, the Deployment and the image name. */
  name: string;
  role: Role;
}

/** The packages docs/architecture.md names: required even if their folders were empty or gone. */
const KNOWN_PACKAGES: ReadonlyArray<{ dir: string; packageName: string }> = [
  { dir: 'services/gateway', packageName: '@par/gateway' },
  { dir: 'services/accounts', packageName: '@par/accounts' },
  { dir: 'services/assessment', packageName: '@par/assessment' },
  { dir: 'services/appraisal', packageName: '@par/appraisal' },
  { dir: 'services/ranking', packageName: '@par/ranking' },
  { dir: 'services/evidence', packageName: '@par/evidence' },
  { dir: 'services/survey', packageName: '@par/survey' },
  { dir: 'frontends/shell', packageName: '@par/shell' },
  { dir: 'frontends/self-assessment', packageName: '@par/mfe-self-assessment' },
  { dir: 'frontends/appraisal', packageName: '@par/mfe-appraisal' },
  { dir: 'frontends/admin', packageName: '@par/mfe-admin' },
  { dir: 'frontends/public', packageName: '@par/mfe-public' },
];

const INFRASTRUCTURE = ['nats', 'mongo', 'minio', 'keycloak', 'otel-collector'];

/** Variable names whose values are credentials. */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|CREDENTIAL|_KEY$/;
const PLACEHOLDER = /^change-me/;

function toApp(dir: string, packageName: string): App {
  const name = packageName.replace(/^@[^/]+\//, '');
  const role: Role = dir.startsWith('services/')
    ? 'service'
    : path.basename(dir) === 'shell'
      ? 'shell'
      : name.startsWith('mfe-')
        ? 'remote'
        : 'frontend';
  return { dir, packageName, name, role };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every services/* and frontends/* folder with a package.json, plus the known packages. */
function discoverApps(): App[] {
  const apps = new Map<string, App>();
  for (const parent of ['services', 'frontends']) {
    const parentDir = path.join(repoRoot, parent);
    if (!existsSync(parentDir)) continue;
    for (const entry of readdirSync(parentDir, { withFileTypes: true })) {
      const manifest = path.join(parentDir, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifest)) continue;
      const dir = `${parent}/${entry.name}`;
      apps.set(dir, toApp(dir, readJson<{ name: string }>(manifest).name));
    }
  }
  for (const known of KNOWN_PACKAGES) {
    if (!apps.has(known.dir)) apps.set(known.dir, toApp(known.dir, known.packageName));
  }
  return [...apps.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

const apps = discoverApps();
const services = apps.filter((app) => app.role === 'service');
const frontends = apps.filter((app) => app.role !== 'service');
const remotes = apps.filter((app) => app.role === 'remote');

// --- Dockerfiles ------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

/** The instructions of a Dockerfile, continuation lines joined and comments dropped. */
function parseDockerfile(file: string): Instruction[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line));
  return lines
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

function finalStage(instructions: Instruction[]): Instruction[] {
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

function healthcheckOf(instructions: Instruction[]): string | undefined {
  return finalStage(instructions).find(
    (i) => i.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(i.args),
  )?.args;
}

/** The npm packages that these CommonJS files `require`, builtins and relative paths left out. */
function requiredPackages(files: string[]): string[] {
  const names = new Set<string>();
  for (const file of files.filter((f) => existsSync(f))) {
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(
      /require\(\s*['"]([^'"]+)['"]\s*\)/g,
    )) {
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
      if (!builtinModules.includes(name)) names.add(name);
    }
  }
  return [...names];
}

/** The dependencies and devDependencies these package.json files declare. */
function declaredPackages(manifests: string[]): Set<string> {
  const names = new Set<string>();
  for (const manifest of manifests.filter((m) => existsSync(m))) {
    const pkg = readJson<{
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    }>(manifest);
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      names.add(name);
    }
  }
  return names;
}

// --- compose ----------------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: unknown[];
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  restart?: string;
}

interface Compose {
  services: Record<string, ComposeService>;
}

/**
 * Applies YAML merge keys (`<<: *anchor`), which compose.yaml uses and which js-yaml leaves
 * unapplied under its YAML 1.2 schema (version 5 on).
 */
function applyMerges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(applyMerges);
  if (value === null || typeof value !== 'object') return value;
  const { '<<': merged, ...own } = value as Record<string, unknown>;
  const sources = merged === undefined ? [] : Array.isArray(merged) ? merged : [merged];
  return Object.assign(
    {},
    ...sources.map(applyMerges).reverse(), // the first source wins, as in YAML
    Object.fromEntries(Object.entries(own).map(([key, item]) => [key, applyMerges(item)])),
  ) as unknown;
}

const composeText = readFileSync(path.join(composeDir, 'compose.yaml'), 'utf8');
const compose = applyMerges(load(composeText)) as Compose;

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]));
}

function buildOf(service: ComposeService): { context: string; dockerfile: string } | undefined {
  if (service.build === undefined) return undefined;
  if (typeof service.build === 'string')
    return { context: service.build, dockerfile: 'Dockerfile' };
  return {
    context: service.build.context ?? '.',
    dockerfile: service.build.dockerfile ?? 'Dockerfile',
  };
}

function commandText(command: string | string[] | undefined): string {
  return Array.isArray(command) ? command.join(' ') : (command ?? '');
}

/** KEY=VALUE lines of an env file, quotes around a value removed. */
function parseEnvFile(file: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match?.[1]) continue;
    entries.set(match[1], (match[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return entries;
}

const envExample = parseEnvFile(path.join(composeDir, '.env.example'));

// --- Kubernetes -------------------------------------------------------------------------------

interface Probe {
  httpGet?: { path?: string; port?: string | number };
}

interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { cpu?: string; memory?: string };
  };
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
  };
}

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  file: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: {
      metadata?: { labels?: Record<string, string> };
      spec?: { securityContext?: { runAsNonRoot?: boolean }; containers: Container[] };
    };
    ports?: Array<{ name?: string; port: number; targetPort?: string | number }>;
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    rules?: Array<{
      http?: {
        paths: Array<{
          path: string;
          backend: { service: { name: string; port: { name?: string; number?: number } } };
        }>;
      };
    }>;
  };
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
}

const k8sFiles = readdirSync(k8sDir).filter((file) => /\.ya?ml$/.test(file));
const kustomization = load(
  readFileSync(path.join(k8sDir, 'kustomization.yaml'), 'utf8'),
) as Kustomization;
const k8sObjects: K8sObject[] = k8sFiles
  .filter((file) => file !== 'kustomization.yaml')
  .flatMap((file) =>
    loadAll(readFileSync(path.join(k8sDir, file), 'utf8'))
      .filter((doc): doc is Omit<K8sObject, 'file'> => doc !== null && typeof doc === 'object')
      .map((doc) => ({ ...doc, file })),
  );
const applied = k8sObjects.filter((object) => kustomization.resources?.includes(object.file));

function findObject(kind: string, name: string): K8sObject | undefined {
  return applied.find((object) => object.kind === kind && object.metadata.name === name);
}

function mainContainer(deployment: K8sObject, name: string): Container {
  const containers = deployment.spec?.template?.spec?.containers ?? [];
  const container = containers.find((c) => c.name === name) ?? containers[0];
  if (!container) throw new Error(`Deployment ${name} has no container`);
  return container;
}

function healthPaths(app: App): { ready: string; live: string } {
  return app.role === 'service'
    ? { ready: '/health/ready', live: '/health/live' }
    : { ready: '/health', live: '/health' };
}

const secretExample = k8sObjects.find(
  (object) => object.file === 'secret.example.yaml' && object.kind === 'Secret',
);

// --- tests ------------------------------------------------------------------------------------

describe('the packages deploy/ must cover', () => {
  it('include at least the seven services and four frontends docs/architecture.md names', () => {
    expect(services.map((app) => app.name)).toEqual(
      expect.arrayContaining([
        'gateway',
        'accounts',
        'assessment',
        'appraisal',
        'ranking',
        'evidence',
        'survey',
      ]),
    );
    expect(frontends.map((app) => app.name)).toEqual(
      expect.arrayContaining(['shell', 'mfe-self-assessment', 'mfe-appraisal', 'mfe-admin']),
    );
  });
});

describe('images', () => {
  it('keep dependencies, build output, build state and .env files out of the build context', () => {
    // A stale *.tsbuildinfo would make `tsc -b` in the image skip the build and ship no dist/.
    const ignore = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8');
    for (const pattern of ['**/node_modules', '**/dist', '**/*.tsbuildinfo', '**/.env']) {
      expect(ignore.split('\n')).toContain(pattern);
    }
  });

  test.each(apps)(
    '$name: its Dockerfile builds $packageName alone, in stages, from the root lockfile',
    (app) => {
      const file = path.join(repoRoot, app.dir, 'Dockerfile');
      expect(existsSync(file)).toBe(true);
      const instructions = parseDockerfile(file);
      expect(instructions.filter((i) => i.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
      expect(
        instructions.some((i) => i.keyword === 'COPY' && i.args.includes('package-lock.json')),
      ).toBe(true);
      expect(
        instructions.some(
          (i) =>
            i.keyword === 'RUN' &&
            // Installs exactly the locked tree (see ./portal on why not `npm ci`).
            /npm install --no-save\b/.test(i.args) &&
            i.args.includes(`--workspace ${app.packageName}`),
        ),
      ).toBe(true);
      if (app.role === 'service') {
        const cmd = finalStage(instructions).find((i) => i.keyword === 'CMD')?.args ?? '';
        expect(cmd).toContain(`${app.dir}/dist/main.js`);
      }
    },
  );

  test.each(apps)(
    '$name: its image runs as a non-root user, exposes a port and checks its health endpoint',
    (app) => {
      const instructions = parseDockerfile(path.join(repoRoot, app.dir, 'Dockerfile'));
      const runtime = finalStage(instructions);
      const user = runtime.filter((i) => i.keyword === 'USER').pop()?.args ?? 'root';
      expect(user).not.toMatch(/^(root|0)(:|$)/);
      expect(runtime.some((i) => i.keyword === 'EXPOSE')).toBe(true);
      expect(
        runtime.some(
          (i) => i.keyword === 'LABEL' && i.args.includes('org.opencontainers.image.title'),
        ),
      ).toBe(true);
      expect(healthcheckOf(instructions)).toContain(healthPaths(app).ready);
    },
  );

  test.each(frontends)(
    '$name: every package its webpack config requires is installed by its image build',
    (app) => {
      // The image installs this workspace's dependencies and the root's only: a package
      // hoisted from another frontend in a full install is missing there.
      const required = requiredPackages([
        path.join(repoRoot, 'frontends', 'webpack.common.js'),
        path.join(repoRoot, app.dir, 'webpack.config.js'),
      ]);
      const declared = declaredPackages([
        path.join(repoRoot, app.dir, 'package.json'),
        path.join(repoRoot, 'package.json'),
      ]);
      expect(required.filter((name) => !declared.has(name))).toEqual([]);
    },
  );
});

describe('compose', () => {
  it('runs the infrastructure: NATS, MongoDB, MinIO, Keycloak and the OpenTelemetry Collector', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(INFRASTRUCTURE));
  });

  it('starts NATS with JetStream and checks it on its monitoring port', () => {
    const nats = compose.services.nats!;
    expect(commandText(nats.command)).toMatch(/(^|\s)(-js|--jetstream)(\s|$)/);
    expect(commandText(nats.healthcheck?.test)).toContain(':8222/healthz');
  });

  it('starts MongoDB as the replica set rs0 that every service URL names, initiated by its healthcheck', () => {
    const mongo = compose.services.mongo!;
    expect(commandText(mongo.command)).toMatch(/--replSet rs0\b/);
    expect(commandText(mongo.healthcheck?.test)).toContain('rs.initiate');
    const urls = Object.values(compose.services)
      .map((service) => environmentOf(service).PAR_MONGO_URL)
      .filter((url): url is string => Boolean(url));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toContain('replicaSet=rs0');
  });

  it('creates the evidence bucket in a one-shot minio/mc job that the evidence service waits for', () => {
    const [jobName, job] =
      Object.entries(compose.services).find(([, service]) =>
        /minio\/mc\b/.test(service.image ?? ''),
      ) ?? [];
    expect(job).toBeDefined();
    expect(job?.depends_on).toMatchObject({ minio: { condition: 'service_healthy' } });
    const evidence = compose.services.evidence;
    expect(evidence?.depends_on).toMatchObject({
      [jobName ?? '']: { condition: 'service_completed_successfully' },
    });
  });

  it('imports the par-portal realm from deploy/keycloak into Keycloak', () => {
    const keycloak = compose.services.keycloak!;
    expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:26\./);
    expect(commandText(keycloak.command)).toContain('--import-realm');
    expect(keycloak.volumes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\.\.\/keycloak\/.*:\/opt\/keycloak\/data\/import\b/),
      ]),
    );
  });

  test.each(apps)(
    '$name: is a compose service built from its own Dockerfile, with a healthcheck',
    (app) => {
      const service = compose.services[app.name];
      expect(service).toBeDefined();
      const build = buildOf(service!);
      expect(build).toBeDefined();
      expect(path.resolve(composeDir, build!.context, build!.dockerfile)).toBe(
        path.join(repoRoot, app.dir, 'Dockerfile'),
      );
      expect(service!.image).toContain(`/${app.name}:`);
      expect(service!.healthcheck?.disable).not.toBe(true);
      expect(commandText(service!.healthcheck?.test)).toContain(healthPaths(app).ready);
    },
  );

  test.each(services)(
    '$name: starts only once NATS and its other dependencies are healthy',
    (app) => {
      const dependsOn = compose.services[app.name]?.depends_on;
      expect(dependsOn).toBeDefined();
      expect(Array.isArray(dependsOn)).toBe(false);
      const conditions = Object.entries(dependsOn as Record<string, { condition?: string }>);
      expect(conditions).toContainEqual(['nats', { condition: 'service_healthy' }]);
      for (const [, dependency] of conditions) {
        expect(['service_healthy', 'service_completed_successfully']).toContain(
          dependency.condition,
        );
      }
    },
  );

  test.each(services)(
    '$name: sends its traces to the collector, which scrapes its metrics',
    (app) => {
      const env = environmentOf(compose.services[app.name]!);
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toMatch(/^http:\/\/otel-collector:43(17|18)$/);
      expect(env.OTEL_SERVICE_NAME).toBe(app.name);
      const collector = readFileSync(path.join(composeDir, 'otel-collector.yaml'), 'utf8');
      expect(collector).toContain(`${app.name}:9100`);
    },
  );

  it('names only Dockerfiles that exist and declare a HEALTHCHECK', () => {
    const dockerfiles = Object.values(compose.services)
      .map(buildOf)
      .filter((build): build is { context: string; dockerfile: string } => Boolean(build))
      .map((build) => path.resolve(composeDir, build.context, build.dockerfile));
    expect(dockerfiles.length).toBeGreaterThanOrEqual(apps.length);
    for (const file of dockerfiles) {
      expect(existsSync(file)).toBe(true);
      expect({ file, healthcheck: healthcheckOf(parseDockerfile(file)) }).toEqual({
        file,
        healthcheck: expect.any(String),
      });
    }
  });

  it('mounts only files that exist in the repo', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (source?.startsWith('.'))
          expect(existsSync(path.resolve(composeDir, source))).toBe(true);
      }
    }
  });

  it('publishes ports only for the gateway, the frontends, Keycloak and MinIO', () => {
    const allowed = new Set(['gateway', 'keycloak', 'minio', ...frontends.map((app) => app.name)]);
    const publishing = Object.entries(compose.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(publishing.filter((name) => !allowed.has(name))).toEqual([]);
  });
});

describe("the shell's runtime config", () => {
  /** The Module Federation name a remote's webpack.config.js gives it. */
  function federationName(app: App): string | undefined {
    const config = path.join(repoRoot, app.dir, 'webpack.config.js');
    if (!existsSync(config)) return undefined;
    return /\bname:\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/.exec(readFileSync(config, 'utf8'))?.[1];
  }

  function remotesIn(json: string | undefined): Array<{ name: string; manifest: string }> {
    return JSON.parse(json ?? '[]') as Array<{ name: string; manifest: string }>;
  }

  test.each(remotes)(
    '$name: is listed by its Module Federation name in compose and in Kubernetes',
    (app) => {
      const name = federationName(app);
      expect(name).toBeDefined();
      const inCompose = remotesIn(envExample.get('PAR_REMOTES')).find((r) => r.name === name);
      expect(inCompose?.manifest).toMatch(/\/mf-manifest\.json$/);
      const config = findObject('ConfigMap', 'par-config')?.data?.PAR_REMOTES;
      const inK8s = remotesIn(config).find((r) => r.name === name);
      expect(inK8s?.manifest).toMatch(
        new RegExp(`/mf/${path.basename(app.dir)}/mf-manifest\\.json$`),
      );
    },
  );

  it('lists no remote that the repo does not have', () => {
    const names = remotes.map((app) => federationName(app));
    const listed = [
      ...remotesIn(envExample.get('PAR_REMOTES')),
      ...remotesIn(findObject('ConfigMap', 'par-config')?.data?.PAR_REMOTES),
    ];
    expect(listed.map((remote) => remote.name).filter((name) => !names.includes(name))).toEqual([]);
  });
});

describe('secrets', () => {
  it('compose.yaml takes every credential from .env, with no default written in the file', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(environmentOf(service))) {
        if (!SECRET_NAME.test(key)) continue;
        expect({ service: name, key, value }).toEqual({
          service: name,
          key,
          value: expect.stringMatching(/^\$\{[A-Z0-9_]+(:?\?[^}]*)?\}$/),
        });
      }
    }
  });

  it('.env.example holds placeholders, never a real credential', () => {
    const secrets = [...envExample].filter(([key]) => SECRET_NAME.test(key));
    expect(secrets.length).toBeGreaterThan(0);
    for (const [key, value] of secrets) {
      expect({ key, value }).toEqual({ key, value: expect.stringMatching(PLACEHOLDER) });
    }
  });

  it('.env.example sets every variable compose.yaml requires', () => {
    // ${VAR} and ${VAR:?message} have no default; $${...} is an escaped dollar.
    const required = [
      ...composeText.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?\?)[^}]*)?\}/g),
    ].map((match) => match[1] ?? '');
    expect(required.length).toBeGreaterThan(0);
    expect([...new Set(required)].filter((name) => !envExample.has(name))).toEqual([]);
  });

  it('no committed URL carries a password other than a placeholder', () => {
    const values = [
      ...envExample.values(),
      ...Object.values(compose.services).flatMap((service) =>
        Object.values(environmentOf(service)),
      ),
      ...k8sObjects.flatMap((object) => [
        ...Object.values(object.data ?? {}),
        ...Object.values(object.stringData ?? {}),
      ]),
    ];
    for (const value of values) {
      for (const match of value.matchAll(/:\/\/[^/@\s:]+:([^@\s]+)@/g)) {
        expect(match[1]).toMatch(PLACEHOLDER);
      }
    }
  });

  it('the example Secret par-secrets holds placeholders only and is not applied by the kustomization', () => {
    expect(secretExample?.metadata.name).toBe('par-secrets');
    const values = Object.entries(secretExample?.stringData ?? {});
    expect(values.length).toBeGreaterThan(0);
    for (const [key, value] of values) {
      expect({ key, value }).toEqual({ key, value: expect.stringContaining('change-me') });
    }
    expect(kustomization.resources).not.toContain('secret.example.yaml');
    expect(applied.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it('the ConfigMap par-config holds no credential', () => {
    const config = findObject('ConfigMap', 'par-config');
    expect(config).toBeDefined();
    expect(Object.keys(config?.data ?? {}).filter((key) => SECRET_NAME.test(key))).toEqual([]);
  });
});

// --- the Keycloak realm -------------------------------------------------------------------------

interface RealmClient {
  clientId: string;
  publicClient?: boolean;
  bearerOnly?: boolean;
  clientAuthenticatorType?: string;
  secret?: string;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  serviceAccountsEnabled?: boolean;
  attributes?: Record<string, string>;
  protocolMappers?: Array<{ protocolMapper: string; config: Record<string, string> }>;
}

interface Realm {
  roles: { realm: Array<{ name: string }> };
  clients: RealmClient[];
  users?: Array<{ username: string; serviceAccountClientId?: string; realmRoles?: string[] }>;
}

const realmText = readFileSync(
  path.join(repoRoot, 'deploy/keycloak/par-portal-realm.json'),
  'utf8',
);
const realm = JSON.parse(realmText) as Realm;

/**
 * The service principals, written here by hand: their client, the claim naming them, the secret
 * the realm takes from the environment, and the service (if any) that runs as them.
 */
const principals = [
  {
    clientId: 'par-assessment',
    service: 'assessment',
    secret: 'PAR_ASSESSMENT_CLIENT_SECRET',
    runsIn: 'assessment',
  },
  {
    clientId: 'par-evidence',
    service: 'evidence',
    secret: 'PAR_EVIDENCE_CLIENT_SECRET',
    runsIn: 'evidence',
  },
  {
    clientId: 'par-gateway',
    service: 'gateway',
    secret: 'PAR_GATEWAY_CLIENT_SECRET',
    runsIn: 'gateway',
  },
  {
    clientId: 'par-ranking',
    service: 'ranking',
    secret: 'PAR_RANKING_CLIENT_SECRET',
    runsIn: 'ranking',
  },
  { clientId: 'par-seed', service: 'seed', secret: 'PAR_SEED_CLIENT_SECRET', runsIn: null },
] as const;

describe('the Keycloak realm', () => {
  it('has the realm role service, held only by service accounts', () => {
    expect(realm.roles.realm.map((role) => role.name)).toContain('service');
    const holders = (realm.users ?? []).filter((user) => user.realmRoles?.includes('service'));
    expect(holders.map((user) => user.serviceAccountClientId).sort()).toEqual(
      principals.map((p) => p.clientId).sort(),
    );
  });

  test.each(principals)(
    '$clientId: a confidential client of client credentials only, its secret from $secret',
    (principal) => {
      const client = realm.clients.find((c) => c.clientId === principal.clientId);
      expect(client).toMatchObject({
        publicClient: false,
        bearerOnly: false,
        clientAuthenticatorType: 'client-secret',
        secret: `\${${principal.secret}}`,
        standardFlowEnabled: false,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: true,
      });
      expect(client?.attributes?.['oauth2.device.authorization.grant.enabled']).toBe('false');
      expect(client?.attributes?.['oidc.ciba.grant.enabled']).toBe('false');
    },
  );

  test.each(principals)(
    '$clientId: its tokens name the service $service, hold the role service and are for the API',
    (principal) => {
      const client = realm.clients.find((c) => c.clientId === principal.clientId);
      const mappers = client?.protocolMappers ?? [];
      expect(mappers).toContainEqual(
        expect.objectContaining({
          protocolMapper: 'oidc-hardcoded-claim-mapper',
          config: expect.objectContaining({
            'claim.name': 'service',
            'claim.value': principal.service,
            'access.token.claim': 'true',
          }),
        }),
      );
      expect(mappers).toContainEqual(
        expect.objectContaining({
          protocolMapper: 'oidc-audience-mapper',
          config: expect.objectContaining({ 'included.client.audience': 'par-api' }),
        }),
      );
      const account = realm.users?.find((u) => u.serviceAccountClientId === principal.clientId);
      expect(account).toMatchObject({
        username: `service-account-${principal.clientId}`,
        realmRoles: ['service'],
      });
    },
  );

  it('no client a person logs in with has a service account', () => {
    for (const client of realm.clients) {
      if (client.standardFlowEnabled || client.directAccessGrantsEnabled) {
        expect({ client: client.clientId, serviceAccounts: client.serviceAccountsEnabled }).toEqual(
          { client: client.clientId, serviceAccounts: false },
        );
      }
    }
  });

  it('every placeholder of the realm file is given to Keycloak by compose and by the local stack', () => {
    const placeholders = [
      ...new Set([...realmText.matchAll(/\$\{(PAR_[A-Z0-9_]+)\}/g)].map((m) => m[1]!)),
    ];
    expect(placeholders).toEqual(expect.arrayContaining(principals.map((p) => p.secret)));
    const keycloakEnv = environmentOf(compose.services.keycloak!);
    const stackScript = readFileSync(path.join(repoRoot, 'deploy/local/stack.sh'), 'utf8');
    for (const name of placeholders) {
      expect({ name, compose: keycloakEnv[name] }).toEqual({
        name,
        compose: expect.stringContaining(`\${${name}`),
      });
      expect({ name, stack: stackScript.includes(`${name}="$${name}"`) }).toEqual({
        name,
        stack: true,
      });
    }
  });

  test.each(principals.filter((p) => p.runsIn !== null))(
    '$runsIn: gets the secret of $clientId in compose and from par-secrets in Kubernetes',
    (principal) => {
      const service = principal.runsIn!;
      expect(environmentOf(compose.services[service]!)[principal.secret]).toMatch(
        new RegExp(`^\\$\\{${principal.secret}:\\?`),
      );
      const container = mainContainer(findObject('Deployment', service)!, service);
      expect(container.env).toContainEqual({
        name: principal.secret,
        valueFrom: { secretKeyRef: { name: 'par-secrets', key: principal.secret } },
      });
      expect(Object.keys(secretExample?.stringData ?? {})).toContain(principal.secret);
    },
  );
});

describe('kubernetes', () => {
  it('kustomization.yaml lists every manifest of deploy/k8s except the example Secret', () => {
    const manifests = k8sFiles.filter(
      (file) => !['kustomization.yaml', 'secret.example.yaml'].includes(file),
    );
    expect([...(kustomization.resources ?? [])].sort()).toEqual(manifests.sort());
  });

  it('puts everything in the par-portal namespace', () => {
    expect(kustomization.namespace).toBe('par-portal');
    expect(findObject('Namespace', 'par-portal')).toBeDefined();
    for (const object of k8sObjects) {
      expect([undefined, 'par-portal']).toContain(object.metadata.namespace);
    }
  });

  test.each(apps)(
    '$name: has a Deployment with readiness and liveness probes on its health endpoints, and a Service',
    (app) => {
      const deployment = findObject('Deployment', app.name);
      expect(deployment).toBeDefined();
      const container = mainContainer(deployment!, app.name);
      const portNames = (container.ports ?? []).map((port) => port.name);
      const expected = healthPaths(app);
      expect(container.readinessProbe?.httpGet?.path).toBe(expected.ready);
      expect(container.livenessProbe?.httpGet?.path).toBe(expected.live);
      expect(portNames).toContain(container.readinessProbe?.httpGet?.port);
      expect(portNames).toContain(container.livenessProbe?.httpGet?.port);

      const service = findObject('Service', app.name);
      expect(service).toBeDefined();
      const podLabels = deployment!.spec?.template?.metadata?.labels ?? {};
      const selector = service!.spec?.selector ?? {};
      expect(Object.keys(selector).length).toBeGreaterThan(0);
      expect(podLabels).toMatchObject(selector);
      for (const port of service!.spec?.ports ?? []) expect(portNames).toContain(port.targetPort);
    },
  );

  test.each(apps)(
    '$name: runs as non-root on a read-only root filesystem, with resource requests and limits',
    (app) => {
      const deployment = findObject('Deployment', app.name)!;
      const container = mainContainer(deployment, app.name);
      const podRunAsNonRoot = deployment.spec?.template?.spec?.securityContext?.runAsNonRoot;
      expect(container.securityContext?.runAsNonRoot ?? podRunAsNonRoot).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
      expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(container.resources?.requests).toEqual({
        cpu: expect.anything(),
        memory: expect.anything(),
      });
      expect(container.resources?.limits).toEqual({
        cpu: expect.anything(),
        memory: expect.anything(),
      });
    },
  );

  test.each([...services, ...frontends.filter((app) => app.role === 'shell')])(
    '$name: reads its settings from par-config and its credentials from par-secrets',
    (app) => {
      const container = mainContainer(findObject('Deployment', app.name)!, app.name);
      expect(container.envFrom).toContainEqual({ configMapRef: { name: 'par-config' } });
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (!ref) continue;
        expect(ref.name).toBe('par-secrets');
        expect(Object.keys(secretExample?.stringData ?? {})).toContain(ref.key);
      }
    },
  );

  test.each(apps)(
    '$name: its image is one the kustomization sets the registry and tag of',
    (app) => {
      const container = mainContainer(findObject('Deployment', app.name)!, app.name);
      const image = kustomization.images?.find((entry) => entry.name === container.image);
      expect(image).toMatchObject({ name: `par/${app.name}`, newTag: expect.any(String) });
    },
  );

  test.each(services)(
    '$name: scales out with a HorizontalPodAutoscaler on its Deployment',
    (app) => {
      const hpa = applied.find(
        (object) =>
          object.kind === 'HorizontalPodAutoscaler' &&
          object.spec?.scaleTargetRef?.kind === 'Deployment' &&
          object.spec.scaleTargetRef.name === app.name,
      );
      expect(hpa).toBeDefined();
      expect(hpa!.spec?.maxReplicas).toBeGreaterThan(hpa!.spec?.minReplicas ?? 1);
    },
  );

  it('the Ingress routes /api to the gateway, /mf/<name> to each remote and / to the shell', () => {
    const routes = new Map<string, { service: string; port: string | number | undefined }>();
    for (const ingress of applied.filter((object) => object.kind === 'Ingress')) {
      for (const rule of ingress.spec?.rules ?? []) {
        for (const { path: route, backend } of rule.http?.paths ?? []) {
          const port = backend.service.port;
          routes.set(route.replace(/(.)\/$/, '$1'), {
            service: backend.service.name,
            port: port.name ?? port.number,
          });
        }
      }
    }
    const expected = [
      ['/api', 'gateway'],
      ['/', 'shell'],
      ...remotes.map((app) => [`/mf/${path.basename(app.dir)}`, app.name]),
    ];
    for (const [route, service] of expected) {
      const target = routes.get(route!);
      expect({ route, service: target?.service }).toEqual({ route, service });
      const servicePorts = findObject('Service', service!)?.spec?.ports ?? [];
      expect(servicePorts.map((port) => port.name ?? port.port)).toContain(target?.port);
    }
  });
});

// --- no open bus, no shared database user (issue 15) ----------------------------------------------

const natsDir = path.join(repoRoot, 'deploy', 'nats');
const permissionsText = readFileSync(path.join(natsDir, 'permissions.conf'), 'utf8');
const usersText = readFileSync(path.join(natsDir, 'users.conf'), 'utf8');
const localNatsText = readFileSync(path.join(repoRoot, 'deploy/local/nats.conf'), 'utf8');
const natsValues = load(readFileSync(path.join(k8sDir, 'nats', 'values.yaml'), 'utf8')) as {
  config: { merge: Record<string, unknown> };
  container: { env: Record<string, unknown> };
};
const createUsersScript = readFileSync(path.join(repoRoot, 'deploy/mongo/create-users.js'), 'utf8');

/** The quoted subjects of one user's `publish` or `subscribe` list in permissions.conf. */
function subjectsOf(
  variable: string,
  direction: 'publish' | 'subscribe',
  text = permissionsText,
): string[] {
  const block = new RegExp(`^${variable} = \\{([\\s\\S]*?)^\\}`, 'm').exec(text)?.[1];
  if (!block) return [];
  const [publish = '', subscribe = ''] = block.split(/^\s*subscribe:/m);
  const part = direction === 'publish' ? publish : subscribe;
  return [...part.replace(/#.*$/gm, '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/** `{ user: x, password: $VAR, permissions: $PERMS }` lines of a NATS config. */
function natsUsers(text: string): Map<string, { password?: string; permissions?: string }> {
  const users = new Map<string, { password?: string; permissions?: string }>();
  for (const [, user = '', rest = ''] of text.matchAll(/\{\s*user:\s*([\w-]+),([^}]*)\}/g)) {
    users.set(user, {
      password: /password:\s*\$(\w+)/.exec(rest)?.[1],
      permissions: /permissions:\s*\$(\w+)/.exec(rest)?.[1],
    });
  }
  return users;
}

const dataServices = services.filter((app) => app.name !== 'gateway');
const upper = (name: string) => name.toUpperCase().replace(/-/g, '_');

function k8sEnv(app: App): Map<string, { value?: string; key?: string }> {
  const deployment = findObject('Deployment', app.name);
  const container = deployment ? mainContainer(deployment, app.name) : undefined;
  return new Map(
    (container?.env ?? []).map((e) => [
      e.name,
      { value: e.value, key: e.valueFrom?.secretKeyRef?.key },
    ]),
  );
}

describe('NATS: one user per service, no anonymous client', () => {
  test.each(services)('$name has its own NATS user, password and permissions everywhere', (app) => {
    const password = `PAR_NATS_${upper(app.name)}_PASSWORD`;
    const permissions = `${upper(app.name)}_PERMISSIONS`;
    for (const text of [usersText, localNatsText]) {
      expect(natsUsers(text).get(app.name)).toEqual({ password, permissions });
    }
    expect(permissionsText).toMatch(new RegExp(`^${permissions} = \\{`, 'm'));
    // compose: the server gets every password, the service its own only.
    expect(environmentOf(compose.services.nats!)[password]).toMatch(
      new RegExp(`^\\$\\{${password}:\\?`),
    );
    const env = environmentOf(compose.services[app.name]!);
    expect(env.PAR_NATS_USER).toBe(app.name);
    expect(env.PAR_NATS_PASSWORD).toMatch(new RegExp(`^\\$\\{${password}:\\?`));
    expect(Object.keys(env).filter((key) => /^PAR_NATS_.+_PASSWORD$/.test(key))).toEqual([]);
    // Kubernetes: the same, from par-secrets, and the server's Helm values.
    const podEnv = k8sEnv(app);
    expect(podEnv.get('PAR_NATS_USER')).toEqual({ value: app.name, key: undefined });
    expect(podEnv.get('PAR_NATS_PASSWORD')?.key).toBe(password);
    expect(secretExample?.stringData?.[password]).toBe('change-me');
    expect(natsValues.container.env[password]).toEqual({
      valueFrom: { secretKeyRef: { name: 'par-nats-users', key: password } },
    });
  });

  it('lets no client in without a user: no anonymous user, every user has a password', () => {
    for (const text of [usersText, localNatsText]) {
      expect(text).not.toMatch(/no_auth_user|allow_anonymous/);
      for (const [user, entry] of natsUsers(text)) {
        expect({ user, password: entry.password }).toEqual({
          user,
          password: `PAR_NATS_${upper(user)}_PASSWORD`,
        });
      }
    }
    expect(readFileSync(path.join(composeDir, 'nats.conf'), 'utf8')).toMatch(
      /^include \.\/users\.conf$/m,
    );
    expect(natsValues.config.merge.$include).toBe('users.conf');
  });

  test.each(services)(
    '$name subscribes only to its own nodes and actions, never to the whole bus',
    (app) => {
      const subscribe = subjectsOf(`${upper(app.name)}_PERMISSIONS`, 'subscribe');
      expect(subscribe).toEqual(
        expect.arrayContaining([`MOL-par.*.${app.name}.>`, `MOL-par.REQB.${app.name}.>`]),
      );
      for (const subject of subscribe) {
        expect(subject).not.toMatch(/^(>|MOL-par\.>|MOL-par\.\*\.>|MOL-par\.REQB\.>|_INBOX\.>)$/);
        // Addressed packets (REQ, RES, EVENT…) only to its own service's nodes.
        if (/^MOL-par\.\*\./.test(subject)) expect(subject).toBe(`MOL-par.*.${app.name}.>`);
        if (subject.startsWith('MOL-par.REQB.'))
          expect([`MOL-par.REQB.${app.name}.>`, 'MOL-par.REQB.$node.>']).toContain(subject);
      }
      // No user may create a stream or consumer on any subject it likes.
      const publish = subjectsOf(`${upper(app.name)}_PERMISSIONS`, 'publish');
      expect(publish.filter((s) => /^\$JS\.API\.(>|STREAM\.CREATE\.\*|STREAM\.>)/.test(s))).toEqual(
        [],
      );
    },
  );
});

describe('MongoDB: one user per service, rights on its own database only', () => {
  test.each(dataServices)(
    '$name logs in as its own user, made with readWrite on $name only',
    (app) => {
      const password = `PAR_MONGO_${upper(app.name)}_PASSWORD`;
      const env = environmentOf(compose.services[app.name]!);
      expect(env.PAR_MONGO_USER).toBe(app.name);
      expect(env.PAR_MONGO_PASSWORD).toMatch(new RegExp(`^\\$\\{${password}:\\?`));
      expect(env.PAR_MONGO_URL).not.toMatch(/@/);
      expect(environmentOf(compose.services['mongo-init']!)[password]).toMatch(
        new RegExp(`^\\$\\{${password}:\\?`),
      );
      const podEnv = k8sEnv(app);
      expect(podEnv.get('PAR_MONGO_USER')).toEqual({ value: app.name, key: undefined });
      expect(podEnv.get('PAR_MONGO_PASSWORD')?.key).toBe(password);
      expect(podEnv.has('PAR_MONGO_URL')).toBe(false);
      expect(secretExample?.stringData?.[password]).toBe('change-me');
      expect(createUsersScript).toContain(`'${app.name}'`);
    },
  );

  it('grants readWrite on the service database alone, and Kubernetes runs the same script', () => {
    expect(createUsersScript).toMatch(/const roles = \[\{ role: 'readWrite', db: name \}\];/);
    const script = findObject('ConfigMap', 'mongo-users-script')?.data?.['create-users.js'];
    expect(script).toBe(createUsersScript);
    expect(findObject('Job', 'mongo-users')).toBeDefined();
    expect(compose.services['mongo-init']?.volumes).toContain(
      '../mongo/create-users.js:/create-users.js:ro',
    );
  });

  it('runs MongoDB with access control (a root user and a replica set key file)', () => {
    const mongo = compose.services.mongo!;
    expect(commandText(mongo.command)).toMatch(/--keyFile \S+/);
    expect(environmentOf(mongo).MONGO_INITDB_ROOT_PASSWORD).toMatch(/^\$\{MONGO_ROOT_PASSWORD:\?/);
  });
});

interface NetworkPolicySpec {
  podSelector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: Array<{ key: string; operator: string; values: string[] }>;
  };
  policyTypes?: string[];
  ingress?: Array<{ from?: Array<Record<string, unknown>>; ports?: unknown[] }>;
  egress?: Array<{
    to?: Array<{ namespaceSelector?: { matchLabels?: Record<string, string> } }>;
    ports?: Array<{ port: number | string }>;
  }>;
}

describe('Kubernetes NetworkPolicies', () => {
  const policies = applied
    .filter((object) => object.kind === 'NetworkPolicy')
    .map((object) => ({
      name: object.metadata.name,
      spec: object.spec as unknown as NetworkPolicySpec,
    }));

  /** Whether a policy's pod selector picks the pods of this app (by their name label). */
  const selects = (spec: NetworkPolicySpec, labels: Record<string, string>): boolean => {
    const { matchLabels = {}, matchExpressions = [] } = spec.podSelector;
    return (
      Object.entries(matchLabels).every(([key, value]) => labels[key] === value) &&
      matchExpressions.every((e) => e.operator === 'In' && e.values.includes(labels[e.key] ?? ''))
    );
  };
  const labelsOf = (app: App) =>
    findObject('Deployment', app.name)?.spec?.template?.metadata?.labels ?? {};
  const egressNamespaces = (app: App): Map<string, Array<number | string>> => {
    const reach = new Map<string, Array<number | string>>();
    for (const { spec } of policies.filter((p) => selects(p.spec, labelsOf(app)))) {
      for (const rule of spec.egress ?? []) {
        for (const to of rule.to ?? []) {
          const ns = to.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] ?? '?';
          reach.set(ns, [...(reach.get(ns) ?? []), ...(rule.ports ?? []).map((p) => p.port)]);
        }
      }
    }
    return reach;
  };

  it('deny everything in and out by default', () => {
    expect(
      policies.find(
        (p) =>
          Object.keys(p.spec.podSelector).length === 0 &&
          p.spec.policyTypes?.includes('Ingress') &&
          p.spec.policyTypes.includes('Egress') &&
          !p.spec.ingress &&
          !p.spec.egress,
      ),
    ).toBeDefined();
  });

  it('let only the gateway and the frontends take traffic from the ingress controller', () => {
    const exposed = apps
      .filter((app) =>
        policies.some(
          (p) =>
            selects(p.spec, labelsOf(app)) &&
            (p.spec.ingress ?? []).some((rule) => JSON.stringify(rule.from).includes('ingress')),
        ),
      )
      .map((app) => app.name)
      .sort();
    expect(exposed).toEqual(
      [
        'gateway',
        'shell',
        'mfe-self-assessment',
        'mfe-appraisal',
        'mfe-admin',
        'mfe-public',
      ].sort(),
    );
  });

  test.each(services)('$name reaches NATS, and only what it needs besides', (app) => {
    const reach = egressNamespaces(app);
    expect(reach.get('nats')).toEqual([4222]);
    expect(reach.has('mongodb')).toBe(app.name !== 'gateway');
    // The evidence files and the consultations' attachments (survey) live in MinIO.
    expect(reach.has('minio')).toBe(app.name === 'evidence' || app.name === 'survey');
    // Every service verifies its callers' tokens with the realm's keys (issue 15).
    expect(reach.has('keycloak')).toBe(true);
    expect(reach.has('?')).toBe(false); // no rule open to every destination
  });

  test.each(frontends)('$name reaches nothing but DNS', (app) => {
    expect([...egressNamespaces(app).keys()]).toEqual(['kube-system']);
  });
});

describe('the Keycloak realm, hardened', () => {
  interface Execution {
    authenticator?: string;
    authenticatorConfig?: string;
    flowAlias?: string;
    requirement: string;
  }
  const hardened = JSON.parse(realmText) as {
    revokeRefreshToken?: boolean;
    refreshTokenMaxReuse?: number;
    passwordPolicy?: string;
    browserFlow?: string;
    clients: Array<{ clientId: string; fullScopeAllowed?: boolean }>;
    scopeMappings?: Array<{ client?: string; roles: string[] }>;
    authenticationFlows?: Array<{ alias: string; authenticationExecutions: Execution[] }>;
    authenticatorConfig?: Array<{ alias: string; config: Record<string, string> }>;
  };
  const flow = (alias: string) => hardened.authenticationFlows?.find((f) => f.alias === alias);

  it('rotates refresh tokens: each may be used once', () => {
    expect(hardened.revokeRefreshToken).toBe(true);
    expect(hardened.refreshTokenMaxReuse).toBe(0);
  });

  it('gives the portal client no full scope: its tokens carry the three person roles only', () => {
    expect(hardened.clients.find((c) => c.clientId === 'par-portal')?.fullScopeAllowed).toBe(false);
    const mapped = hardened.scopeMappings?.find((m) => m.client === 'par-portal')?.roles ?? [];
    expect([...mapped].sort()).toEqual(['admin', 'appraisal', 'data-entry']);
  });

  it('keeps a password history and refuses the passwords of a blocklist shipped beside it', () => {
    const policy = hardened.passwordPolicy ?? '';
    expect(policy).toMatch(/\bpasswordHistory\(([1-9]\d*)\)/);
    expect(policy).toMatch(/\blength\((\d+)\)/);
    const file = /\bpasswordBlacklist\(([^)]+)\)/.exec(policy)?.[1] ?? '';
    const list = path.join(repoRoot, 'deploy/keycloak/password-blacklists', file);
    expect(existsSync(list)).toBe(true);
    const entries = readFileSync(list, 'utf8').split('\n').filter(Boolean);
    expect(entries).toEqual(expect.arrayContaining(['password123', 'matkhau123', '1234567890']));
    // Keycloak compares lowercased passwords, so an entry with a capital would never match.
    expect(entries.filter((entry) => entry !== entry.toLowerCase())).toEqual([]);
    // Keycloak reads the list from that folder: compose mounts it, the local stack points there.
    expect(compose.services.keycloak?.volumes).toContain(
      '../keycloak/password-blacklists:/opt/keycloak/data/password-blacklists:ro',
    );
    expect(readFileSync(path.join(repoRoot, 'deploy/local/stack.sh'), 'utf8')).toContain(
      '-Dkeycloak.password.blacklists.path=$PAR_REPO_DIR/deploy/keycloak/password-blacklists',
    );
  });

  it('asks every admin for a TOTP code in the browser flow, with no switch to skip it', () => {
    expect(hardened.browserFlow).toBe('browser-par');
    const forms = flow('browser-par')?.authenticationExecutions.find((e) => e.flowAlias);
    const steps = flow(forms?.flowAlias ?? '')?.authenticationExecutions ?? [];
    expect(steps[0]).toMatchObject({
      authenticator: 'auth-username-password-form',
      requirement: 'REQUIRED',
    });
    const admin = steps
      .filter((step) => step.flowAlias && step.requirement === 'CONDITIONAL')
      .map((step) => flow(step.flowAlias!)?.authenticationExecutions ?? [])
      .find((sub) =>
        sub.some((e) => {
          const config = hardened.authenticatorConfig?.find(
            (c) => c.alias === e.authenticatorConfig,
          )?.config;
          return (
            e.authenticator === 'conditional-user-role' &&
            config?.condUserRole === 'admin' &&
            config.negate === 'false'
          );
        }),
      );
    expect(admin).toContainEqual(
      expect.objectContaining({ authenticator: 'auth-otp-form', requirement: 'REQUIRED' }),
    );
    // Nothing in the repo swaps the realm's flow for tests or the demo.
    expect(realmText).not.toMatch(/\$\{PAR_[A-Z_]*(OTP|TOTP|FLOW)[A-Z_]*\}/);
  });
});

describe('NATS permissions follow the contracts', () => {
  /** What a user may publish: permissions.conf, or the local stack's own users (seed). */
  const publishes = (user: string) =>
    subjectsOf(
      `${upper(user)}_PERMISSIONS`,
      'publish',
      user === 'seed' ? localNatsText : permissionsText,
    );
  const allows = (subjects: string[], subject: string) =>
    subjects.some(
      (allowed) =>
        allowed === subject || (allowed.endsWith('.>') && subject.startsWith(allowed.slice(0, -1))),
    );

  const callers = allActions.flatMap((action) =>
    (action.services ?? [])
      .filter((service) => service !== action.name.split('.')[0])
      .map((service) => ({ service, action: action.name })),
  );
  test.each(callers)('$service may call $action, which its contract lets it call', (call) => {
    expect(allows(publishes(call.service), `MOL-par.REQB.${call.action}`)).toBe(true);
  });

  const durable = [
    ...Object.values(accountsEvents),
    ...Object.values(assessmentEvents),
    ...Object.values(appraisalEvents),
    ...Object.values(rankingEvents),
    ...Object.values(surveyEvents),
  ].filter((event) => 'durable' in event && event.durable);
  test.each(durable.map((event) => ({ name: event.name })))(
    'the producer of the durable event $name may create its stream and publish it',
    ({ name }) => {
      const producer = name.split('.')[0]!;
      const stream = `par.${name}`.split('.').join('_');
      const subjects = publishes(producer);
      expect(subjects).toContain(`$JS.API.STREAM.CREATE.${stream}`);
      expect(allows(subjects, `par.${name}`)).toBe(true);
    },
  );
});
