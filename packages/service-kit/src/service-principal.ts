/**
 * A service acting on its own (a scheduler, an event consumer, the seed job) as its service
 * principal: a client-credentials token of its Keycloak client `par-<name>`, fetched once and
 * reused until shortly before it expires, and the caller (`ctx.meta.user`) that token names.
 */
import {
  servicePrincipalClientId,
  userFromClaims,
  type AccessTokenClaims,
  type AuthUser,
  type ServicePrincipalName,
} from '@par/contracts';

export interface ServicePrincipalOptions {
  service: ServicePrincipalName;
  /** The realm's token endpoint: `<keycloak>/realms/<realm>/protocol/openid-connect/token`. */
  tokenUrl: string;
  /** Defaults to `par-<service>`. */
  clientId?: string;
  clientSecret: string;
  /** How long before its expiry a token is replaced; at most half its lifetime is kept. */
  refreshBeforeSeconds?: number;
  /** For tests of the caching only; the real Keycloak is used otherwise. */
  now?: () => number;
}

/** What a call made by the principal carries in `ctx.meta`. */
export interface ServicePrincipalMeta {
  user: AuthUser;
  token: string;
}

export interface ServicePrincipal {
  readonly service: ServicePrincipalName;
  /** The caller and its token for `broker.call(name, params, { meta })`. */
  meta(): Promise<ServicePrincipalMeta>;
}

interface Held extends ServicePrincipalMeta {
  /** When to fetch a new token (ms since the epoch). */
  renewAt: number;
}

/** The claims of a JWT as Keycloak issued it: the caller of the token is whoever holds it. */
function claimsOf(token: string): AccessTokenClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('the token endpoint answered something that is not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessTokenClaims;
}

export function createServicePrincipal(options: ServicePrincipalOptions): ServicePrincipal {
  const clientId = options.clientId ?? servicePrincipalClientId(options.service);
  const now = options.now ?? Date.now;
  const refreshBefore = (options.refreshBeforeSeconds ?? 30) * 1000;
  let held: Held | undefined;
  // Callers who ask while a token is being fetched share that one request.
  let fetching: Promise<Held> | undefined;

  const fetchToken = async (): Promise<Held> => {
    const asked = now();
    const res = await fetch(options.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: options.clientSecret,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      // Keycloak's `error` (e.g. `unauthorized_client`) says enough; its body holds no secret.
      throw new Error(`no token for ${clientId}: HTTP ${res.status} ${await res.text()}`);
    }
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error(`no token for ${clientId}: no access_token`);
    const user = userFromClaims(claimsOf(body.access_token), clientId);
    if (user.service !== options.service) {
      throw new Error(
        `the token of ${clientId} does not name the service ${options.service}: its client needs ` +
          `the "service" claim mapper and its account the "service" realm role (see the realm file)`,
      );
    }
    const lifetime = (body.expires_in ?? 60) * 1000;
    const renewAt = asked + lifetime - Math.min(refreshBefore, lifetime / 2);
    return { user, token: body.access_token, renewAt };
  };

  return {
    service: options.service,
    async meta() {
      if (!held || now() >= held.renewAt) {
        fetching ??= fetchToken().finally(() => (fetching = undefined));
        held = await fetching;
      }
      return { user: held.user, token: held.token };
    },
  };
}

/**
 * The principal of `service` from the environment: `PAR_KEYCLOAK_URL` and `PAR_KEYCLOAK_REALM`
 * locate the token endpoint, `PAR_<SERVICE>_CLIENT_ID` (default `par-<service>`) and
 * `PAR_<SERVICE>_CLIENT_SECRET` are its client's.
 */
export function servicePrincipalFromEnv(
  service: ServicePrincipalName,
  env: NodeJS.ProcessEnv = process.env,
): ServicePrincipal {
  const prefix = `PAR_${service.toUpperCase()}_CLIENT`;
  const keycloak = (env.PAR_KEYCLOAK_URL ?? 'http://localhost:8080').replace(/\/$/, '');
  const realm = env.PAR_KEYCLOAK_REALM ?? 'par-portal';
  return createServicePrincipal({
    service,
    tokenUrl: `${keycloak}/realms/${realm}/protocol/openid-connect/token`,
    clientId: env[`${prefix}_ID`] || undefined,
    clientSecret: env[`${prefix}_SECRET`] ?? '',
  });
}
