/**
 * The consumer's side of the outbox: JetStream delivers at least once (a redelivery after a
 * missed ack, a repeat outside the stream's duplicate window), so a consumer records the event
 * ids it processed in its own `inbox` collection (the id is the unique `_id`), and a redelivery
 * of a processed event does nothing.
 */
import type { Connection } from 'mongoose';

/** How long a claim of an event being processed holds before another delivery may take it over. */
const CLAIM_MS = 60_000;

interface InboxEntry {
  _id: string;
  state: 'processing' | 'done';
  at: Date;
}

/**
 * Runs `handle` for event `eventId` unless `consumer` already processed it; returns whether it
 * ran. The event is claimed first, so two nodes given the same delivery do not both run it; a
 * failed handler releases its claim (the redelivery retries), and a claim left by a node that
 * died is taken over after a minute.
 */
export async function processOnce(
  db: Connection,
  consumer: string,
  eventId: string,
  handle: () => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const inbox = db.collection<InboxEntry>('inbox');
  const _id = `${consumer}/${eventId}`;
  const claimedAt = now();
  try {
    await inbox.insertOne({ _id, state: 'processing', at: claimedAt });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const taken = await inbox.findOneAndUpdate(
      { _id, state: 'processing', at: { $lt: new Date(claimedAt.getTime() - CLAIM_MS) } },
      { $set: { at: claimedAt } },
    );
    if (!taken) return false; // done already, or being processed right now by another node
  }
  try {
    await handle();
  } catch (err) {
    await inbox.deleteOne({ _id, at: claimedAt });
    throw err;
  }
  await inbox.updateOne({ _id }, { $set: { state: 'done', at: now() } });
  return true;
}

/** The event id of a JetStream delivery: the message id the outbox relay published it with. */
export function channelEventId(raw: unknown): string | undefined {
  const headers = (raw as { headers?: { get(name: string): string } } | undefined)?.headers;
  return headers?.get('Nats-Msg-Id') || undefined;
}
