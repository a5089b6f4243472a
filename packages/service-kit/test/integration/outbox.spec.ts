/**
 * The outbox relay against the real FerretDB: a write that names the document it wrote has that
 * document relayed (its event published once, its audit entry appended, its outbox emptied)
 * without the relay touching other documents' outboxes, which wait for the next pass.
 */
import { Schema, Types, type Connection, type Model } from 'mongoose';
import {
  outboxAudit,
  outboxEvent,
  startOutboxRelay,
  wakeOutboxRelay,
  withOutbox,
  type OutboxItem,
  type OutboxRelay,
} from '../../src';
import { useNodes } from './nodes';

interface ThingDocument {
  _id: Types.ObjectId;
  name: string;
  outbox?: OutboxItem[];
}

const thingSchema = new Schema<ThingDocument>(
  { name: String, outbox: { type: [Schema.Types.Mixed], default: undefined } },
  { collection: 'things', versionKey: false },
);
const thingModel = (db: Connection): Model<ThingDocument> =>
  (db.models.Thing as Model<ThingDocument>) ?? db.model('Thing', thingSchema);

const silent = { warn: () => undefined, info: () => undefined };

describe('the outbox relay on FerretDB', () => {
  const node = useNodes(1, 'outbox');
  let db: Connection;
  let relay: OutboxRelay;
  const published: string[] = [];

  beforeAll(() => {
    db = node.nodes[0]!;
    relay = startOutboxRelay({
      db,
      collections: ['things'],
      auditCollection: 'thingAudit',
      publish: async (subject, _payload, eventId) => {
        published.push(`${subject}/${eventId}`);
      },
      logger: silent,
      // Far beyond the test: only the write's own wake relays anything.
      intervalMs: 3_600_000,
    });
  });

  afterAll(() => relay.stop());

  it('relays the document a write names, and leaves the others for the next pass', async () => {
    await relay.drain();
    published.length = 0;
    const Things = thingModel(db);
    const other = await Things.create({ name: 'other' });
    await Things.updateOne(
      { _id: other._id },
      withOutbox<ThingDocument>({}, [outboxEvent('things.other', {}, 'event-other')]),
    );
    const audit = outboxAudit({ action: 'thing.renamed' });
    const written = await Things.create({ name: 'written' });
    await Things.updateOne(
      { _id: written._id },
      withOutbox<ThingDocument>({ $set: { name: 'renamed' } }, [
        outboxEvent('things.renamed', {}, 'event-written'),
        audit,
      ]),
    );

    await wakeOutboxRelay(db, Things, written._id);

    expect(published).toEqual(['things.renamed/event-written']);
    expect((await Things.findById(written._id).lean())?.outbox ?? []).toEqual([]);
    expect(
      await db.collection('thingAudit').countDocuments({ _id: new Types.ObjectId(audit.id) }),
    ).toBe(1);
    expect((await Things.findById(other._id).lean())?.outbox).toHaveLength(1);

    await relay.drain();
    expect(published).toEqual(['things.renamed/event-written', 'things.other/event-other']);
    expect((await Things.findById(other._id).lean())?.outbox ?? []).toEqual([]);
  });
});
