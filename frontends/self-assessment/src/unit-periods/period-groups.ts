/** Sorts the unit's periods into open, upcoming and closed, as its list shows them. */
import type { PeriodPhase, UnitPeriod } from '@par/contracts';

export type PeriodGroup = 'open' | 'upcoming' | 'closed';
export const periodGroups: readonly PeriodGroup[] = ['open', 'upcoming', 'closed'];

/** Phases in which the unit writes (trial, self-assessment, answering clarifications). */
const unitPhases: ReadonlySet<PeriodPhase> = new Set(['trial', 'selfAssessment', 'clarification']);

export function groupOf(period: Pick<UnitPeriod, 'currentPhase'>): PeriodGroup {
  if (unitPhases.has(period.currentPhase)) return 'open';
  return period.currentPhase === 'setup' ? 'upcoming' : 'closed';
}

/** Each group's periods, newest year first, then by name. */
export function groupPeriods(periods: readonly UnitPeriod[]): Record<PeriodGroup, UnitPeriod[]> {
  const groups: Record<PeriodGroup, UnitPeriod[]> = { open: [], upcoming: [], closed: [] };
  for (const period of periods) groups[groupOf(period)].push(period);
  for (const list of Object.values(groups))
    list.sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));
  return groups;
}

/** The start of the unit's self-assessment phase, for "opens at …". */
export function selfAssessmentStart(period: Pick<UnitPeriod, 'phases'>): string | null {
  return period.phases.find((phase) => phase.phase === 'selfAssessment')?.startsAt ?? null;
}
