/**
 * The service's own database. Each service owns one database on the MongoDB-protocol server
 * and never reads another's collections. Only features both MongoDB and FerretDB v1 support
 * are used: single-document atomicity and optimistic versions, no transactions.
 */
import mongoose, { type Connection } from 'mongoose';

export async function connectDatabase(serviceName: string): Promise<Connection> {
  const url = process.env.PAR_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
  const connection = mongoose.createConnection(url, {
    dbName: process.env.PAR_MONGO_DB ?? serviceName,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
  });
  await connection.asPromise();
  return connection;
}

export function isDatabaseReady(connection: Connection): boolean {
  return connection.readyState === mongoose.ConnectionStates.connected;
}
