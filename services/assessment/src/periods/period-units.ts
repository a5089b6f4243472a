/** The units a period may take part with, asked of the accounts service over the bus. */
import type { Context } from 'moleculer';
import { accountsActions, type ListUnitsParams, type UnitList } from '@par/contracts';
import type { UnitCandidate } from './periods';

const PAGE = 1000;

/**
 * Every unit of the given groups active in the period's year, under that year's name and parent:
 * `accounts.listUnits` with `{ year, unitGroup }` leaves out units merged away or deactivated
 * before that year and those not yet created. Runs with the caller's token (the admin's
 * `ctx.meta`), so the accounts service checks the caller itself.
 */
export async function unitsOfGroups(
  ctx: Context,
  year: number,
  groups: readonly string[],
): Promise<UnitCandidate[]> {
  const units: UnitCandidate[] = [];
  for (const unitGroup of groups) {
    for (let offset = 0, seen = 0; ; offset += PAGE) {
      const page = await ctx.call<UnitList, ListUnitsParams>(accountsActions.listUnits.name, {
        year,
        unitGroup,
        limit: PAGE,
        offset,
      });
      units.push(...page.items);
      seen += page.items.length;
      if (page.items.length < PAGE || seen >= page.total) break;
    }
  }
  return units;
}
