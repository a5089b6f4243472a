/** The outbox in IndexedDB: it survives a reload, a closed tab and a phone that runs out of battery. */
import { openDB, type IDBPDatabase } from 'idb';
import type { OutboxStore, PendingForm } from './outbox';

const databaseName = 'par-direct-survey';
const storeName = 'pending-forms';

let database: Promise<IDBPDatabase> | undefined;

function open(): Promise<IDBPDatabase> {
  database ??= openDB(databaseName, 1, {
    upgrade(db) {
      db.createObjectStore(storeName, { keyPath: 'key' });
    },
  });
  return database;
}

export function indexedDbOutbox<S>(): OutboxStore<S> {
  return {
    async put(form) {
      await (await open()).put(storeName, form);
    },
    async delete(key) {
      await (await open()).delete(storeName, key);
    },
    async all() {
      return (await (await open()).getAll(storeName)) as PendingForm<S>[];
    },
  };
}
