/**
 * Guards the layout bench/entry-layout.ts recommends for self-assessment entries (issue 10) on the
 * local stack's database: one collection per unit × period, one document per entry, each saved
 * by `updateOne({ _id, version: n }, { $set, $inc: { version: 1 } })`. Of several connections
 * saving one entry on the same version exactly one wins; saves of different entries of one unit,
 * at the same moment, all land. Also guards the embedded layout the bench compared (one document
 * per unit, entries by criterion code, a version each): one entry's `$set` of its path leaves the
 * other entries' concurrent changes in place.
 */
import { randomUUID } from 'node:crypto';
import { racingConnections } from '../../../test/support/racers';

const CONNECTIONS = 8;
const ROUNDS = 20;

interface EntryDoc {
  _id: string; // criterion code
  score: number; // hundredths
  explanation: string;
  version: number;
}

interface Entry {
  score: number;
  explanation: string;
  version: number;
}

interface UnitDoc {
  _id: string;
  entries: Record<string, Entry>;
}

const code = (i: number) => `c${String(i).padStart(3, '0')}`;
const blank = { score: 0, explanation: '', version: 0 };

describe('self-assessment entries on the local FerretDB', () => {
  const racers = racingConnections('entry-layout', CONNECTIONS);

  /** The unit × period's collection, as each connection sees it. */
  const unitCollection = (name: string) => racers().map((c) => c.collection<EntryDoc>(name));

  it('lets exactly one of 8 saves of one entry on the same version win, every round', async () => {
    const entries = unitCollection(`entries_u${randomUUID().slice(0, 8)}_2026`);
    await entries[0]!.insertMany(
      Array.from({ length: 100 }, (_, i) => ({ _id: code(i), ...blank })),
    );
    const winnersPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const _id = code(round);
      const won = await Promise.all(
        entries.map(async (c, i) => {
          const res = await c.updateOne(
            { _id, version: 0 },
            {
              $set: { score: 100 * (i + 1), explanation: `Lần lưu của kết nối ${i}` },
              $inc: { version: 1 },
            },
          );
          return res.matchedCount === 1 && res.modifiedCount === 1;
        }),
      );
      winnersPerRound.push(won.filter(Boolean).length);
      // The entry agrees: one increment, and the values of the caller that was told it won.
      const doc = await entries[0]!.findOne({ _id });
      const winner = won.indexOf(true);
      expect(doc).toEqual({
        _id,
        score: 100 * (winner + 1),
        explanation: `Lần lưu của kết nối ${winner}`,
        version: 1,
      });
    }
    expect(winnersPerRound).toEqual(Array(ROUNDS).fill(1));
  });

  it('keeps 8 simultaneous saves of different entries of one unit, every round', async () => {
    const entries = unitCollection(`entries_u${randomUUID().slice(0, 8)}_2026`);
    await entries[0]!.insertMany(
      Array.from({ length: 100 }, (_, i) => ({ _id: code(i), ...blank })),
    );
    for (let round = 0; round < ROUNDS; round++) {
      // Round r: connection i saves entry 8r + i; from round 12 on (8 × 12 = 96) the leaves
      // wrap around, and an entry saved once already is on version 1.
      const leaf = (i: number) => (8 * round + i) % 100;
      const version = (i: number) => Math.floor((8 * round + i) / 100);
      const results = await Promise.all(
        entries.map((c, i) =>
          c.updateOne(
            { _id: code(leaf(i)), version: version(i) },
            { $set: { score: 1000 * round + i }, $inc: { version: 1 } },
          ),
        ),
      );
      expect(results.map((r) => r.modifiedCount)).toEqual(Array(CONNECTIONS).fill(1));
      const docs = await entries[0]!
        .find({ _id: { $in: Array.from({ length: CONNECTIONS }, (_, i) => code(leaf(i))) } })
        .toArray();
      const saved = new Map(docs.map((d) => [d._id, [d.score, d.version]]));
      expect(Array.from({ length: CONNECTIONS }, (_, i) => saved.get(code(leaf(i))))).toEqual(
        Array.from({ length: CONNECTIONS }, (_, i) => [1000 * round + i, version(i) + 1]),
      );
    }
  });

  it('embedded entries: one version wins, and $set of one entry keeps the others', async () => {
    const units = racers().map((c) => c.collection<UnitDoc>('units'));
    for (let round = 0; round < ROUNDS; round++) {
      const _id = randomUUID();
      await units[0]!.insertOne({
        _id,
        entries: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [code(i), { ...blank }])),
      });
      const save = (c: (typeof units)[0], entry: string, score: number) =>
        c.updateOne(
          { _id, [`entries.${entry}.version`]: 0 },
          {
            $set: { [`entries.${entry}.score`]: score },
            $inc: { [`entries.${entry}.version`]: 1 },
          },
        );
      // All at once: the 8 connections race on c000, then each saves its own entry c001…c008.
      const [race, own] = await Promise.all([
        Promise.all(units.map((c, i) => save(c, code(0), i + 1))),
        Promise.all(units.map((c, i) => save(c, code(i + 1), 100 * (i + 1)))),
      ]);
      expect(race.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
      expect(own.map((r) => r.modifiedCount)).toEqual(Array(CONNECTIONS).fill(1));
      const doc = (await units[0]!.findOne({ _id }))!;
      const winner = race.findIndex((r) => r.modifiedCount === 1);
      expect(doc.entries[code(0)]).toEqual({ score: winner + 1, explanation: '', version: 1 });
      for (let i = 1; i <= CONNECTIONS; i++)
        expect(doc.entries[code(i)]).toEqual({ score: 100 * i, explanation: '', version: 1 });
    }
  });
});
