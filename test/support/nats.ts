/**
 * The bus as tests reach it: as the local stack's `tests` NATS user (full rights, local only),
 * since NATS refuses a client without credentials.
 */
import { Middleware as ChannelsMiddleware } from '@moleculer/channels';
import { ServiceBroker, type Middleware } from 'moleculer';
import { natsCredentials } from '../../deploy/local/apps/apps.ts';

/** Moleculer's NATS transporter, for a test's own broker. */
export function testTransporter(): { type: 'NATS'; options: ReturnType<typeof natsCredentials> } {
  return { type: 'NATS', options: natsCredentials('tests') };
}

/** The @moleculer/channels NATS adapter, for a test that publishes or consumes durable events. */
export function testChannelsAdapter() {
  const { servers, user, pass } = natsCredentials('tests');
  return { type: 'NATS', options: { nats: { url: servers, connectionOptions: { user, pass } } } };
}

/**
 * A test's own broker on the stack's NATS, with @moleculer/channels to consume durable events
 * under its own group, as another service would.
 */
export function channelsBroker(nodeID: string): ServiceBroker {
  return new ServiceBroker({
    namespace: process.env.PAR_NAMESPACE ?? 'par',
    nodeID,
    logger: false,
    transporter: testTransporter(),
    middlewares: [
      ChannelsMiddleware({
        adapter: testChannelsAdapter(),
      } as unknown as Parameters<typeof ChannelsMiddleware>[0]) as unknown as Middleware,
    ],
  });
}
