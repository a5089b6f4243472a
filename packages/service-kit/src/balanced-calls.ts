/**
 * Sends every call to a remote action through NATS's balancer (`MOL-par.REQB.<action>`), even
 * when the caller picked a node: moleculer-web resolves an endpoint to check its visibility and
 * calls that node directly (`MOL-par.REQ.<node>`). On REQB only the NATS user of the action's
 * service may subscribe (deploy/nats/permissions.conf), so a node announcing another service's
 * actions still never receives their calls.
 */
import type { Middleware } from 'moleculer';

interface Endpoint {
  local: boolean;
  action: { name: string };
}

const isRemoteEndpoint = (target: unknown): target is Endpoint =>
  typeof target === 'object' &&
  target !== null &&
  (target as Endpoint).local === false &&
  typeof (target as Endpoint).action?.name === 'string';

export const balancedCallsMiddleware: Middleware = {
  name: 'BalancedCalls',
  call(next: (...args: unknown[]) => Promise<unknown>) {
    return (target: unknown, params: unknown, opts?: { nodeID?: string }) =>
      next(isRemoteEndpoint(target) && !opts?.nodeID ? target.action.name : target, params, opts);
  },
} as unknown as Middleware;
