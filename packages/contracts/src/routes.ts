/** Every action with a REST route; the gateway builds its aliases and OpenAPI from this list. */
import type { ActionContract } from './action';
import { accountsActions } from './accounts.actions';
import { gatewayActions } from './gateway.actions';

export const restActions: ActionContract[] = [
  ...Object.values(gatewayActions),
  ...Object.values(accountsActions),
].filter((action) => action.rest !== undefined);
