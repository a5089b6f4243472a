/**
 * Sends every call through NATS's balancer (`MOL-par.REQB.<action>`), even when the caller
 * picked a node: moleculer-web resolves an endpoint to check its visibility and calls that node
 * (`MOL-par.REQ.<node>`, its own included, since with `disableBalancer` local calls go over NATS
 * too). On REQB only the NATS user of the action's service may subscribe
 * (deploy/nats/permissions.conf), so a node announcing another service's actions still never
 * receives their calls; and no user needs to publish to another node's REQ subject.
 */
import type { Middleware } from 'moleculer';

interface Endpoint {
  action: { name: string };
}

const isEndpoint = (target: unknown): target is Endpoint =>
  typeof target === 'object' &&
  target !== null &&
  typeof (target as Endpoint).action?.name === 'string';

export const balancedCallsMiddleware: Middleware = {
  name: 'BalancedCalls',
  call(next: (...args: unknown[]) => Promise<unknown>) {
    return (target: unknown, params: unknown, opts?: { nodeID?: string }) =>
      next(isEndpoint(target) && !opts?.nodeID ? target.action.name : target, params, opts);
  },
} as unknown as Middleware;
