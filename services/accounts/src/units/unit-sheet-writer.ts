/**
 * Writing units as a sheet in the import format (Vietnamese headers, parents before children),
 * so that an export imports back into an empty database unchanged. Pure.
 */
import type { Unit } from '@par/contracts';
import { writeSheetCsv, writeSheetXlsx } from '@par/sheets';
import { unitSheetColumns } from './unit-sheet';

type SheetValues = Record<(typeof unitSheetColumns)[number]['field'], string>;

/** Rows in the import format; a unit whose parent is missing is written without one. */
export function unitsToSheetValues(units: Unit[]): SheetValues[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const depth = new Map<string, number>();
  const depthOf = (unit: Unit, seen = new Set<string>()): number => {
    const known = depth.get(unit.id);
    if (known !== undefined) return known;
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    seen.add(unit.id);
    const d = parent && !seen.has(parent.id) ? depthOf(parent, seen) + 1 : 0;
    depth.set(unit.id, d);
    return d;
  };
  return [...units]
    .sort((a, b) => depthOf(a) - depthOf(b) || a.code.localeCompare(b.code))
    .map((unit) => ({
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentCode: (unit.parentId && byId.get(unit.parentId)?.code) || '',
      unitGroup: unit.unitGroup ?? '',
      shortName: unit.shortName ?? '',
    }));
}

/** CSV, UTF-8 with a BOM (so Excel reads the diacritics), comma-separated, CRLF. */
export function writeUnitsCsv(units: Unit[]): Buffer {
  return writeSheetCsv(unitSheetColumns, unitsToSheetValues(units));
}

export async function writeUnitsXlsx(units: Unit[]): Promise<Buffer> {
  return writeSheetXlsx(unitSheetColumns, unitsToSheetValues(units), {
    sheetName: 'Đơn vị',
    width: () => 24,
  });
}
