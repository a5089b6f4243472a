/**
 * Broker options of every portal service, each written out with the environment variable that
 * overrides it. Unit tests pass `{ transporter: null }` for an in-process broker.
 *
 * | variable            | default                  | meaning                                  |
 * | ------------------- | ------------------------ | ---------------------------------------- |
 * | PAR_NATS_URL        | nats://127.0.0.1:4222    | the bus (Moleculer's NATS transporter)    |
 * | PAR_NODE_ID         | <service>-<host>-<pid>   | this node's id on the bus                 |
 * | PAR_LOG_LEVEL       | info                     | fatal, error, warn, info, debug, trace    |
 * | PAR_REQUEST_TIMEOUT | 10000                    | ms before a call fails with E_UNAVAILABLE |
 * | PAR_NAMESPACE       | par                      | isolates portals sharing one NATS         |
 */
import os from 'node:os';
import type { BrokerOptions } from 'moleculer';
import { otelMiddleware } from './otel-middleware';
import { EmbeddedPrometheusReporter } from './metrics-reporter';

export function brokerOptions(serviceName: string, overrides: BrokerOptions = {}): BrokerOptions {
  const env = process.env;
  return {
    namespace: env.PAR_NAMESPACE ?? 'par',
    nodeID: env.PAR_NODE_ID ?? `${serviceName}-${os.hostname()}-${process.pid}`,
    transporter: {
      type: 'NATS',
      options: { url: env.PAR_NATS_URL ?? 'nats://127.0.0.1:4222' },
    },
    serializer: 'JSON',
    requestTimeout: Number(env.PAR_REQUEST_TIMEOUT ?? 10_000),
    retryPolicy: { enabled: false },
    // A restarted node is found again through heartbeats; a dead one is dropped after 15 s.
    heartbeatInterval: 5,
    heartbeatTimeout: 15,
    registry: { strategy: 'RoundRobin', preferLocal: true },
    circuitBreaker: { enabled: false },
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
    middlewares: [otelMiddleware],
    ...overrides,
  };
}
