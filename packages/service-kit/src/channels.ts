/**
 * Durable events on NATS JetStream, through @moleculer/channels: the broker middleware, and the
 * publisher the outbox relay uses.
 */
import { Middleware as ChannelsMiddleware } from '@moleculer/channels';
import type { Middleware, ServiceBroker } from 'moleculer';
import { natsConnection } from './moleculer-config';
import type { Publish } from './outbox';

/**
 * The channels middleware on the same NATS as the bus (`PAR_NATS_URL`), as the same user,
 * JetStream enabled.
 */
export function channelsMiddleware(env: NodeJS.ProcessEnv = process.env): Middleware {
  const { servers: url, user, pass } = natsConnection(env);
  // The adapter reads the server from `nats.url` (a bare URL string would be ignored and fall
  // back to localhost:4222); the package's typings mark every option required although the
  // middleware fills in the rest. JetStream API replies and publish acknowledgements come back
  // on an inbox only this user may subscribe to (`_INBOX_<user>.>`, deploy/nats/). It
  // reconnects for as long as NATS is away, as the bus does (nats.js gives up after 10 tries,
  // about 20 s, and the adapter would then neither publish nor consume until a restart).
  const options = {
    adapter: {
      type: 'NATS',
      options: {
        nats: {
          url,
          connectionOptions: {
            maxReconnectAttempts: -1,
            ...(user ? { user, pass, inboxPrefix: `_INBOX_${user}` } : {}),
          },
        },
      },
    },
  };
  return ChannelsMiddleware(
    options as unknown as Parameters<typeof ChannelsMiddleware>[0],
  ) as unknown as Middleware;
}

/** The part of the NATS adapter the publisher relies on. */
interface NatsChannelAdapter {
  connected: boolean;
  stopping?: boolean;
  /** The subject as published: prefixed with the broker's namespace (`par.`). */
  addPrefixTopic(subject: string): string;
  createStream(name: string, subjects: string[], options: object): Promise<unknown>;
}

type ChannelBroker = ServiceBroker & {
  channelAdapter?: NatsChannelAdapter;
  sendToChannel?: (subject: string, payload: unknown, opts?: object) => Promise<void>;
};

/**
 * Publishes on JetStream with the event id as the message id, so a repeat after a crash (the
 * outbox entry was published but not yet removed) is dropped by the stream. The stream is
 * created here, by the producer, so events are kept even before any consumer subscribes; its
 * subject carries the namespace prefix the adapter adds (`par.accounts.unit.changed`)
 * and its name follows the adapter's convention (dots become underscores).
 */
export function channelPublisher(broker: ServiceBroker): Publish {
  const channelBroker = broker as ChannelBroker;
  const streams = new Set<string>();
  return async (subject, payload, eventId) => {
    const adapter = channelBroker.channelAdapter;
    // The adapter connects after the services start; until then the event waits in the outbox.
    if (!adapter?.connected || adapter.stopping || !channelBroker.sendToChannel) {
      throw new Error('the channel adapter is not connected yet');
    }
    if (!streams.has(subject)) {
      const published = adapter.addPrefixTopic(subject);
      await adapter.createStream(published.split('.').join('_'), [published], {});
      streams.add(subject);
    }
    await channelBroker.sendToChannel(subject, payload, { msgID: eventId });
  };
}
