/**
 * The gateway's defences against floods and framing, kept out of gateway.service.ts: security
 * headers on every response, a rate limit per address before authentication and one per user
 * after it, each answered with 429 E_RATE_LIMITED and Retry-After.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Context, Service, ServiceSchema } from 'moleculer';
import { PortalError, type PortalMeta } from '@par/service-kit';
import { clientAddress } from './client-address';
import type { ProtectionConfig } from './protection-config';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { apiSecurityHeaders } from './security-headers';

export function protectionMixin(config: ProtectionConfig): Partial<ServiceSchema> {
  const headers = apiSecurityHeaders(config);
  const byAddress = limiterFor(config.perAddress);
  const byUser = limiterFor(config.perUser);

  /** A route middleware: runs for every routed request, before authentication. */
  function limitAddress(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) {
    // A CORS preflight is the browser's, not one more call of the user's.
    if (req.method === 'OPTIONS') return next();
    next(refusal(byAddress, `address:${clientAddress(req, config.trustedProxies)}`, res));
  }

  return {
    settings: { use: [limitAddress] } as ServiceSchema['settings'],
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
