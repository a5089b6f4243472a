/**
 * Runs one service as its own Moleculer node process: database, broker on NATS, health
 * server, and a clean shutdown on SIGTERM/SIGINT that flushes the last traces.
 */
import { ServiceBroker, type Middleware, type ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { channelPublisher, channelsMiddleware } from './channels';
import { connectDatabase, isDatabaseReady } from './database';
import { startHealthServer, type ReadinessCheck } from './health-server';
import { EmbeddedPrometheusReporter } from './metrics-reporter';
import { brokerOptions } from './moleculer-config';
import { startOutboxRelay } from './outbox';
import { assertProductionSecrets } from './production-secrets';
import { stopTracing } from './tracing';
import {
  createTokenVerifier,
  tokenVerifierOptionsFromEnv,
  type TokenVerifier,
} from './token-verifier';
import { verifiedCallerMiddleware } from './verified-caller';

export interface ServiceDefinition {
  name: string;
  /**
   * Builds the service schema; given the service's own database when `database` is set, and
   * the node's token verifier (the one its contract actions use; the gateway checks with it).
   */
  schema: (deps: { db: Connection | undefined; verifyToken: TokenVerifier }) => ServiceSchema;
  database: boolean;
  /**
   * Broker middlewares this service alone needs (e.g. @moleculer/channels for durable events),
   * added after the shared ones so that not every service depends on them.
   */
  middlewares?: Middleware[];
  /**
   * The collections whose documents carry an outbox (see `outbox.ts`): the node then runs the
   * JetStream channels middleware and an outbox relay from its start to its stop.
   */
  outbox?: { collections: readonly string[]; auditCollection?: string };
  /**
   * Secret variables this service needs besides its NATS and database passwords: a production
   * start refuses them missing, empty, a placeholder or short (`production-secrets.ts`).
   */
  secrets?: readonly string[];
  /** Readiness checks of this service besides the bus and the database (e.g. the gateway's). */
  readiness?: Record<string, ReadinessCheck>;
}

export async function runService(definition: ServiceDefinition): Promise<ServiceBroker> {
  const options = brokerOptions(definition.name);
  const verifyToken = createTokenVerifier({
    ...tokenVerifierOptionsFromEnv(),
    // Called only once requests arrive, when the broker (made below) exists.
    onFetchFailed: (err) =>
      broker.getLogger('realm-keys').warn('Could not fetch the realm keys', String(err)),
  });
  const broker = new ServiceBroker({
    ...options,
    middlewares: [
      ...(options.middlewares ?? []),
      // Every contract action verifies its caller's token on this node (zero trust on the bus).
      verifiedCallerMiddleware(verifyToken),
      ...(definition.outbox ? [channelsMiddleware()] : []),
      ...(definition.middlewares ?? []),
    ],
  });
  const logger = broker.getLogger('runner');
  try {
    // Its own NATS user always; a database user where it has a database.
    assertProductionSecrets(process.env, [
      'PAR_NATS_PASSWORD',
      ...(definition.database ? ['PAR_MONGO_PASSWORD'] : []),
      ...(definition.secrets ?? []),
    ]);
    const db = definition.database ? await connectDatabase(definition.name) : undefined;
    broker.createService(definition.schema({ db, verifyToken }));
    await broker.start();
    // The relay may start before the channel adapter connects: until then items wait.
    const relay =
      db && definition.outbox
        ? startOutboxRelay({
            db,
            ...definition.outbox,
            publish: channelPublisher(broker),
            logger: broker.getLogger('outbox'),
          })
        : undefined;

    const reporter = broker.metrics.reporter?.find(
      (r: unknown): r is EmbeddedPrometheusReporter => r instanceof EmbeddedPrometheusReporter,
    );
    const health = await startHealthServer({
      port: Number(process.env.PAR_HEALTH_PORT ?? 9100),
      checks: {
        bus: () => Boolean(broker.transit?.connected),
        ...(db ? { database: () => isDatabaseReady(db) } : {}),
        ...definition.readiness,
      },
      metrics: () => reporter?.render() ?? '',
    });

    const shutdown = async (signal: string) => {
      logger.info(`${signal} received, stopping ${definition.name}`);
      health.close();
      await relay?.stop();
      await broker.stop();
      await db?.close();
      await stopTracing();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
    return broker;
  } catch (err) {
    logger.fatal(`${definition.name} could not start: ${(err as Error).message}`);
    await broker.stop().catch(() => undefined);
    await stopTracing();
    process.exit(1);
  }
}
