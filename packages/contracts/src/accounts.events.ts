/** Events the accounts service emits. */
import { z } from 'zod';
import { Unit, UnitRestructure } from './accounts.actions';

export const accountsEvents = {
  unitCreated: {
    name: 'accounts.unit.created',
    payload: z.object({ unit: Unit, by: z.string() }),
  },
  /** A unit corrected, renamed or deactivated; `action` says which. */
  unitChanged: {
    name: 'accounts.unit.changed',
    payload: z.object({
      action: z.enum(['updated', 'renamed', 'deactivated']),
      unit: Unit,
      by: z.string(),
    }),
  },
  /** Units merged or split from a year: who ended, who started, and the existing target. */
  unitsRestructured: {
    name: 'accounts.units.restructured',
    payload: z.object({
      action: z.enum(['merged', 'split']),
      result: UnitRestructure,
      by: z.string(),
    }),
  },
};
