/**
 * The period form's shape ⇄ the createPeriod contract, and the board's formats: times are typed
 * and shown as Vietnam wall-clock time (UTC+7, no daylight saving) and travel in UTC;
 * percentages are hundredths of a percent shown the vi-VN way (`87,5 %`).
 */
import { formatVietnamDateTime, periodPhases } from '@par/contracts';
import type { CreatePeriodParams, Period, PeriodPhase } from '@par/contracts';
import { formatPercent } from '@par/scoring';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** `2026-03-01T01:00:00.000Z` → `2026-03-01T08:00`, the value of a datetime-local input. */
export function toVietnamInput(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** `2026-03-01T01:00:00.000Z` → `01/03/2026 08:00`; nothing → `—`. */
export function formatVietnamTime(iso: string | null): string {
  return iso ? formatVietnamDateTime(iso) : '—';
}

/** Hundredths of a percent → `87,5 %` (vi-VN decimal comma), by the scoring kernel. */
export function formatShare(basisPoints: number): string {
  return formatPercent(basisPoints, 'vi');
}

export interface GroupChoice {
  unitGroup: string;
  included: boolean;
  criteriaSetId: string | null;
}

export interface PhaseRow {
  phase: PeriodPhase;
  /** Vietnam wall-clock `YYYY-MM-DDTHH:mm`; empty = not given. */
  startsAt: string;
  endsAt: string;
}

export interface PeriodFormValues {
  indexCode: string;
  year: string;
  name: string;
  groups: GroupChoice[];
  /** Empty = every unit of the included groups. */
  unitCodes: string[];
  withTrial: boolean;
  phases: PhaseRow[];
}

export function emptyPeriodForm(groups: readonly string[], year: number): PeriodFormValues {
  return {
    indexCode: 'PAR',
    year: String(year),
    name: '',
    // A group takes part once the admin picks its set (or ticks it, to be told it lacks one).
    groups: groups.map((unitGroup) => ({ unitGroup, included: false, criteriaSetId: null })),
    unitCodes: [],
    withTrial: false,
    phases: periodPhases.map((phase) => ({ phase, startsAt: '', endsAt: '' })),
  };
}

/**
 * The form of a stored period. Its units come back as "all of the groups" (an empty choice)
 * when they are exactly the groups' units today, so the admin sees what they chose.
 */
export function periodToForm(
  period: Period,
  units: readonly { code: string; unitGroup: string | null }[],
): PeriodFormValues {
  const chosen = new Map(period.criteriaSets.map((c) => [c.unitGroup, c.criteriaSetId]));
  const groups = units.flatMap((u) => (u.unitGroup ? [u.unitGroup] : []));
  const allGroups = [...new Set([...groups, ...chosen.keys()])].sort();
  const ofGroups = units.filter((u) => u.unitGroup !== null && chosen.has(u.unitGroup));
  const allOfGroups =
    ofGroups.length === period.units.length &&
    ofGroups.every((u) => period.units.some((p) => p.code === u.code));
  return {
    indexCode: period.indexCode,
    year: String(period.year),
    name: period.name,
    groups: allGroups.map((unitGroup) => ({
      unitGroup,
      included: chosen.has(unitGroup),
      criteriaSetId: chosen.get(unitGroup) ?? null,
    })),
    unitCodes: allOfGroups ? [] : period.units.map((u) => u.code),
    withTrial: period.phases.some((p) => p.phase === 'trial'),
    phases: periodPhases.map((phase) => {
      const found = period.phases.find((p) => p.phase === phase);
      return {
        phase,
        startsAt: toVietnamInput(found?.startsAt ?? null),
        endsAt: toVietnamInput(found?.endsAt ?? null),
      };
    }),
  };
}

/** The params, and where each API row sits in the form (for putting server errors back). */
export function toPeriodParams(values: PeriodFormValues): {
  params: CreatePeriodParams;
  toFormField: (apiField: string) => string;
} {
  const groupRows = values.groups.flatMap((g, row) => (g.included ? [row] : []));
  const phaseRows = values.phases.flatMap((p, row) =>
    p.phase !== 'trial' || values.withTrial ? [row] : [],
  );
  const params: CreatePeriodParams = {
    indexCode: values.indexCode.trim(),
    year: Number(values.year),
    name: values.name.trim(),
    criteriaSets: groupRows.map((row) => ({
      unitGroup: values.groups[row]!.unitGroup,
      criteriaSetId: values.groups[row]!.criteriaSetId,
    })),
    unitCodes: values.unitCodes,
    phases: phaseRows.map((row) => {
      const p = values.phases[row]!;
      return { phase: p.phase, startsAt: p.startsAt, endsAt: p.endsAt || null };
    }),
  };
  const toFormField = (apiField: string) => {
    const [list, index, ...rest] = apiField.split('.');
    const rows = list === 'criteriaSets' ? groupRows : list === 'phases' ? phaseRows : null;
    if (!rows || index === undefined) return apiField;
    const row = rows[Number(index)];
    if (row === undefined) return apiField;
    return [list === 'criteriaSets' ? 'groups' : 'phases', row, ...rest].join('.');
  };
  return { params, toFormField };
}

/** The form fields a server error may name. */
export function periodFormFields(values: PeriodFormValues): string[] {
  return [
    'indexCode',
    'year',
    'name',
    'unitCodes',
    ...values.groups.flatMap((_, i) => [`groups.${i}.criteriaSetId`, `groups.${i}.unitGroup`]),
    ...values.phases.flatMap((_, i) => [
      `phases.${i}.startsAt`,
      `phases.${i}.endsAt`,
      `phases.${i}.phase`,
    ]),
  ];
}

/** What the form needs of a set to tell which earlier edition to compare it with. */
export interface SetEdition {
  id: string;
  indexCode: string;
  year: number;
  unitGroup: string;
  edition: number;
}

/**
 * The set a group's chosen set is shown against before it is used: the earlier edition the
 * period had (when an edit moves it to a newer one), else the edition just before the chosen
 * one; null for a first edition, which has nothing to compare with.
 */
export function diffBaseFor<S extends SetEdition>(
  chosenId: string | null,
  storedId: string | null,
  sets: readonly S[],
): S | null {
  const chosen = sets.find((s) => s.id === chosenId);
  if (!chosen) return null;
  const sameLine = (s: S) =>
    s.indexCode === chosen.indexCode && s.year === chosen.year && s.unitGroup === chosen.unitGroup;
  const stored = sets.find((s) => s.id === storedId);
  if (stored && stored.id !== chosen.id && sameLine(stored) && stored.edition < chosen.edition) {
    return stored;
  }
  return sets.find((s) => sameLine(s) && s.edition === chosen.edition - 1) ?? null;
}

/**
 * The groups whose saved set an edit replaces with a newer edition of it: the admin confirms
 * those after seeing what changed, since units will be scored against the new one.
 */
export function newerEditionsChosen<S extends SetEdition>(
  period: Period,
  groups: readonly GroupChoice[],
  sets: readonly S[],
): Array<{ unitGroup: string; base: S; chosen: S }> {
  return groups.flatMap((group) => {
    if (!group.included) return [];
    const storedId =
      period.criteriaSets.find((c) => c.unitGroup === group.unitGroup)?.criteriaSetId ?? null;
    const chosen = sets.find((s) => s.id === group.criteriaSetId);
    const base = diffBaseFor(group.criteriaSetId, storedId, sets);
    return chosen && base && base.id === storedId
      ? [{ unitGroup: group.unitGroup, base, chosen }]
      : [];
  });
}
