/**
 * Periods as each node's saves read them, kept in memory: every autosave needs its period
 * (units, sets, phases, deadlines and extensions), a document that grows with the units (about
 * 100 bytes each, 3,500 at national scale) and that changes a few times a year. Reading it per
 * save cost the local database more than the save's own write (`bench/README.md`, "The afternoon
 * through the gateway").
 *
 * How fresh: a change this node makes (`periodChanged`, called by every versioned write in
 * `periods.ts`) replaces its copy at once; a copy is read again at most `PAR_PERIOD_CACHE_MS`
 * (default 1000) after it was read, so another node's change (an extension, a phase moved by
 * hand) reaches this one within that time. A copy never goes back to an older version. Deadlines
 * themselves are compared with the clock on every save, so a deadline passing is exact whatever
 * the copy's age.
 */
import { isValidObjectId, type Connection } from 'mongoose';
import { periodModel, type PeriodDocument } from '../models/period.model';

export function periodCacheMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PAR_PERIOD_CACHE_MS;
  if (raw === undefined || raw === '') return 1000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`PAR_PERIOD_CACHE_MS must be an integer ≥ 0: ${raw}`);
  }
  return value;
}

interface Copy {
  doc: PeriodDocument | null;
  readAt: number;
}

interface NodePeriods {
  copies: Map<string, Copy>;
  /** Reads under way, so a burst of saves of one period costs one read. */
  reading: Map<string, Promise<PeriodDocument | null>>;
}

const byConnection = new WeakMap<Connection, NodePeriods>();
const maxAgeMs = periodCacheMs();

function nodePeriods(db: Connection): NodePeriods {
  let periods = byConnection.get(db);
  if (!periods) {
    periods = { copies: new Map(), reading: new Map() };
    byConnection.set(db, periods);
  }
  return periods;
}

/** Keeps `doc` unless this node already holds a newer version of it. */
function keep(periods: NodePeriods, id: string, doc: PeriodDocument | null, readAt: number) {
  const held = periods.copies.get(id)?.doc;
  if (held && doc && held.version > doc.version) return;
  periods.copies.set(id, { doc, readAt });
}

/** The period as this node last read it (at most `PAR_PERIOD_CACHE_MS` ago), or null if none. */
export async function cachedPeriod(db: Connection, id: string): Promise<PeriodDocument | null> {
  if (!isValidObjectId(id)) return null;
  const periods = nodePeriods(db);
  const copy = periods.copies.get(id);
  if (copy && Date.now() - copy.readAt < maxAgeMs) return copy.doc;
  const under = periods.reading.get(id);
  if (under) return under;
  const readAt = Date.now();
  const read = periodModel(db)
    .findById(id)
    .lean<PeriodDocument>()
    .then((doc) => {
      keep(periods, id, doc ?? null, readAt);
      return periods.copies.get(id)!.doc;
    })
    .finally(() => periods.reading.delete(id));
  periods.reading.set(id, read);
  return read;
}

/** A period this node has just written: its saves see the new version from now on. */
export function periodChanged(db: Connection, doc: PeriodDocument | null): void {
  if (doc) keep(nodePeriods(db), doc._id.toHexString(), doc, Date.now());
}
