/**
 * The consumer's inbox against the real FerretDB: a redelivered event does nothing, two nodes
 * given the same delivery run it once, a failed handler lets the redelivery retry, and a claim
 * left by a node that died is taken over after its minute.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { processOnce } from '../../src';
import { useNodes } from './nodes';

describe('processOnce on FerretDB', () => {
  const race = useNodes(2, 'inbox');
  let nodes: Connection[] = [];
  let db: Connection;

  beforeAll(() => {
    nodes = race.nodes;
    db = nodes[0]!;
  });

  it('runs an event once: a redelivery and a second node do nothing', async () => {
    const eventId = randomUUID();
    let runs = 0;
    const handle = async () => {
      runs++;
    };
    const first = await Promise.all(
      nodes.map((node) => processOnce(node, 'ranking', eventId, handle)),
    );
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await processOnce(db, 'ranking', eventId, handle)).toBe(false);
    expect(runs).toBe(1);
    // Another consumer of the same event keeps its own record.
    expect(await processOnce(db, 'evidence', eventId, handle)).toBe(true);
    expect(runs).toBe(2);
  });

  it('lets the redelivery retry an event whose handler failed', async () => {
    const eventId = randomUUID();
    await expect(
      processOnce(db, 'ranking', eventId, () => Promise.reject(new Error('bus down'))),
    ).rejects.toThrow('bus down');
    let runs = 0;
    expect(
      await processOnce(db, 'ranking', eventId, async () => {
        runs++;
      }),
    ).toBe(true);
    expect(runs).toBe(1);
  });

  it('takes over the claim of a node that died while processing, after a minute', async () => {
    const eventId = randomUUID();
    const died = new Date('2026-03-01T08:00:00Z');
    await db
      .collection('inbox')
      .insertOne({ _id: `ranking/${eventId}` as never, state: 'processing', at: died });
    let runs = 0;
    const handle = async () => {
      runs++;
    };
    const soon = () => new Date(died.getTime() + 30_000);
    expect(await processOnce(db, 'ranking', eventId, handle, soon)).toBe(false);
    const later = () => new Date(died.getTime() + 61_000);
    expect(await processOnce(db, 'ranking', eventId, handle, later)).toBe(true);
    expect(runs).toBe(1);
    expect(
      await db.collection('inbox').findOne({ _id: `ranking/${eventId}` as never }),
    ).toMatchObject({
      state: 'done',
    });
  });
});
