/**
 * The versioned write against the real FerretDB: writers racing on one version, each on its own
 * connection as separate service nodes would be, leave exactly one winner; every loser gets a
 * 409 carrying the winner's document in the result shape, and a write to a removed document a 404.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { PortalError, versionedDocuments } from '../../src';
import { useNodes } from './nodes';

interface NoteDocument {
  _id: Types.ObjectId;
  text: string;
  status: 'draft' | 'final';
  version: number;
}

/** The shape a contract would return: the id as a string, the text under another name. */
interface Note {
  id: string;
  body: string;
  version: number;
}

const noteSchema = new Schema<NoteDocument>(
  {
    text: String,
    status: String,
    version: { type: Number, default: 0 },
  },
  { collection: 'notes', versionKey: false },
);
const noteModel = (db: Connection): Model<NoteDocument> =>
  (db.models.Note as Model<NoteDocument>) ?? db.model('Note', noteSchema);

const notes = versionedDocuments({
  model: noteModel,
  toCurrent: (doc: NoteDocument): Note => ({
    id: doc._id.toHexString(),
    body: doc.text,
    version: doc.version,
  }),
  stale: (doc) => ({ key: 'unit.version.stale', params: { code: 'NOTE', version: doc.version } }),
  notFound: { key: 'error.notFound' },
  refuse: (doc) => (doc.status === 'final' ? { key: 'error.conflict' } : null),
});

const WRITERS = 6;

describe('versionedDocuments on FerretDB', () => {
  const race = useNodes(WRITERS, 'versioned');
  let nodes: Connection[] = [];
  let db: Connection;

  beforeAll(() => {
    nodes = race.nodes;
    db = nodes[0]!;
  });

  it('lets exactly one of six writers at one version win; the others get 409 with its document', async () => {
    const created = await noteModel(db).create({ text: 'v0', status: 'draft', version: 3 });
    const results = await Promise.allSettled(
      nodes.map((node, i) => notes.write(node, created._id, 3, { $set: { text: `writer ${i}` } })),
    );

    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const winner = (winners[0] as PromiseFulfilledResult<NoteDocument>).value;
    expect(winner.version).toBe(4);
    const stored = await noteModel(db).findById(created._id).lean();
    expect(stored).toMatchObject({ text: winner.text, version: 4 });

    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(losers).toHaveLength(WRITERS - 1);
    for (const { reason } of losers) {
      expect(reason).toBeInstanceOf(PortalError);
      expect(reason).toMatchObject({ type: 'E_CONFLICT', code: 409 });
      expect(reason.data).toMatchObject({
        key: 'unit.version.stale',
        params: { code: 'NOTE', version: 4 },
        fields: [{ field: 'version', key: 'unit.version.stale' }],
        current: { id: created._id.toHexString(), body: winner.text, version: 4 },
      });
    }
  });

  it('refuses a stale read before any write, with the current document', async () => {
    const created = await noteModel(db).create({ text: 'now', status: 'draft', version: 7 });
    const stale = await notes.findAt(db, created._id, 6).catch((e: unknown) => e);
    expect(stale).toMatchObject({
      type: 'E_CONFLICT',
      data: { current: { body: 'now', version: 7 } },
    });
    await expect(notes.findAt(db, created._id.toHexString(), 7)).resolves.toMatchObject({
      text: 'now',
    });
  });

  it('gives the refusal of the state first, still with the current document', async () => {
    const created = await noteModel(db).create({ text: 'signed', status: 'final', version: 1 });
    const refused = await notes
      .write(db, created._id, 1, { $set: { text: 'changed' } }, { where: { status: 'draft' } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      type: 'E_CONFLICT',
      data: { key: 'error.conflict', current: { body: 'signed', version: 1 } },
    });
    expect((refused as PortalError).data.fields).toBeUndefined();
    expect(await noteModel(db).findById(created._id).lean()).toMatchObject({
      text: 'signed',
      version: 1,
    });
  });

  it('answers 404 for a document that is gone, and deletes only at the seen version', async () => {
    const created = await noteModel(db).create({ text: 'old', status: 'draft', version: 2 });
    const stale = await notes.remove(db, created._id, 1).catch((e: unknown) => e);
    expect(stale).toMatchObject({ type: 'E_CONFLICT', data: { current: { version: 2 } } });
    await notes.remove(db, created._id, 2);
    const gone = await notes
      .write(db, created._id, 2, { $set: { text: 'late' } })
      .catch((e: unknown) => e);
    expect(gone).toMatchObject({ type: 'E_NOT_FOUND', code: 404 });
    await expect(notes.find(db, 'not-an-id')).rejects.toMatchObject({ type: 'E_NOT_FOUND' });
  });
});
