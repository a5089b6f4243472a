/**
 * OpenTelemetry for one service process. Import and call `startTracing` before anything
 * loads `http` or `mongodb`, so that their instrumentations can hook in.
 *
 * Spans are exported over OTLP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_TRACES_EXPORTER`) is set, and kept in-process otherwise; the usual `OTEL_*`
 * variables (protocol, batch delay, sampler) apply.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';

let sdk: NodeSDK | undefined;

export function startTracing(serviceName: string): void {
  if (sdk) return;
  process.env.OTEL_SERVICE_NAME ??= serviceName;
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT && !process.env.OTEL_TRACES_EXPORTER) {
    process.env.OTEL_TRACES_EXPORTER = 'none';
  }
  // Metrics go through Moleculer's Prometheus reporter, logs to stdout as JSON.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)/.test(req.url ?? ''),
      }),
      new MongoDBInstrumentation({ dbStatementSerializer: (cmd) => Object.keys(cmd).join(',') }),
    ],
  });
  sdk.start();
}

/** Flushes and stops the exporter; called on shutdown so the last spans are not lost. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
