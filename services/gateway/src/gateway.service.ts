/**
 * The API gateway: REST under /api for every contract route, Keycloak token verification (and
 * revoked tokens refused), the verified token forwarded on the bus, CORS for the frontends,
 * body limits, request ids of its own, and errors rendered as JSON with a stable code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, Service, ServiceSchema } from 'moleculer';
import ApiGateway, { type ApiSettingsSchema } from 'moleculer-web';
import {
  accountsEvents,
  accountUserActions,
  gatewayActions,
  restActions,
  type AuthUser,
} from '@par/contracts';
import {
  contractAction,
  createTokenVerifier,
  PortalError,
  servicePrincipalFromEnv,
  type PortalMeta,
  type ServicePrincipal,
  type TokenVerifier,
} from '@par/service-kit';
import { TokenRevocations } from './auth/token-revocations';
import type { GatewayConfig } from './config';
import { localeOf, toApiError } from './errors/to-api-error';
import { buildOpenApi } from './openapi/build-openapi';
import { protectionConfig, type ProtectionConfig } from './protection/protection-config';
import { protectionMixin, publicWriteLimit } from './protection/protection.mixin';

type Request = IncomingMessage & {
  $ctx?: Context<unknown, PortalMeta>;
  $action?: { name: string };
};

/**
 * Aliases grouped by body limit: routes without their own limit share the configured one. The
 * login-free routes (`rest.public`) are grouped apart from the others.
 */
function aliasesByBodyLimit(
  defaultLimit: string,
  isPublic = false,
): Map<string, Record<string, string>> {
  const groups = new Map<string, Record<string, string>>(isPublic ? [] : [[defaultLimit, {}]]);
  for (const action of restActions.filter((a) => (a.rest!.public ?? false) === isPublic)) {
    const limit = action.rest!.bodyLimit ?? defaultLimit;
    const group = groups.get(limit) ?? {};
    group[`${action.rest!.method} ${action.rest!.path}`] = action.name;
    groups.set(limit, group);
  }
  return groups;
}
function bodyLimitOf(req: Request): string | undefined {
  const route = (req as { $route?: { opts?: { bodyParsers?: { json?: { limit?: string } } } } })
    .$route;
  return route?.opts?.bodyParsers?.json?.limit;
}
/** Called by moleculer-web (which types only the object form) to set the root call's options. */
function ownRequestId(this: Service, options: { requestID?: string }): void {
  options.requestID = this.broker.generateUid();
}

/** How often each node reads all revocations again, besides the events and reconnections. */
const revocationReloadMs = 60_000;
const successStatus = new Map(restActions.map((a) => [a.name, a.rest!.status ?? 200]));

export interface GatewayDeps {
  /** The node's verifier (`runService` gives it); one of its own otherwise. */
  verifyToken?: TokenVerifier;
  /** The node's copy of the revocations; its `loaded` is the gateway's readiness. */
  revocations?: TokenRevocations;
  /** Headers and rate limits; from the environment otherwise. */
  protection?: ProtectionConfig;
  /** Who loads the revocations (`par-gateway`); from the environment otherwise. */
  principal?: ServicePrincipal;
}

