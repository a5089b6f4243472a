/**
 * The collections a period's entries will fill, created when the period opens to its units
 * (trial or self-assessment) instead of by each unit's first save: on the local FerretDB a
 * collection's creation takes the single writer far longer than a save, and 250 units × 10
 * areas first saving in the same minutes buried it (`bench/README.md`, "The afternoon through
 * the gateway"). Each node does it once per period in the background; what a node missed (it
 * was down, the creation failed) the next scheduler pass starts again. A first save still
 * creates its collection if it is missing.
 */
import type { Connection } from 'mongoose';
import type { PeriodPhase } from '@par/contracts';
import { getCriteriaSetForUnits } from '../criteria-sets/criteria-set-store';
import { entryLayoutFromEnv, entryStore } from '../models/entry.model';
import type { PeriodDocument } from '../models/period.model';

/** Phases in which units write entries (or are about to): their collections must exist. */
const openPhases: readonly PeriodPhase[] = ['trial', 'selfAssessment', 'appraisalRound1'];

const preparing = new WeakMap<Connection, Map<string, Promise<number>>>();

/** The area codes (top-level nodes) of each unit's set, for the units that have one. */
async function unitAreas(db: Connection, period: PeriodDocument) {
  const areasBySet = new Map<string, string[]>();
  for (const { criteriaSetId } of period.criteriaSets) {
    const set = await getCriteriaSetForUnits(db, criteriaSetId);
    if (set) {
      areasBySet.set(
        criteriaSetId,
        set.nodes.filter((n) => n.parentCode === null).map((n) => n.code),
      );
    }
  }
  const setOfGroup = new Map(period.criteriaSets.map((c) => [c.unitGroup, c.criteriaSetId]));
  return period.units.flatMap((unit) => {
    const areaCodes = areasBySet.get(setOfGroup.get(unit.unitGroup) ?? '');
    return areaCodes ? [{ unitCode: unit.code, areaCodes }] : [];
  });
}

/**
 * Starts creating the period's missing entry collections if it is open to units and this node
 * has not done so yet; resolves to how many it created (0 when already done or not open).
 */
export function prepareEntryCollections(
  db: Connection,
  period: PeriodDocument,
  logger: { info(...args: unknown[]): void; warn(...args: unknown[]): void },
): Promise<number> {
  if (!openPhases.includes(period.currentPhase)) return Promise.resolve(0);
  const store = entryStore(db, entryLayoutFromEnv());
  if (store.layout === 'single') return Promise.resolve(0);
  const byPeriod = preparing.get(db) ?? new Map<string, Promise<number>>();
  preparing.set(db, byPeriod);
  const id = period._id.toHexString();
  const key = `${id}:${period.units.length}`;
  const under = byPeriod.get(key);
  if (under) return under.then(() => 0);
  const started = Date.now();
  const work = unitAreas(db, period)
    .then((units) => store.prepare(id, units))
    .then((created) => {
      if (created > 0) {
        logger.info(
          `period ${id}: created ${created} entry collection(s) in ${Date.now() - started} ms`,
        );
      }
      return created;
    })
    .catch((err: unknown) => {
      byPeriod.delete(key); // the next scheduler pass tries again
      logger.warn(`period ${id}: entry collections not created: ${(err as Error).message}`);
      return 0;
    });
  byPeriod.set(key, work);
  return work;
}
