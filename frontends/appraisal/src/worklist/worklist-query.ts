/**
 * The worklist's view state ⇄ the page address (so a filtered list survives a reload and can be
 * shared) ⇄ `appraisal.listMyUnits`'s params, and what the round's send confirmation lists.
 */
import { unitRoundStatuses, worklistSorts } from '@par/contracts';
import type { ListMyUnitsParams, UnitRoundStatus, WorklistUnit } from '@par/contracts';

export type WorklistSort = (typeof worklistSorts)[number];

export interface WorklistView {
  periodId: string | null;
  q: string;
  status: UnitRoundStatus | null;
  unitGroup: string | null;
  sort: WorklistSort;
  order: 'asc' | 'desc';
}

const isStatus = (value: string | null): value is UnitRoundStatus =>
  value !== null && (unitRoundStatuses as readonly string[]).includes(value);
const isSort = (value: string | null): value is WorklistSort =>
  value !== null && (worklistSorts as readonly string[]).includes(value);

/** What the address says; anything unknown falls back to the default. */
export function viewFromSearch(search: URLSearchParams): WorklistView {
  const status = search.get('status');
  const sort = search.get('sort');
  return {
    periodId: search.get('period') || null,
    q: search.get('q') ?? '',
    status: isStatus(status) ? status : null,
    unitGroup: search.get('group') || null,
    sort: isSort(sort) ? sort : 'unitCode',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The address for a view; defaults are left out so the plain list has a plain address. */
export function searchFromView(view: WorklistView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.periodId) search.set('period', view.periodId);
  if (view.q.trim()) search.set('q', view.q.trim());
  if (view.status) search.set('status', view.status);
  if (view.unitGroup) search.set('group', view.unitGroup);
  if (view.sort !== 'unitCode') search.set('sort', view.sort);
  if (view.order !== 'asc') search.set('order', view.order);
  return search;
}

export function listParams(periodId: string, view: WorklistView): ListMyUnitsParams {
  return {
    periodId,
    ...(view.q.trim() ? { q: view.q.trim() } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.unitGroup ? { unitGroup: view.unitGroup } : {}),
    sort: view.sort,
    order: view.order,
  };
}

/** Whether a view filters anything (an empty list then says "no match", not "nothing assigned"). */
export const isFiltered = (view: WorklistView) =>
  view.q.trim() !== '' || view.status !== null || view.unitGroup !== null;

/** The unit's progress in a round. */
export const roundProgressOf = (unit: WorklistUnit, round: 1 | 2) =>
  round === 1 ? unit.round1 : unit.round2;

/** A whole percentage of appraised entries, for the progress bar (rounded down: 99 % is not done). */
export function progressPercent(appraised: number, assigned: number): number {
  if (assigned <= 0) return 0;
  return Math.floor((appraised * 100) / assigned);
}

export interface UnitGap {
  unitCode: string;
  unitName: string;
  missing: number;
}

/** The units whose assigned entries are not all appraised in the round, in the list's order. */
export function roundGaps(units: readonly WorklistUnit[], round: 1 | 2): UnitGap[] {
  return units
    .filter((unit) => unit.lateDecision !== 'scoreZero')
    .map((unit) => ({
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      missing: unit.assigned - roundProgressOf(unit, round).appraised,
    }))
    .filter((gap) => gap.missing > 0);
}
