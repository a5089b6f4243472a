/**
 * Every unit for the accounts page, read page by page: the group choice counts and issues for
 * whole groups, so a list cut at the action's page limit would hide groups or miscount them.
 */
import { useEffect, useState } from 'react';
import { accountsActions } from '@par/contracts';
import type { Unit, UnitList } from '@par/contracts';
import { useApiClient } from '@par/client';

/** The largest page `accounts.listUnits` serves. */
export const unitPageSize = 1000;

/** Reads pages from offset 0 until `total` items have come, or a page comes back empty. */
export async function readAllUnits(
  readPage: (offset: number) => Promise<UnitList>,
): Promise<Unit[]> {
  const items: Unit[] = [];
  for (;;) {
    const page = await readPage(items.length);
    items.push(...page.items);
    // An empty page ends it too, so units deleted while paging cannot loop forever.
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export function useAllUnits(): Unit[] {
  const api = useApiClient();
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    readAllUnits((offset) =>
      api.callAction(
        accountsActions.listUnits,
        { limit: unitPageSize, offset },
        { signal: controller.signal },
      ),
    )
      .then(setUnits)
      // The page still works without the list (the unit filter and the form show no options),
      // and its own listing shows the error.
      .catch(() => undefined);
    return () => controller.abort();
  }, [api]);
  return units;
}
