/** The units a period may take part with, asked of the accounts service over the bus. */
import type { Context } from 'moleculer';
import { accountsActions, type UnitList } from '@par/contracts';
import type { UnitCandidate } from './periods';

const PAGE = 1000;

/**
 * Every unit of the given groups. `accounts.listUnits` has no group filter yet (issue 4 adds
 * `{ year, unitGroup }`), so this pages through all units and filters here; swap the call for
 * the filtered one when it lands, nothing else needs to change. Runs with the caller's token
 * (the admin's `ctx.meta`), so the accounts service checks the caller itself.
 */
export async function unitsOfGroups(
  ctx: Context,
  groups: readonly string[],
): Promise<UnitCandidate[]> {
  const units: UnitCandidate[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await ctx.call<UnitList, { limit: number; offset: number }>(
      accountsActions.listUnits.name,
      { limit: PAGE, offset },
    );
    units.push(...page.items);
    if (page.items.length < PAGE || units.length >= page.total) break;
  }
  return units.filter((u) => u.unitGroup !== null && groups.includes(u.unitGroup));
}
