/**
 * The set-up of a unit-scoped browser test: the admin and a data-entry officer of each of two
 * units (A and B), the units created through the API as set-up data (so the portal's header and
 * the public unit lists can name them: «Sở Thử <code>»).
 */
import type { AppName } from '../../deploy/local/apps/apps.ts';
import { callApi } from './api';
import { openPortal, type Portal } from './portal-fixture';

export type UnitOfficersPortal = Portal<'admin' | 'officerA' | 'officerB'>;

/** The name a unit made here gets. */
export const testUnitName = (code: string): string => `Sở Thử ${code}`;

export async function openUnitOfficersPortal(
  apps: AppName[],
  [unitA, unitB]: [string, string],
): Promise<UnitOfficersPortal> {
  const portal = await openPortal({
    apps,
    users: {
      admin: { roles: ['admin'] },
      officerA: { roles: ['data-entry'], unit: unitA },
      officerB: { roles: ['data-entry'], unit: unitB },
    },
    routes: ['accounts'],
  });
  try {
    for (const code of [unitA, unitB]) {
      const made = await callApi('/units', {
        method: 'POST',
        token: portal.tokens.admin,
        body: { code, name: testUnitName(code), kind: 'department' },
      });
      if (made.status !== 201)
        throw new Error(`unit ${code} not created: ${made.status} ${JSON.stringify(made.body)}`);
    }
  } catch (err) {
    await portal.close();
    throw err;
  }
  return portal;
}
