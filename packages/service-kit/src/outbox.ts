/**
 * The outbox: a change, the durable events it causes and its audit entries are written in ONE
 * single-document update (FerretDB has no transactions), as items of an `outbox` array on the
 * changed document. A relay — one per service node, started with the service, woken right
 * after each write and on a timer — publishes each event on JetStream with the event id as
 * message id (the stream drops a repeat), appends each audit entry under its fixed id (a second
 * append is a no-op), and only then removes the item. A crash anywhere in between leaves the
 * item for the next pass, on this node after a restart or on another.
 */
import { randomUUID } from 'node:crypto';
import { Schema, Types, type Connection, type UpdateQuery } from 'mongoose';

/** One thing a change still has to do outside its own document. */
export interface OutboxItem {
  /** The event id (JetStream message id) or the audit entry's id (its `_id`, hex). */
  id: string;
  event?: { subject: string; payload: Record<string, unknown> };
  /** The audit entry as it will be stored, `_id` aside. */
  audit?: Record<string, unknown>;
}

/** The `outbox` path of a model's schema. */
export const outboxSchemaPath = {
  type: [{ _id: false, id: String, event: Schema.Types.Mixed, audit: Schema.Types.Mixed }],
  default: undefined,
};

/** A durable event to publish; `eventId` is given when the payload already carries one. */
export function outboxEvent(
  subject: string,
  payload: Record<string, unknown>,
  eventId: string = randomUUID(),
): OutboxItem {
  return { id: eventId, event: { subject, payload } };
}

/** An audit entry to append, written now; its id is fixed here so the append is idempotent. */
export function outboxAudit(entry: Record<string, unknown>): OutboxItem {
  return { id: new Types.ObjectId().toHexString(), audit: entry };
}

/** Adds `items` to an update of the changed document, so they are written with the change. */
export function withOutbox<D>(
  update: UpdateQuery<D>,
  items: readonly OutboxItem[],
): UpdateQuery<D> {
  if (items.length === 0) return update;
  const $push = { ...(update.$push as Record<string, unknown> | undefined) };
  $push.outbox = { $each: [...items] };
  return { ...update, $push };
}

/** Publishes one durable event; `eventId` lets the stream drop a repeat. */
export type Publish = (subject: string, payload: unknown, eventId: string) => Promise<void>;

/** An item as stored; periods' events written before the kit had an outbox had this shape. */
type StoredItem = OutboxItem & {
  eventId?: string;
  subject?: string;
  payload?: Record<string, unknown>;
};

function fromStored(stored: StoredItem): { item: OutboxItem; key: 'id' | 'eventId' } {
  if (stored.id) return { item: stored, key: 'id' };
  const { eventId = '', subject = '', payload = {} } = stored;
  return { item: { id: eventId, event: { subject, payload } }, key: 'eventId' };
}

export interface OutboxRelayOptions {
  db: Connection;
  /** The collections whose documents carry an outbox. */
  collections: readonly string[];
  /** Where audit entries go; `auditEntries` unless said. */
  auditCollection?: string;
  publish: Publish;
  logger: { warn(...args: unknown[]): void; info(...args: unknown[]): void };
  intervalMs?: number;
}

