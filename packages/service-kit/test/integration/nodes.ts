/** Connections that race as separate service nodes would: one fresh database, one socket each. */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';

/** Opens `count` connections before the suite's tests and drops the database after them. */
export function useNodes(count: number, prefix: string): { nodes: Connection[] } {
  const state = { nodes: [] as Connection[] };
  const dbName = `${prefix}-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    state.nodes = await Promise.all(
      Array.from({ length: count }, () =>
        mongoose
          .createConnection(process.env.PAR_MONGO_URL!, { dbName, maxPoolSize: 1 })
          .asPromise(),
      ),
    );
  });
  afterAll(async () => {
    await state.nodes[0]?.dropDatabase();
    await Promise.all(state.nodes.map((node) => node.close()));
  });
  return state;
}
