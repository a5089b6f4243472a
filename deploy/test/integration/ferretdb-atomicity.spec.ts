/**
 * Guards the promise every optimistic version in the portal relies on, on the local stack's
 * database: a version-conditioned update succeeds for exactly one of several connections racing
 * on one document (MongoDB's rule; FerretDB alone broke it, see deploy/local/ferretdb/proxy.go).
 */
import { randomUUID } from 'node:crypto';
import { racingConnections } from '../../../test/support/racers';

const CONNECTIONS = 8;
const ROUNDS = 20;

interface RaceDoc {
  _id: string;
  version: number;
  winner: number | null;
  wins: number;
}

describe('conditional updates on the local FerretDB', () => {
  // One socket each: the race is between connections, as between two service nodes.
  const connections = racingConnections('ferretdb-atomicity', CONNECTIONS);

  const races = () => connections().map((c) => c.collection<RaceDoc>('races'));

  /** Runs ROUNDS races of all connections on a fresh document; returns each round's winners. */
  async function race(attempt: (i: number, _id: string) => Promise<boolean>) {
    const winnersPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const _id = randomUUID();
      await races()[0]!.insertOne({ _id, version: 0, winner: null, wins: 0 });
      const won = await Promise.all(connections().map((_, i) => attempt(i, _id)));
      const winners = won.filter(Boolean).length;
      winnersPerRound.push(winners);
      const doc = await races()[0]!.findOne({ _id });
      // The document must agree: one increment, by a caller that was told it won.
      expect(doc).toMatchObject({ version: 1, wins: 1 });
      expect(won[doc!.winner!]).toBe(true);
    }
    return winnersPerRound;
  }

  const claim = (i: number) => ({ $set: { winner: i }, $inc: { version: 1, wins: 1 } });

  it('lets exactly one of 8 parallel updateOne with the same version win, every round', async () => {
    const winners = await race(async (i, _id) => {
      const res = await races()[i]!.updateOne({ _id, version: 0 }, claim(i));
      return res.matchedCount === 1 && res.modifiedCount === 1;
    });
    expect(winners).toEqual(Array(ROUNDS).fill(1));
  });

  it('lets exactly one of 8 parallel findOneAndUpdate with the same version win, every round', async () => {
    const winners = await race(async (i, _id) => {
      const before = await races()[i]!.findOneAndUpdate({ _id, version: 0 }, claim(i));
      return before !== null;
    });
    expect(winners).toEqual(Array(ROUNDS).fill(1));
  });

  it('applies one of 8 parallel unacknowledged (w: 0) conditional updates, every round', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const _id = randomUUID();
      await races()[0]!.insertOne({ _id, version: 0, winner: null, wins: 0 });
      await Promise.all(
        races().map(async (c, i) => {
          await c.updateOne({ _id, version: 0 }, claim(i), { writeConcern: { w: 0 } });
          // A reply on the same connection comes after the unacknowledged write has run.
          await c.findOne({ _id });
        }),
      );
      expect(await races()[0]!.findOne({ _id })).toMatchObject({ version: 1, wins: 1 });
    }
  });
});
