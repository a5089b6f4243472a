/**
 * Every action with a REST route, from every contract module (`action-modules.ts`); the gateway
 * builds its aliases and OpenAPI from this list.
 */
import type { ActionContract } from './action';
import { allActions } from './action-modules';

export const restActions: ActionContract[] = allActions.filter(
  (action) => action.rest !== undefined,
);
