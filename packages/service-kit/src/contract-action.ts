/**
 * Builds a Moleculer action from its contract: the caller is checked against the contract's
 * roles and services, then the params are parsed with the contract's schema, before the
 * handler runs.
 */
import type { ActionSchema, Context } from 'moleculer';
import type { z } from 'zod';
import type { ActionContract, AuthUser } from '@par/contracts';
import { assertAllowed } from './authorize';
import { parseParams } from './validation';

/** What the gateway puts in `ctx.meta`; services read the caller only from here. */
export interface PortalMeta {
  user?: AuthUser;
  /**
   * The caller's access token as Keycloak issued it; a service principal's calls carry theirs,
   * so a service can verify it again (zero trust, issue 15) instead of trusting `user`.
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
    async handler(ctx: Context<unknown, PortalMeta>) {
      const user = assertAllowed(ctx.meta.user, contract);
      const params = parseParams<A['params']>(contract.params, ctx.params);
      return handler(params, user, ctx);
    },
  } as ActionSchema;
}
