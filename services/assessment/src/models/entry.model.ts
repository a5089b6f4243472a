/**
 * Where a unit's entries live: one document per leaf criterion, in collections named by one
 * function of (period, unit, area) that the configuration chooses (`PAR_ENTRY_COLLECTIONS`):
 * `unitArea` — a small collection per unit × period × area, for the local FerretDB, whose
 * updates scan their whole collection (`bench/README.md`, "Recommendation for issue 10");
 * `single` — one `entries` collection keyed by period, unit and criterion, for MongoDB, which
 * finds a document by its index and locks per document. Nothing else differs between the two.
 * Every save is one `writeKeyedVersion` (the service kit's versioned write), never a bulk write.
 */
import type { Connection, mongo } from 'mongoose';
import type { EntryInputs } from '@par/contracts';
import type { KeyedVersionedDocument } from '@par/service-kit';

export const entryLayouts = ['unitArea', 'single'] as const;
export type EntryLayout = (typeof entryLayouts)[number];

/** The layout from `PAR_ENTRY_COLLECTIONS` (default `unitArea`, the local stack's). */
export function entryLayoutFromEnv(env: NodeJS.ProcessEnv = process.env): EntryLayout {
  const value = env.PAR_ENTRY_COLLECTIONS ?? 'unitArea';
  if (!(entryLayouts as readonly string[]).includes(value)) {
    throw new Error(`PAR_ENTRY_COLLECTIONS must be one of ${entryLayouts.join(', ')}: ${value}`);
  }
  return value as EntryLayout;
}

/** A unit's entry for one leaf in one period, as stored. */
export interface EntryDocument extends KeyedVersionedDocument {
  /** The criterion code (`unitArea`), or `<period>:<unit>:<code>` (`single`). */
  _id: string;
  periodId: string;
  unitCode: string;
  criterionCode: string;
  inputs: EntryInputs;
  /** Integer hundredths from `leafScore`; null while the inputs give none. */
  score: number | null;
  /** A ratio's percentage in hundredths of a percent, else null. */
  percent: number | null;
  explanation: string;
  missingEvidenceExplanation: string;
  version: number;
  updatedAt: Date;
  updatedBy: { id: string; username: string };
}

const COLLECTION_PREFIX = 'entries';
const SINGLE = 'entries';

/**
 * A name part made of letters, digits and `-` only: every other character (`.`, `_`, …) is
 * written `_xx` (its UTF-8 bytes in hex), so two different codes never share a collection and
 * `__` never occurs inside a part.
 */
function namePart(text: string): string {
  return [...text]
    .map((ch) =>
      /[A-Za-z0-9-]/.test(ch)
        ? ch
        : [...Buffer.from(ch, 'utf8')].map((b) => `_${b.toString(16).padStart(2, '0')}`).join(''),
    )
    .join('');
}

const periodPrefix = (periodId: string) => `${COLLECTION_PREFIX}__${periodId}__`;

/** The collection of a unit × period × area (`unitArea`), or `entries` (`single`). */
export function entryCollectionName(
  layout: EntryLayout,
  periodId: string,
  unitCode: string,
  areaCode: string,
): string {
  if (layout === 'single') return SINGLE;
  return `${periodPrefix(periodId)}${namePart(unitCode)}__${namePart(areaCode)}`;
}

/** An entry's `_id` in its collection. */
export function entryId(
  layout: EntryLayout,
  periodId: string,
  unitCode: string,
  criterionCode: string,
): string {
  return layout === 'single' ? `${periodId}:${unitCode}:${criterionCode}` : criterionCode;
}

/** The reads and writes of entries under one layout. */
export interface EntryStore {
  readonly layout: EntryLayout;
  collection(periodId: string, unitCode: string, areaCode: string): mongo.Collection<EntryDocument>;
  /** The unit's entries in the given areas, saved after `since` if given. */
  unitEntries(
    periodId: string,
    unitCode: string,
    areaCodes: readonly string[],
    since?: Date,
  ): Promise<EntryDocument[]>;
  /** One entry, or null when never saved. */
  entry(
    periodId: string,
    unitCode: string,
    areaCode: string,
    criterionCode: string,
  ): Promise<EntryDocument | null>;
  /** Every entry of a period, every unit (the progress board), with the fields it names. */
  periodEntries(periodId: string): Promise<EntryDocument[]>;
  /**
   * Moves every entry of the unit one version on, content unchanged (the submission, before it
   * reads them): a save still on its way, conditioned on the version it read, can no longer land.
   */
  freeze(periodId: string, unitCode: string, areaCodes: readonly string[]): Promise<void>;
  /** Deletes the period's entries last saved before `at` (the trial wipe); returns how many. */
  deleteSavedBefore(periodId: string, at: Date): Promise<number>;
  /** Creates the indexes the layout needs (`single`: the reads by unit); idempotent. */
  init(): Promise<void>;
}

export function entryStore(db: Connection, layout: EntryLayout): EntryStore {
  const collection = (periodId: string, unitCode: string, areaCode: string) =>
    db.collection<EntryDocument>(entryCollectionName(layout, periodId, unitCode, areaCode));

  /** The collections of a period that exist (`unitArea`): a unit that never saved has none. */
  const periodCollections = async (periodId: string) => {
    if (layout === 'single') return [db.collection<EntryDocument>(SINGLE)];
    const prefix = periodPrefix(periodId);
    // FerretDB filters listCollections by name only in part; the names are few enough to filter here.
    const all = await db.listCollections();
    return all
      .map((c) => c.name)
      .filter((name) => name.startsWith(prefix))
      .sort()
      .map((name) => db.collection<EntryDocument>(name));
  };

  const since$ = (since?: Date) => (since ? { updatedAt: { $gt: since } } : {});

  return {
    layout,
    collection,
    async unitEntries(periodId, unitCode, areaCodes, since) {
      if (layout === 'single') {
        return db
          .collection<EntryDocument>(SINGLE)
          .find({ periodId, unitCode, ...since$(since) })
          .toArray();
      }
      const lists = await Promise.all(
        [...new Set(areaCodes)].map((area) =>
          collection(periodId, unitCode, area).find(since$(since)).toArray(),
        ),
      );
      return lists.flat();
    },
    async entry(periodId, unitCode, areaCode, criterionCode) {
      return collection(periodId, unitCode, areaCode).findOne({
        _id: entryId(layout, periodId, unitCode, criterionCode),
      });
    },
    async periodEntries(periodId) {
      const lists = await Promise.all(
        (await periodCollections(periodId)).map((c) => c.find({ periodId }).toArray()),
      );
      return lists.flat();
    },
    async freeze(periodId, unitCode, areaCodes) {
      const areas = layout === 'single' ? ['-'] : [...new Set(areaCodes)];
      for (const area of areas) {
        await collection(periodId, unitCode, area).updateMany(
          { periodId, unitCode },
          { $inc: { version: 1 } },
        );
      }
    },
    async deleteSavedBefore(periodId, at) {
      let deleted = 0;
      for (const c of await periodCollections(periodId)) {
        deleted += (await c.deleteMany({ periodId, updatedAt: { $lt: at } })).deletedCount;
      }
      return deleted;
    },
    async init() {
      if (layout !== 'single') return;
      // The unit's entries in one find, and "saved since" for the page's polling.
      await db
        .collection(SINGLE)
        .createIndex({ periodId: 1, unitCode: 1, updatedAt: 1 }, { name: 'unit_updatedAt' });
    },
  };
}
