/**
 * The bus as tests reach it: as the local stack's `tests` NATS user (full rights, local only),
 * since NATS refuses a client without credentials.
 */
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
