/** Events the accounts service emits. */
import { z } from 'zod';
import { Unit, UnitRestructure } from './accounts.actions';
import { TokenRevocation } from './accounts.users.actions';

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
  /**
   * An account was disabled: broadcast to every gateway node, which refuses its older tokens.
   * A plain (not durable) event is enough: a gateway that misses it was disconnected from the
   * bus, and every gateway reloads all revocations when a node (re)connects and every minute.
   */
  tokensRevoked: {
    name: 'accounts.account.tokensRevoked',
    payload: TokenRevocation,
  },
};
