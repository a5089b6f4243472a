/**
 * The rules a units sheet must follow before anything is written: each row valid on its own,
 * codes unique in the sheet and new to the database, parents found, no loops. Pure.
 */
import {
  formatMessage,
  UnitCode,
  UnitKind,
  unitKinds,
  type Locale,
  type MessageKey,
  type UnitImportRow,
  type UnitKind as UnitKindValue,
} from '@par/contracts';
import { unitSheetColumns, type SheetRow } from './unit-sheet';

/** A row ready to insert, with its parent as an existing unit id or a code of the same sheet. */
export interface UnitToCreate {
  row: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKindValue;
  unitGroup: string | null;
  parent: { existingId: string } | { sheetCode: string } | null;
}

export interface CheckedSheet {
  rows: UnitImportRow[];
  /** Parents before children; empty unless every row is valid. */
  toCreate: UnitToCreate[];
}

/** What the database already holds, for the codes the sheet mentions: upper-cased code → id. */
export type ExistingCodes = ReadonlyMap<string, string>;

export function checkUnitRows(
  sheetRows: SheetRow[],
  existing: ExistingCodes,
  locale: Locale = 'vi',
): CheckedSheet {
  const columnName = (field: string) => unitSheetColumns.find((c) => c.field === field)!.header;
  const issues = new Map<
    number,
    Array<{ field: string; key: MessageKey; params?: Record<string, string | number> }>
  >();
  const add = (
    row: number,
    field: string,
    key: MessageKey,
    params?: Record<string, string | number>,
  ) => {
    const list = issues.get(row) ?? [];
    if (!list.some((i) => i.field === field)) list.push({ field, key, params });
    issues.set(row, list);
  };

  const candidates = new Map<number, UnitToCreate>();
  const firstRowOfCode = new Map<string, number>();
  for (const { row, values } of sheetRows) {
    for (const column of unitSheetColumns) {
      if (column.required && !values[column.field]) {
        add(row, column.field, 'unitImport.cell.required', { column: columnName(column.field) });
      }
    }
    let code: string | null = null;
    if (values.code) {
      const parsed = UnitCode.safeParse(values.code);
      if (parsed.success) code = parsed.data;
      else add(row, 'code', 'unit.code.format');
    }
    if (values.name && (values.name.length < 2 || values.name.length > 200)) {
      add(row, 'name', 'unit.name.length');
    }
    let kind: UnitKindValue | null = null;
    if (values.kind) {
      const parsed = UnitKind.safeParse(values.kind.toLowerCase());
      if (parsed.success) kind = parsed.data;
      else
        add(row, 'kind', 'unitImport.kind.invalid', {
          kind: values.kind,
          kinds: unitKinds.join(', '),
        });
    }
    if (values.shortName && values.shortName.length > 50) {
      add(row, 'shortName', 'unitImport.cell.tooLong', {
        column: columnName('shortName'),
        max: 50,
      });
    }
    if (values.unitGroup && values.unitGroup.length > 64) {
      add(row, 'unitGroup', 'unitImport.cell.tooLong', {
        column: columnName('unitGroup'),
        max: 64,
      });
    }
    if (code) {
      const earlier = firstRowOfCode.get(code);
      if (earlier !== undefined) {
        add(row, 'code', 'unitImport.code.duplicate', { code, otherRow: earlier });
        add(earlier, 'code', 'unitImport.code.duplicate', { code, otherRow: row });
      } else {
        firstRowOfCode.set(code, row);
        if (existing.has(code)) add(row, 'code', 'unitImport.code.exists', { code });
      }
    }
    if (code && values.name && kind) {
      candidates.set(row, {
        row,
        code,
        name: values.name,
        shortName: values.shortName,
        kind,
        unitGroup: values.unitGroup,
        parent: null,
      });
    }
  }

  // Parents: an existing unit, or a row of this sheet (then checked for loops below).
  const parentCodeOf = new Map<string, string>();
  for (const { row, values } of sheetRows) {
    if (!values.parentCode) continue;
    const parentCode = values.parentCode.toUpperCase();
    const candidate = candidates.get(row);
    if (firstRowOfCode.has(parentCode)) {
      if (candidate) {
        candidate.parent = { sheetCode: parentCode };
        parentCodeOf.set(candidate.code, parentCode);
      }
    } else if (existing.has(parentCode)) {
      if (candidate) candidate.parent = { existingId: existing.get(parentCode)! };
    } else {
      add(row, 'parentCode', 'unitImport.parent.notFound', { parentCode: values.parentCode });
    }
  }
  for (const [code, row] of firstRowOfCode) {
    const path = loopFrom(code, parentCodeOf);
    if (path) add(row, 'parentCode', 'unitImport.parent.cycle', { path: path.join(' → ') });
  }

  const rows: UnitImportRow[] = sheetRows.map(({ row, values, cleaned }) => ({
    row,
    values,
    cleaned,
    errors: (issues.get(row) ?? []).map((issue) => ({
      field: issue.field,
      message: formatMessage(
        'unitImport.row',
        { row, message: formatMessage(issue.key, issue.params, locale) },
        locale,
      ),
    })),
  }));
  const valid = rows.every((r) => r.errors.length === 0);
  return { rows, toCreate: valid ? parentsFirst([...candidates.values()]) : [] };
}

/** The loop `code` sits on, as codes from `code` back to it, or null if its ancestry ends. */
function loopFrom(code: string, parentCodeOf: Map<string, string>): string[] | null {
  const path = [code];
  const seen = new Set(path);
  let current = parentCodeOf.get(code);
  while (current !== undefined) {
    if (current === code) return [...path, code];
    if (seen.has(current)) return null; // a loop above us, reported on its own rows
    path.push(current);
    seen.add(current);
    current = parentCodeOf.get(current);
  }
  return null;
}

function parentsFirst(units: UnitToCreate[]): UnitToCreate[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const depth = new Map<string, number>();
  const depthOf = (unit: UnitToCreate): number => {
    const known = depth.get(unit.code);
    if (known !== undefined) return known;
    const parent =
      unit.parent && 'sheetCode' in unit.parent ? byCode.get(unit.parent.sheetCode) : undefined;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(unit.code, d);
    return d;
  };
  return units
    .map((unit) => ({ unit, d: depthOf(unit) }))
    .sort((a, b) => a.d - b.d || a.unit.row - b.unit.row)
    .map(({ unit }) => unit);
}
