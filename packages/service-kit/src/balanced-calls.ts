/**
 * Sends every call to another node through NATS's balancer (`MOL-par.REQB.<action>`), even when
 * the caller picked a node: moleculer-web resolves an endpoint to check its visibility and calls
 * that node (`MOL-par.REQ.<node>`). On REQB only the NATS user of the action's service may
 * subscribe (deploy/nats/permissions.conf), so a node announcing another service's actions still
 * never receives their calls, and no user needs to publish to another node's REQ subject.
 *
 * An action of this very node stays an in-process call, as with Moleculer's own balancer (which
 * `disableBalancer` turns off: every call would then go over NATS, and the gateway's `/me` would
 * fail while the bus is down).
 */
import { ServiceBroker, type Middleware } from 'moleculer';

interface Endpoint {
  action: { name: string };
}

type Call = (
  target: unknown,
  params: unknown,
  opts?: { nodeID?: string; tracking?: boolean },
) => Promise<unknown>;

const isEndpoint = (target: unknown): target is Endpoint =>
  typeof target === 'object' &&
  target !== null &&
  typeof (target as Endpoint).action?.name === 'string';

export function balancedCallsMiddleware(): Middleware {
  let broker: ServiceBroker | undefined;
  return {
    name: 'BalancedCalls',
    created(created: ServiceBroker) {
      broker = created;
    },
    call(next: Call): Call {
      return (target, params, opts) => {
        if (opts?.nodeID || !broker) return next(target, params, opts);
        const name = isEndpoint(target) ? target.action.name : target;
        if (typeof name === 'string' && broker.registry.getActionEndpoints(name)?.hasLocal())
          // The broker's own balanced call (its prototype's, which disableBalancer replaced on
          // the instance) prefers the local endpoint and runs its handler in-process.
          return (ServiceBroker.prototype.call as Call).call(broker, name, params, opts);
        // Not tracked here (the node that runs it tracks it): Moleculer's Timeout middleware
        // gives up on a call without settling its inner promise, so a timed-out call stayed
        // tracked forever and held every later stop of this node for PAR_SHUTDOWN_TIMEOUT.
        return next(name, params, { tracking: false, ...opts });
      };
    },
  } as unknown as Middleware;
}
