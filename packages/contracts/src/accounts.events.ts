/** Events the accounts service emits. */
import { z } from 'zod';
import { Unit } from './accounts.actions';
import { TokenRevocation } from './accounts.users.actions';

export const accountsEvents = {
  unitCreated: {
    name: 'accounts.unit.created',
    payload: z.object({ unit: Unit, by: z.string() }),
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
