/** What the "Kết quả" page works out from a draft, its decisions and its publications. */
import type {
  BlockerDecision,
  ConsolidationBlocker,
  ConsolidationRow,
  Locale,
} from '@par/contracts';
import { formatChange as formatSignedChange, formatPercent } from '@par/scoring';

/** An index (hundredths of a percent) for people; a dash when the set is worth 0 points. */
export function formatIndex(index: number | null, locale: Locale): string {
  return index === null ? '—' : formatPercent(index, locale);
}

/** The change against last year in percentage points, signed: `+1,25`, `-0,5`, `0`; a dash without one. */
export function formatChange(change: number | null, locale: Locale): string {
  return change === null ? '—' : formatSignedChange(change, locale);
}

/** The unit groups of a draft's rows, in the order the rows come (by group, then rank). */
export function unitGroupsOf(rows: readonly ConsolidationRow[]): string[] {
  return [...new Set(rows.map((row) => row.unitGroup))];
}

/**
 * The blockers of the latest draft that still wait for a decision: a decision taken since the
 * draft was made counts at once (it applies from the next consolidation), and an `exclude`
 * covers every blocker of its unit.
 */
export function pendingBlockers(
  blockers: readonly ConsolidationBlocker[],
  decisions: readonly BlockerDecision[],
): ConsolidationBlocker[] {
  const decided = new Set(decisions.map((d) => `${d.unitCode}/${d.kind}`));
  const excluded = new Set(
    decisions.filter((d) => d.decision === 'exclude').map((d) => d.unitCode),
  );
  return blockers.filter(
    (b) => !excluded.has(b.unitCode) && !decided.has(`${b.unitCode}/${b.kind}`),
  );
}

/** Decisions taken after the draft was made: the draft must be consolidated again to apply them. */
export function decisionsSinceDraft(
  draftDecisionsVersion: number,
  decisionsVersion: number,
): boolean {
  return decisionsVersion > draftDecisionsVersion;
}

export interface IndexBar {
  unitCode: string;
  unitName: string;
  rank: number | null;
  index: number;
  /** The bar's length, in percent of the full width (100 % = an index of 100 %). */
  width: number;
}

/** One group's ranked units as bars, best first; units without an index are left out. */
export function indexBars(rows: readonly ConsolidationRow[], unitGroup: string): IndexBar[] {
  return rows
    .filter((row) => row.unitGroup === unitGroup && row.index !== null)
    .map((row) => ({
      unitCode: row.unitCode,
      unitName: row.unitName,
      rank: row.rank,
      index: row.index!,
      width: Math.min(100, Math.max(0, row.index! / 100)),
    }));
}
