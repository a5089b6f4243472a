/**
 * Zero trust on the bus: before a contract action runs, the node that runs it verifies the
 * caller's access token (`ctx.meta.token`) itself and derives `ctx.meta.user` from it. A user
 * that arrived on the bus without a valid token counts for nothing: 401.
 */
import type { Context, Middleware } from 'moleculer';
import type { AuthUser } from '@par/contracts';
import type { PortalMeta } from './contract-action';
import { PortalError } from './errors';
import type { TokenVerifier } from './token-verifier';

/** What `contractAction` marks its schemas with, so the middleware knows whom to guard. */
export const contractActionMark = 'portalContract';

/**
 * The callers this node verified, by context. Kept off `ctx.meta` (which the bus carries and
 * anyone on it can write), so `contractAction` cannot be handed a user no token vouched for.
 */
const verified = new WeakMap<Context, AuthUser>();

/** The caller whose token this node verified for this call, if any. */
export function verifiedCaller(ctx: Context): AuthUser | undefined {
  return verified.get(ctx);
}

type Handler = (ctx: Context<unknown, PortalMeta>) => Promise<unknown>;

/**
 * Verifies the token of every call to a contract action run on this node. A nested call
 * (`ctx.call` inside an action) carries the caller's `ctx.meta`, token included, so the next
 * service verifies the same caller; work a service does on its own carries its principal's.
 */
export function verifiedCallerMiddleware(verify: TokenVerifier): Middleware {
  return {
    name: 'VerifiedCaller',
    localAction(next: Handler, action: Record<string, unknown>) {
      if (!action[contractActionMark]) return next;
      return async (ctx: Context<unknown, PortalMeta>) => {
        const token = ctx.meta.token;
        // Never let a user that no token vouched for reach the handler, even by `ctx.meta`.
        delete ctx.meta.user;
        if (typeof token !== 'string' || token === '') throw new PortalError('E_UNAUTHENTICATED');
        const { user } = await verify(token);
        ctx.meta.user = user;
        verified.set(ctx, user);
        return next(ctx);
      };
    },
  } as unknown as Middleware;
}