export function gatewayService(config: GatewayConfig, deps: GatewayDeps = {}): ServiceSchema {
  const verify = deps.verifyToken ?? createTokenVerifier(config);
  const protection = deps.protection ?? protectionConfig();
  const openApi = buildOpenApi({ serverUrl: '/', issuer: config.issuer });
  const revocations = deps.revocations ?? new TokenRevocations();
  // The revocations are the gateway's alone to read: it asks as its own service principal.
  const principal = deps.principal ?? servicePrincipalFromEnv('gateway');
  // Calls of login-free routes carry it, so the services still see a verified caller.
  const publicCaller = async (ctx: Context<unknown, PortalMeta>) => {
    const meta = await principal.meta().catch((err: unknown) => {
      throw new PortalError('E_UNAVAILABLE', { cause: String(err) });
    });
    ctx.meta.token = meta.token;
  };
  const setStatus = (
    ctx: Context<unknown, PortalMeta & { $statusCode?: number }>,
    _route: unknown,
    req: Request,
    _res: ServerResponse,
    data: unknown,
  ) => {
    ctx.meta.$statusCode = successStatus.get(req.$action?.name ?? '') ?? 200;
    return data;
  };
  let stopped = false;
  let reloadTimer: NodeJS.Timeout | undefined;
  let loading: Promise<void> | undefined;

  return {
    name: 'gateway',
    // Headers and rate limits (the per-user limit is the routes' `authorization` hook).
    mixins: [ApiGateway, protectionMixin(protection) as ServiceSchema],

    settings: {
      port: config.port,
      path: '/api',
      // The request id is the gateway's own: a client's X-Request-ID or X-Correlation-ID would
      // let it write what our logs and traces say, or tie its requests to another's.
      rootCallOptions: ownRequestId as unknown as ApiSettingsSchema['rootCallOptions'],
      // One line per request, the response's (status, method, path, time); the request's and the
      // call's own lines (debug) were two thirds of the gateway's logging, a tenth of its CPU per
      // save on the data-entry afternoon (bench/README.md).
      logRequest: 'debug',
      logResponse: 'info',
      cors: {
        origin: config.corsOrigins,
        methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language'],
        exposedHeaders: ['X-Request-ID'],
        maxAge: 3600,
      },
      routes: [
        {
          name: 'public',
          path: '',
          authentication: false,
          mappingPolicy: 'restrict',
          aliases: { 'GET /openapi.json': 'gateway.openapi' },
        },
        ...[...aliasesByBodyLimit(config.bodyLimit)].map(([limit, aliases]) => ({
          name: limit === config.bodyLimit ? 'api' : `api-${limit}`,
          path: '',
          authentication: true,
          authorization: true,
          mappingPolicy: 'restrict',
          aliases,
          bodyParsers: { json: { limit, strict: true } },
          onBeforeCall(ctx: Context<unknown, PortalMeta>, _route: unknown, req: Request) {
            ctx.meta.locale = localeOf(req.headers['accept-language']);
          },
          onAfterCall: setStatus,
        })),
        // Without login (a citizen's survey answer): limited per address, called on the bus as
        // the gateway's own principal, which the contract names (`services: ['gateway']`).
        ...[...aliasesByBodyLimit(config.bodyLimit, true)].map(([limit, aliases]) => ({
          name: `public-${limit}`,
          path: '',
          authentication: false,
          authorization: false,
          mappingPolicy: 'restrict',
          aliases,
          use: [publicWriteLimit(protection)],
          bodyParsers: { json: { limit, strict: true } },
          async onBeforeCall(ctx: Context<unknown, PortalMeta>, _route: unknown, req: Request) {
            ctx.meta.locale = localeOf(req.headers['accept-language']);
            await publicCaller(ctx);
          },
          onAfterCall: setStatus,
        })),
      ],
      onError(
        this: { logger: { error(...args: unknown[]): void } },
        req: Request,
        res: ServerResponse,
        err: unknown,
      ) {
        const requestId = req.$ctx?.requestID ?? undefined;
        const { status, body } = toApiError(
          err,
          localeOf(req.headers['accept-language']),
          requestId,
          // The matched route's own limit, where it has one (e.g. file imports).
          { bodyLimit: bodyLimitOf(req) ?? config.bodyLimit },
        );
        if (status >= 500 && body.error.code === 'E_INTERNAL')
          this.logger.error('Request failed', err);
        res.statusCode = status;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        if (requestId) res.setHeader('X-Request-ID', requestId);
        res.end(JSON.stringify(body));
      },
    } as ApiSettingsSchema,

    actions: {
      me: contractAction(gatewayActions.me, async (_params, user) => user),
      openapi: {
        visibility: 'published',
        handler: () => openApi,
      },
    },

    events: {
      [accountsEvents.tokensRevoked.name](ctx: Context<unknown>) {
        const parsed = accountsEvents.tokensRevoked.payload.safeParse(ctx.params);
        if (parsed.success) revocations.add(parsed.data);
      },
      // A node (re)appearing, or this node reconnecting to NATS, means events sent meanwhile
      // may be lost: read the list again.
      '$node.connected'(this: Service & { loadRevocations(): Promise<void> }) {
        void this.loadRevocations();
      },
      '$transporter.connected'(
        this: Service & { loadRevocations(): Promise<void> },
        ctx: Context<{ wasReconnect?: boolean }>,
      ) {
        if (ctx.params.wasReconnect) void this.loadRevocations();
      },
    },

    methods: {
      /**
       * Loads every revocation from the accounts service, retrying until it answers: until the
       * first load no token is trusted, since a disabled account's token may be among them.
       */
      loadRevocations(this: Service & { loadRevocationsNow(): Promise<void> }) {
        // One load at a time: a reload asked for while one retries is that same load.
        loading ??= this.loadRevocationsNow().finally(() => (loading = undefined));
        return loading;
      },

      async loadRevocationsNow(this: Service) {
        let warned = false;
        while (!stopped) {
          const startedAt = Date.now();
          try {
            const name = accountUserActions.listTokenRevocations.name;
            // Waiting quietly for a node: the broker would log a warning for every attempt.
            if (!this.broker.registry.getActionEndpoints(name)?.hasAvailable())
              throw new Error('no accounts node on the bus yet');
            const list = await this.broker.call(name, {}, { meta: await principal.meta() });
            const parsed = accountUserActions.listTokenRevocations.result.parse(list);
            revocations.replace(parsed.items, startedAt);
            return;
          } catch (err) {
            if (!warned) this.logger.warn('Token revocations not loaded yet; retrying', err);
            warned = true;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      },

      async authenticate(
        ctx: Context<unknown, PortalMeta>,
        _route: unknown,
        req: Request,
      ): Promise<AuthUser> {
        const header = req.headers.authorization ?? '';
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match) throw new PortalError('E_UNAUTHENTICATED');
        const { user, issuedAt } = await verify(match[1]!);
        if (!revocations.loaded)
          throw new PortalError('E_UNAVAILABLE', { key: 'account.revocations.unavailable' });
        if (revocations.isRevoked(user.id, issuedAt))
          throw new PortalError('E_UNAUTHENTICATED', { key: 'account.token.revoked' });
        ctx.meta.user = user;
        // Forwarded on the bus: every service verifies the caller again from the token itself.
        ctx.meta.token = match[1]!;
        return user;
      },
    },

    started() {
      stopped = false;
      const service = this as Service & { loadRevocations(): Promise<void> };
      // Not awaited: the gateway answers health checks (and 503 to API calls) while it waits.
      void service.loadRevocations();
      // A short cut-off that no heartbeat noticed can still lose an event: bound that window.
      reloadTimer = setInterval(() => void service.loadRevocations(), revocationReloadMs);
    },

    stopped() {
      stopped = true;
      clearInterval(reloadTimer);
    },
  };
}
