/**
 * What anyone may know of the units (issue 13): the active units' codes and names, so that a
 * citizen picks the unit a question goes to and services check a unit code they are given.
 * Nothing else of a unit (its group, parent, history) leaves the admin's list.
 */
import { z } from 'zod';
import { defineAction, viaGateway } from './action';

export const PublicUnit = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
});
export type PublicUnit = z.infer<typeof PublicUnit>;

export const PublicUnitList = z.object({ items: z.array(PublicUnit) });
export type PublicUnitList = z.infer<typeof PublicUnitList>;

export const accountsPublicActions = {
  listPublicUnits: defineAction({
    name: 'accounts.listPublicUnits',
    summary: 'The units active now, by name: code, name, short name (public, no login)',
    params: z.object({}),
    result: PublicUnitList,
    // The survey checks the unit a citizen's question is asked of with the gateway's token.
    ...viaGateway,
    rest: { method: 'GET', path: '/public/units', public: true },
  }),
};
