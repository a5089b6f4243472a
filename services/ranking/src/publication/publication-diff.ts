/** What changed per unit between two published tables (pure): index, rank, band, in or out. */
import type { ConsolidationRow, PublicationDiff } from '@par/contracts';

type Row = Pick<
  ConsolidationRow,
  'unitCode' | 'unitName' | 'unitGroup' | 'index' | 'rank' | 'band'
>;
type Change = PublicationDiff['units'][number]['changes'][number];

const standing = (row: Row | undefined) =>
  row ? { index: row.index, rank: row.rank, band: row.band } : null;

const byGroupThenCode = (
  x: Pick<Row, 'unitGroup' | 'unitCode'>,
  y: Pick<Row, 'unitGroup' | 'unitCode'>,
) =>
  x.unitGroup !== y.unitGroup
    ? x.unitGroup < y.unitGroup
      ? -1
      : 1
    : x.unitCode < y.unitCode
      ? -1
      : x.unitCode > y.unitCode
        ? 1
        : 0;

/** Every unit of either table, by group then code; `changes` names what differs. */
export function diffTables(
  before: readonly Row[],
  after: readonly Row[],
): Pick<PublicationDiff, 'units' | 'changed'> {
  const old = new Map(before.map((r) => [r.unitCode, r]));
  const now = new Map(after.map((r) => [r.unitCode, r]));
  const codes = [...new Set([...old.keys(), ...now.keys()])];
  const units = codes.map((code) => {
    const a = old.get(code);
    const b = now.get(code);
    const changes: Change[] = [];
    if (!a) changes.push('added');
    else if (!b) changes.push('removed');
    else {
      if (a.index !== b.index) changes.push('index');
      if (a.rank !== b.rank) changes.push('rank');
      if (a.band !== b.band) changes.push('band');
    }
    const row = (b ?? a)!;
    return {
      unitCode: code,
      unitName: row.unitName,
      unitGroup: row.unitGroup,
      before: standing(a),
      after: standing(b),
      changes,
    };
  });
  units.sort(byGroupThenCode);
  return { units, changed: units.filter((u) => u.changes.length > 0).length };
}
