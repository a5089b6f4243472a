/** The shape of an action contract: name, schemas, who may call it and its REST route. */
import type { z } from 'zod';
import type { RealmRole, unitApproverRole } from './auth';
import type { ServicePrincipalName } from './services';

/** A role a contract may require: a realm role or the portal client's `unit-approver`. */
export type ContractRole = RealmRole | typeof unitApproverRole;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ActionContract<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** `service.verbNoun`, as called over the bus. */
  name: string;
  summary: string;
  params: P;
  result: R;
  /**
   * Roles allowed to call (realm roles or `unit-approver`); `'authenticated'` means any
   * logged-in user. Enforced by the service itself (the gateway only authenticates).
   */
  roles: readonly ContractRole[] | 'authenticated';
  /**
   * Service principals that may call it, acting on their own (a scheduler, a consumer, the
   * seed job). A service principal may call only actions that name it here, whatever `roles`
   * says; a person is never let in by this list.
   */
  services?: readonly ServicePrincipalName[];
  /**
   * Where the gateway exposes it, relative to `/api`; absent for bus-only actions. `bodyLimit`
   * raises the gateway's JSON body limit for this route only (e.g. `'3mb'` for file uploads).
   * `public` routes take no login: the gateway limits them per address and calls the action as
   * its own service principal, so their contracts name `services: ['gateway']`.
   */
  rest?: ActionRoute;
}

/** An action's REST route (see `ActionContract.rest`). */
export interface ActionRoute {
  method: HttpMethod;
  path: string;
  status?: number;
  bodyLimit?: string;
  public?: boolean;
}

export function defineAction<P extends z.ZodType, R extends z.ZodType>(
  contract: ActionContract<P, R>,
): ActionContract<P, R> {
  return contract;
}

export type ParamsOf<A> = A extends ActionContract<infer P, z.ZodType> ? z.input<P> : never;
export type ResultOf<A> = A extends ActionContract<z.ZodType, infer R> ? z.output<R> : never;

/**
 * Who may call a public route's action (`rest.public`): nobody by role; the gateway calls it as
 * its own service principal for a caller without login, after limiting them per address.
 */
export const viaGateway = { roles: [], services: ['gateway'] } as const;
