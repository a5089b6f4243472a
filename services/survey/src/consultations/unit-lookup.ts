/** Whether a code names a unit active now, asked of the accounts service over the bus. */
import type { Context } from 'moleculer';
import { accountsActions, type ListUnitsParams, type UnitList } from '@par/contracts';
import { PortalError } from '@par/service-kit';

const PAGE = 1000;

/**
 * `accounts.listUnits` with `q` finds every unit whose code or any name contains the text; the
 * code must match whole (codes are kept upper-case here, as `SurveyUnitCode` makes them). Runs
 * with the caller's token (the admin's `ctx.meta`), so the accounts service checks the caller
 * itself; a refusal of the caller passes as it is, anything else is 503 and nothing is written.
 */
export async function isActiveUnit(ctx: Context, code: string): Promise<boolean> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await ctx
      .call<UnitList, ListUnitsParams>(accountsActions.listUnits.name, {
        q: code,
        limit: PAGE,
        offset,
      })
      .catch(unavailable);
    if (page.items.some((unit) => unit.active && unit.code.toUpperCase() === code)) return true;
    if (page.items.length < PAGE || offset + PAGE >= page.total) return false;
  }
}

function unavailable(err: unknown): never {
  const type = (err as { type?: string }).type;
  if (type === 'E_FORBIDDEN' || type === 'E_UNAUTHENTICATED') throw err;
  throw new PortalError('E_UNAVAILABLE', {
    key: 'survey.consultation.unitsUnavailable',
    cause: String(err),
  });
}
