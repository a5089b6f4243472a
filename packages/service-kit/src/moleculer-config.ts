/**
 * Broker options of every portal service, each written out with the environment variable that
 * overrides it. Unit tests pass `{ transporter: null }` for an in-process broker.
 *
 * | variable            | default                  | meaning                                  |
 * | ------------------- | ------------------------ | ---------------------------------------- |
 * | PAR_NATS_URL        | nats://127.0.0.1:4222    | the bus (Moleculer's NATS transporter)    |
 * | PAR_NATS_USER       | (none)                   | this service's NATS user (its own)        |
 * | PAR_NATS_PASSWORD   | (none)                   | that user's password                      |
 * | PAR_NODE_ID         | <host>-<pid>             | this node's id on the bus, after `<service>.` |
 * | PAR_LOG_LEVEL       | info                     | fatal, error, warn, info, debug, trace    |
 * | PAR_REQUEST_TIMEOUT | 10000                    | ms before a call fails with E_UNAVAILABLE |
 * | PAR_NAMESPACE       | par                      | isolates portals sharing one NATS         |
 * | PAR_SHUTDOWN_TIMEOUT| 10000                    | ms a stopping node waits for the calls it is running |
 *
 * NATS binds each user's subject permissions (deploy/nats/permissions.conf) to the node ids of
 * its service, hence the `<service>.` prefix; and calls travel on NATS's own balancer
 * (`disableBalancer`: `MOL-par.REQB.<action>`), so that only the owner's user can receive them.
 */
import os from 'node:os';
import type { BrokerOptions } from 'moleculer';
import { balancedCallsMiddleware } from './balanced-calls';
import { DrainingNatsTransporter } from './draining-nats-transporter';
import { otelMiddleware } from './otel-middleware';
import { EmbeddedPrometheusReporter } from './metrics-reporter';

/**
 * Where and as whom a NATS client of this service connects (bus and JetStream alike): nats.js
 * connection options. Not `url`: Moleculer's transporter would overwrite `user` and `pass` with
 * the URL's (none).
 */
export function natsConnection(env: NodeJS.ProcessEnv = process.env): {
  servers: string;
  user?: string;
  pass?: string;
} {
  return {
    servers: env.PAR_NATS_URL ?? 'nats://127.0.0.1:4222',
    ...(env.PAR_NATS_USER ? { user: env.PAR_NATS_USER, pass: env.PAR_NATS_PASSWORD ?? '' } : {}),
  };
}

export function brokerOptions(serviceName: string, overrides: BrokerOptions = {}): BrokerOptions {
  const env = process.env;
  return {
    namespace: env.PAR_NAMESPACE ?? 'par',
    nodeID: `${serviceName}.${env.PAR_NODE_ID ?? `${os.hostname()}-${process.pid}`}`,
    // Moleculer's NATS transporter, draining the balanced subjects it leaves (see the file).
    transporter: new DrainingNatsTransporter(natsConnection(env)),
    // NATS balances calls (queue groups on MOL-par.REQB.<action>), not the broker: a node can
    // then only receive calls its NATS user may subscribe to, whatever actions it announces.
    disableBalancer: true,
    serializer: 'JSON',
    requestTimeout: Number(env.PAR_REQUEST_TIMEOUT ?? 10_000),
    retryPolicy: { enabled: false },
    // A restarted node is found again through heartbeats; a dead one is dropped after 15 s.
    heartbeatInterval: 5,
    heartbeatTimeout: 15,
    registry: { strategy: 'RoundRobin', preferLocal: true },
    circuitBreaker: { enabled: false },
    // A stopping node first leaves NATS's balancer, then finishes the calls it was running
    // before it disconnects: a rolling restart fails no call (docs/operations.md).
    tracking: { enabled: true, shutdownTimeout: Number(env.PAR_SHUTDOWN_TIMEOUT ?? 10_000) },
    // `runService` stops the node on SIGTERM/SIGINT, in its own order; Moleculer's own handlers
    // would stop the broker a second time at once and exit before the database is closed.
    skipProcessEventRegistration: true,
    logger: {
      type: 'Console',
      options: { level: env.PAR_LOG_LEVEL ?? 'info', formatter: 'jsonext', colors: false },
    },
    metrics: {
      enabled: true,
      // Moleculer accepts a reporter instance; its typings only list reporter names.
      reporter: [
        new EmbeddedPrometheusReporter({ defaultLabels: () => ({ service: serviceName }) }),
      ],
    } as unknown as BrokerOptions['metrics'],
    tracing: { enabled: false }, // OpenTelemetry does tracing, see otel-middleware.ts
    // BalancedCalls innermost: the OpenTelemetry hook has put the trace context into `meta`.
    middlewares: [balancedCallsMiddleware(), otelMiddleware],
    ...overrides,
  };
}
