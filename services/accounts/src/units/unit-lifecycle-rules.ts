/**
 * The rules of a unit's life over the years, without I/O: which year a unit is active in, the
 * name and parent it had in a year, loops in the tree, and what a merge or split may not do.
 */
import { yearInVietnam, type MessageKey, type UnitName } from '@par/contracts';

/** The years a unit is active; null ends are open. */
export interface ActiveYears {
  activeFrom: number | null;
  activeTo: number | null;
}

/** A parent from a year on, like a name: the last entry is the parent now. */
export interface UnitParentEntry {
  fromYear: number | null;
  parentId: string | null;
}

/** A refusal found before anything is written, naming the field at fault. */
export interface RuleViolation {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The calendar year in Viet Nam, which is what "this year" means to the province. */
export function currentYear(now: Date = new Date()): number {
  return yearInVietnam(now);
}

export function isActiveIn(unit: ActiveYears, year: number): boolean {
  return (
    (unit.activeFrom === null || unit.activeFrom <= year) &&
    (unit.activeTo === null || unit.activeTo >= year)
  );
}

/**
 * The entry that holds in `year`: the last one starting at or before it. A year before every
 * entry gets the first one, so a unit always has a name even before its history begins.
 */
export function entryIn<E extends { fromYear: number | null }>(
  entries: readonly E[],
  year: number,
): E {
  let found = entries[0]!;
  for (const entry of entries) {
    if (entry.fromYear === null || entry.fromYear <= year) found = entry;
  }
  return found;
}

export function nameIn(names: readonly UnitName[], year: number): UnitName {
  return entryIn(names, year);
}

/**
 * Adds a dated entry (a new name or parent from `year`): an entry of the same year is replaced,
 * later entries are refused by returning null, since they would silently reorder history.
 */
export function withEntryFrom<E extends { fromYear: number | null }>(
  entries: readonly E[],
  entry: E & { fromYear: number },
): E[] | null {
  const last = entries[entries.length - 1];
  if (!last) return [entry];
  if (last.fromYear !== null && entry.fromYear < last.fromYear) return null;
  if (last.fromYear === entry.fromYear) return [...entries.slice(0, -1), entry];
  return [...entries, entry];
}

/**
 * The loop that making `parentId` the parent of `unitId` would close, as the ids from the
 * new parent up to the unit; null when there is none. `parentOf` gives each unit's parent now.
 */
export function parentCycle(
  unitId: string,
  parentId: string | null,
  parentOf: ReadonlyMap<string, string | null>,
): string[] | null {
  if (parentId === null) return null;
  const path: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = parentId;
  while (current) {
    path.push(current);
    if (current === unitId) return path;
    // An older loop above us is not ours to report, and must not hang the walk.
    if (seen.has(current)) return null;
    seen.add(current);
    current = parentOf.get(current);
  }
  return null;
}

/** What the rules need to know about a unit taking part in a merge or split. */
export interface UnitInChange extends ActiveYears {
  id: string;
  code: string;
}

/**
 * Why `unit` cannot end so that `year` is its first inactive year: the year is not after its
 * first year, or it is already inactive by then. Field names the caller's field.
 */
export function endingViolation(
  unit: UnitInChange,
  year: number,
  field: string,
): RuleViolation | null {
  if (unit.activeFrom !== null && year <= unit.activeFrom) {
    return {
      field,
      key: 'unit.year.beforeActiveFrom',
      params: { code: unit.code, activeFrom: unit.activeFrom, year, min: unit.activeFrom + 1 },
    };
  }
  if (unit.activeTo !== null && unit.activeTo < year) {
    return {
      field,
      key: 'unit.inactive',
      params: { code: unit.code, since: unit.activeTo + 1, year },
    };
  }
  return null;
}

/**
 * The checks of a merge that need no database beyond the units themselves: at least one
 * source (two for a new unit), no unit twice, not into itself, and every source still active
 * in the merge year and started before it. `target` is null for a merge into a new unit.
 */
export function mergeViolations(
  sources: readonly UnitInChange[],
  target: UnitInChange | null,
  year: number,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (target === null && sources.length < 2) {
    violations.push({ field: 'sources', key: 'unit.merge.tooFew' });
  }
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    const field = `sources.${index}.id`;
    if (target && source.id === target.id) {
      violations.push({ field, key: 'unit.merge.self', params: { code: source.code } });
      return;
    }
    if (seen.has(source.id)) {
      violations.push({ field, key: 'unit.merge.duplicate', params: { code: source.code } });
      return;
    }
    seen.add(source.id);
    const ending = endingViolation(source, year, field);
    if (ending) violations.push(ending);
  });
  if (target && !isActiveIn(target, year)) {
    violations.push(
      target.activeFrom !== null && target.activeFrom > year
        ? {
            field: 'into.id',
            key: 'unit.year.beforeActiveFrom',
            params: {
              code: target.code,
              activeFrom: target.activeFrom,
              year,
              min: target.activeFrom,
            },
          }
        : {
            field: 'into.id',
            key: 'unit.inactive',
            params: { code: target.code, since: (target.activeTo ?? year) + 1, year },
          },
    );
  }
  return violations;
}

/** New codes must differ from each other; the database's unique index settles the rest. */
export function duplicateCodeViolations(
  codes: readonly string[],
  fieldOf: (index: number) => string,
): RuleViolation[] {
  const first = new Map<string, number>();
  const violations: RuleViolation[] = [];
  codes.forEach((code, index) => {
    if (first.has(code)) {
      violations.push({ field: fieldOf(index), key: 'unit.code.duplicate', params: { code } });
    } else first.set(code, index);
  });
  return violations;
}

/** Children named for a message: "X01 Xã A, X02 Xã B" and how many more beyond ten. */
export function listForMessage(units: ReadonlyArray<{ code: string; name: string }>): string {
  const shown = units.slice(0, 10).map((u) => `${u.code} ${u.name}`);
  return units.length > 10 ? `${shown.join(', ')} (+${units.length - 10})` : shown.join(', ');
}
