/**
 * The service's own database. Each service owns one database on the MongoDB-protocol server
 * and never reads another's collections. Only features both MongoDB and FerretDB v1 support
 * are used: single-document atomicity and optimistic versions, no transactions.
 *
 * | variable           | default                   | meaning                                   |
 * | ------------------ | ------------------------- | ----------------------------------------- |
 * | PAR_MONGO_URL      | mongodb://127.0.0.1:27017 | the server (no credentials in it)         |
 * | PAR_MONGO_DB       | <service>                 | this service's database                   |
 * | PAR_MONGO_USER     | (none)                    | this service's own user, defined in that database with rights on it only (deploy/) |
 * | PAR_MONGO_PASSWORD | (none)                    | that user's password                      |
 *
 * The local stack's FerretDB (SQLite backend) has no users; compose and Kubernetes do.
 */
import mongoose, { type Connection } from 'mongoose';

export async function connectDatabase(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Connection> {
  const url = env.PAR_MONGO_URL ?? 'mongodb://127.0.0.1:27017';
  const dbName = env.PAR_MONGO_DB ?? serviceName;
  const connection = mongoose.createConnection(url, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
    // The user lives in the service's own database, so it authenticates there.
    ...(env.PAR_MONGO_USER
      ? { user: env.PAR_MONGO_USER, pass: env.PAR_MONGO_PASSWORD ?? '', authSource: dbName }
      : {}),
  });
  await connection.asPromise();
  return connection;
}

export function isDatabaseReady(connection: Connection): boolean {
  return connection.readyState === mongoose.ConnectionStates.connected;
}
