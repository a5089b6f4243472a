/**
 * Builds a Moleculer action from its contract: the caller, verified from its token by this node
 * (`verified-caller.ts`), is checked against the contract's roles and services, then the params
 * are parsed with the contract's schema, before the handler runs.
 */
import type { ActionSchema, Context } from 'moleculer';
import type { z } from 'zod';
import type { ActionContract, AuthUser } from '@par/contracts';
import { assertAllowed } from './authorize';
import { parseParams } from './validation';
import { contractActionMark, verifiedCaller } from './verified-caller';

/** What travels in `ctx.meta` with every call on the bus. */
export interface PortalMeta {
  /**
   * The caller, as this node derived it from `token` before a contract action ran; whatever
   * arrived on the bus under this name was replaced (or the call refused).
   */
  user?: AuthUser;
  /**
   * The caller's access token as Keycloak issued it: the gateway forwards the user's, a service
   * principal's calls carry theirs, and a nested `ctx.call` carries it on. Every node verifies it.
   */
  token?: string;
  locale?: 'vi' | 'en';
  /** W3C trace context carried across the bus. */
  otel?: Record<string, string>;
}

export type ContractHandler<A extends ActionContract> = (
  params: z.output<A['params']>,
  user: AuthUser,
  ctx: Context<unknown, PortalMeta>,
) => Promise<z.input<A['result']>>;

export function contractAction<A extends ActionContract>(
  contract: A,
  handler: ContractHandler<A>,
): ActionSchema {
  return {
    name: contract.name.slice(contract.name.indexOf('.') + 1),
    [contractActionMark]: true,
    async handler(ctx: Context<unknown, PortalMeta>) {
      // Only a caller this node verified: a node without the middleware refuses everyone.
      const user = assertAllowed(verifiedCaller(ctx), contract);
      const params = parseParams<A['params']>(contract.params, ctx.params);
      return handler(params, user, ctx);
    },
  } as ActionSchema;
}
