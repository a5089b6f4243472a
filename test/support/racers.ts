/**
 * Connections that race each other on the local stack's database, for atomicity tests: each of
 * one socket, so the race is between connections, as between two service nodes, not between the
 * sockets of one pool that a driver might reuse. Registers its own beforeAll/afterAll: the
 * database is fresh and is dropped at the end.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';

export function racingConnections(prefix: string, count: number): () => Connection[] {
  const dbName = `${prefix}-${randomUUID().slice(0, 8)}`;
  let connections: Connection[] = [];
  beforeAll(async () => {
    connections = await Promise.all(
      Array.from({ length: count }, () =>
        mongoose
          .createConnection(process.env.PAR_MONGO_URL!, { dbName, maxPoolSize: 1, minPoolSize: 1 })
          .asPromise(),
      ),
    );
  });
  afterAll(async () => {
    await connections[0]?.dropDatabase();
    await Promise.all(connections.map((c) => c.close()));
  });
  return () => connections;
}
