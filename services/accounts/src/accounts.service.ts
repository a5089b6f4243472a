/** The accounts service: units (and, from issue 4, accounts and account requests). */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { accountsActions, accountsEvents } from '@par/contracts';
import { contractAction } from '@par/service-kit';
import { unitModel } from './models/unit.model';
import { createUnit, listUnits } from './units/units';

export function accountsService(db: Connection): ServiceSchema {
  return {
    name: 'accounts',

    actions: {
      createUnit: contractAction(accountsActions.createUnit, async (params, user, ctx) => {
        const unit = await createUnit(db, params, user);
        await ctx.emit(accountsEvents.unitCreated.name, { unit, by: user.id });
        return unit;
      }),
      listUnits: contractAction(accountsActions.listUnits, (params) => listUnits(db, params)),
    },

    async started() {
      // Unique code index must exist before the first create, or duplicates slip through.
      await unitModel(db).init();
    },
  };
}
