/** The assessment service's actions on periods, phases, deadlines and progress, bound to its database. */
import type { Context, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { periodActions } from '@par/contracts';
import { contractAction } from '@par/service-kit';
import { exportPeriodProgress, getPeriodProgress } from './period-progress';
import { unitsOfGroups } from './period-units';
import * as periods from './periods';

export function periodActionHandlers(
  db: Connection,
  publish: periods.Publish,
): NonNullable<ServiceSchema['actions']> {
  const a = periodActions;
  const unitsFor = (ctx: Context) => (year: number, groups: readonly string[]) =>
    unitsOfGroups(ctx, year, groups);
  return {
    listPeriods: contractAction(a.listPeriods, (params) => periods.listPeriods(db, params)),
    getPeriod: contractAction(a.getPeriod, (params) => periods.getPeriod(db, params.id)),
    createPeriod: contractAction(a.createPeriod, (params, user, ctx) =>
      periods.createPeriod(db, params, user.id, unitsFor(ctx), ctx.meta.locale ?? 'vi'),
    ),
    updatePeriod: contractAction(a.updatePeriod, (params, user, ctx) =>
      periods.updatePeriod(db, params, user.id, unitsFor(ctx), ctx.meta.locale ?? 'vi'),
    ),
    advancePeriodPhase: contractAction(a.advancePeriodPhase, (params, user) =>
      periods.advancePeriodPhase(db, params, user.id, publish),
    ),
    extendDeadline: contractAction(a.extendDeadline, (params, user, ctx) =>
      periods.extendDeadline(db, params, user.id, ctx.meta.locale ?? 'vi'),
    ),
    getPeriodProgress: contractAction(a.getPeriodProgress, (params) =>
      getPeriodProgress(db, params),
    ),
    exportPeriodProgress: contractAction(a.exportPeriodProgress, (params) =>
      exportPeriodProgress(db, params),
    ),
  };
}
