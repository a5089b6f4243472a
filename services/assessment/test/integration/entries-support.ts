/** Entries written or counted straight in the database, in the layout the service is configured with. */
import type { Connection } from 'mongoose';
import {
  entryId,
  entryLayoutFromEnv,
  entryStore,
  type EntryDocument,
} from '../../src/models/entry.model';

export const entriesOf = (db: Connection) => entryStore(db, entryLayoutFromEnv());

/** Stores an entry as a save would have (version 1), e.g. for a board or a wipe to find. */
export async function storeEntry(
  db: Connection,
  entry: Partial<EntryDocument> & {
    periodId: string;
    unitCode: string;
    areaCode: string;
    criterionCode: string;
  },
): Promise<void> {
  const store = entriesOf(db);
  const { areaCode, ...fields } = entry;
  await store.collection(entry.periodId, entry.unitCode, areaCode).insertOne({
    inputs: {},
    score: null,
    percent: null,
    explanation: '',
    missingEvidenceExplanation: '',
    version: 1,
    updatedAt: new Date(),
    updatedBy: { id: 'test', username: 'test' },
    ...fields,
    _id: entryId(store.layout, entry.periodId, entry.unitCode, entry.criterionCode),
  });
}

export async function countEntries(db: Connection, periodId: string): Promise<number> {
  return (await entriesOf(db).periodEntries(periodId)).length;
}
