/**
 * Whether a unit code names an active unit, from the accounts service's public list, kept a
 * minute per node (a province's units change a few times a year); a code not in the list
 * fetches it again after 5 s, so a unit created a moment ago is found.
 */
import type { PublicUnitList } from '@par/contracts';

export type UnitExists = (unitCode: string) => Promise<boolean>;

/**
 * The check of one node; each call names how to fetch the list if it must (with the caller's
 * own token: any caller may read it).
 */
export function knownUnits(
  options: { keepMs?: number; missRefetchMs?: number; now?: () => number } = {},
): (unitCode: string, fetchUnits: () => Promise<PublicUnitList>) => Promise<boolean> {
  const keepMs = options.keepMs ?? 60_000;
  const missRefetchMs = options.missRefetchMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; codes: Set<string> } | null = null;
  return async (unitCode, fetchUnits) => {
    const age = cached ? now() - cached.at : Infinity;
    if (age > keepMs || (age > missRefetchMs && !cached!.codes.has(unitCode))) {
      const list = await fetchUnits();
      cached = { at: now(), codes: new Set(list.items.map((unit) => unit.code)) };
    }
    return cached!.codes.has(unitCode);
  };
}
