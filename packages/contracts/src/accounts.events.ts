/** Events the accounts service emits. */
import { z } from 'zod';
import { Unit } from './accounts.actions';

export const accountsEvents = {
  unitCreated: {
    name: 'accounts.unit.created',
    payload: z.object({ unit: Unit, by: z.string() }),
  },
};
