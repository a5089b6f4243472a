/**
 * The gateway's defences against floods, framing and hostile bodies, kept out of
 * gateway.service.ts: security headers on every response, rate limits per address before
 * authentication (one for anonymous requests, a far higher one for requests with a token), one
 * per user after it and one per address on public writes (429 E_RATE_LIMITED with Retry-After), and bodies
 * that are arrays or nest too deeply for the bus refused as not valid.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Context, Service, ServiceSchema } from 'moleculer';
import { PortalError, type PortalMeta } from '@par/service-kit';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './body-depth';
import { clientAddress } from './client-address';
import type { ProtectionConfig } from './protection-config';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { apiSecurityHeaders } from './security-headers';

export function protectionMixin(config: ProtectionConfig): Partial<ServiceSchema> {
  const headers = apiSecurityHeaders(config);
  const byAddress = limiterFor(config.perAddress);
  const byAddressWithToken = limiterFor(config.perAddressWithToken);
  const byUser = limiterFor(config.perUser);

  /** A route middleware: runs for every routed request, before authentication. */
  function limitAddress(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) {
    // A CORS preflight is the browser's, not one more call of the user's.
    if (req.method === 'OPTIONS') return next();
    const address = clientAddress(req, config.trustedProxies);
    const withToken = /^Bearer\s/i.test(req.headers.authorization ?? '');
    next(
      withToken
        ? refusal(byAddressWithToken, `address+token:${address}`, res)
        : refusal(byAddress, `address:${address}`, res),
    );
  }

  /**
   * After the body parser: every route's body is its parameters object, so an array is not
   * valid (merged into the parameters it would pass as no parameters at all); a body too deep
   * for the bus is a client's error too, not a 500.
   */
  function refuseOddBodies(
    req: IncomingMessage & { body?: unknown },
    _res: ServerResponse,
    next: (err?: unknown) => void,
  ) {
    const odd = Array.isArray(req.body) || nestsDeeperThan(req.body, MAX_BODY_DEPTH);
    next(odd ? new PortalError('E_VALIDATION', { key: 'error.validation' }) : undefined);
  }

  return {
    settings: { use: [limitAddress, refuseOddBodies] } as ServiceSchema['settings'],
    methods: {
      /** moleculer-web's authorization hook: runs once the token is verified. */
      authorize(
        ctx: Context<unknown, PortalMeta>,
        _route: unknown,
        _req: unknown,
        res: ServerResponse,
      ) {
        const user = ctx.meta.user;
        if (!user) return;
        const refused = refusal(byUser, `user:${user.id}`, res);
        if (refused) throw refused;
      },
    },
    started(this: Service) {
      // Before moleculer-web's own handler, so errors, 404s and preflights carry them too.
      (this as Service & { server?: Server }).server?.prependListener(
        'request',
        (_req: IncomingMessage, res: ServerResponse) => {
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        },
      );
    },
  };
}

/**
 * A route middleware for the public routes: their writes (a POST) are limited per address, on
 * top of every request's own limit; their reads are not.
 */
export function publicWriteLimit(
  config: ProtectionConfig,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  const limiter = limiterFor(config.publicWritesPerAddress);
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    next(refusal(limiter, `public-write:${clientAddress(req, config.trustedProxies)}`, res));
  };
}

function limiterFor(rate: RateLimit): RateLimiter | null {
  return rate.limit > 0 ? new RateLimiter(rate) : null;
}

/** The 429 to answer, with Retry-After set, or undefined when the request may go on. */
function refusal(
  limiter: RateLimiter | null,
  key: string,
  res: ServerResponse,
): PortalError | undefined {
  const verdict = limiter?.hit(key);
  if (!verdict || verdict.allowed) return undefined;
  res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
  return new PortalError('E_RATE_LIMITED', { params: { seconds: verdict.retryAfterSeconds } });
}