export interface OutboxRelay {
  /** Runs a pass now, or again right after the one running; resolves when it is over. */
  wake(): Promise<void>;
  /**
   * Relays the outbox of one document now, without scanning the others (a write that knows
   * what it wrote); safe alongside a pass, as two nodes relaying at once are.
   */
  relayOne(collection: string, id: unknown): Promise<void>;
  /** Runs passes until the outboxes are empty, or throws what the last pass failed on. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** Relays by connection, so a write can wake its node's relay without wiring. */
const relays = new WeakMap<Connection, OutboxRelay>();

/** How long a write waits for its node's relay before answering anyway. */
const WAKE_WAIT_MS = 2_000;

/**
 * Wakes the relay of `db`'s node, if one runs there, and waits (at most two seconds, never
 * failing) until what was just written is relayed, so that the caller's next read of the audit
 * trail finds its entry. Given the model and id of the document written, it relays that
 * document alone; without them (a write of many documents), it runs a pass over every outbox.
 * If relaying fails or is slow, the items stay in the outbox and a later pass relays them: the
 * write stands either way.
 */
export async function wakeOutboxRelay(
  db: Connection,
  model?: { collection: { collectionName: string } },
  id?: unknown,
): Promise<void> {
  const relay = relays.get(db);
  if (!relay) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    model
      ? relay
          .relayOne(model.collection.collectionName, id)
          .catch(() => undefined /* left for the next pass */)
      : relay.wake(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, WAKE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Appends audit entries from outbox items under their fixed ids; an entry already there (a
 * repeat after a crash, another node) is left as it is, so each is stored once.
 */
export async function appendAuditItems(
  db: Connection,
  items: readonly OutboxItem[],
  auditCollection = 'auditEntries',
): Promise<void> {
  for (const item of items) {
    if (!item.audit) continue;
    try {
      await db
        .collection(auditCollection)
        .insertOne({ ...item.audit, _id: new Types.ObjectId(item.id) });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
}

export function outboxRelayIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PAR_OUTBOX_RELAY_INTERVAL_MS ?? 5000);
  return Number.isFinite(value) && value >= 100 ? value : 5000;
}

/**
 * Starts the relay of one node. `PAR_OUTBOX_RELAY_PAUSED=1` keeps it from ever running: only
 * tests set it, to stop a node between a change and its relay.
 */
export function startOutboxRelay(
  options: OutboxRelayOptions,
  env: NodeJS.ProcessEnv = process.env,
): OutboxRelay {
  const { db, publish, logger } = options;
  const paused = env.PAR_OUTBOX_RELAY_PAUSED === '1';
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const relayDocument = async (collection: string, doc: { _id: unknown; outbox: StoredItem[] }) => {
    for (const stored of doc.outbox) {
      const { item, key } = fromStored(stored);
      if (item.event) await publish(item.event.subject, item.event.payload, item.id);
      await appendAuditItems(db, [item], options.auditCollection);
      // FerretDB ignores $pull with a condition; popping the head, only if it is still this
      // item, keeps two nodes relaying at once from removing an item not yet done.
      await db
        .collection(collection)
        .updateOne({ _id: doc._id, [`outbox.0.${key}`]: item.id } as never, {
          $pop: { outbox: -1 },
        });
    }
  };

  /** One scan of every collection; throws what it could not relay, after trying the rest. */
  const pass = async (): Promise<void> => {
    const failures: string[] = [];
    for (const name of options.collections) {
      const docs = await db
        .collection(name)
        .find({ 'outbox.0': { $exists: true } }, { projection: { outbox: 1 } })
        .toArray();
      for (const doc of docs) {
        // One document failing (the bus not ready) must not hold up the others.
        await relayDocument(name, doc as never).catch((err: unknown) =>
          failures.push(`${name}/${String(doc._id)}: ${(err as Error).message}`),
        );
      }
    }
    if (failures.length > 0) throw new Error(`outbox not relayed: ${failures.join('; ')}`);
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const tick = async (): Promise<void> => {
    if (paused || stopped) return;
    await run().catch((err: unknown) => logger.warn((err as Error).message));
  };

  const relay: OutboxRelay = {
    wake: tick,
    async relayOne(collection, id) {
      if (paused || stopped) return;
      const doc = await db
        .collection(collection)
        .findOne({ _id: id, 'outbox.0': { $exists: true } } as never, {
          projection: { outbox: 1 },
        });
      if (doc) await relayDocument(collection, doc as never);
    },
    async drain() {
      await running?.catch(() => undefined);
      await run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      if (relays.get(db) === relay) relays.delete(db);
    },
  };
  if (paused) logger.warn('outbox relay paused (PAR_OUTBOX_RELAY_PAUSED=1): nothing is relayed');
  const timer = setInterval(() => void tick(), options.intervalMs ?? outboxRelayIntervalMs(env));
  relays.set(db, relay);
  void tick();
  return relay;
}
