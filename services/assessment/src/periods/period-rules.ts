/**
 * The rules a period follows, free of I/O: phase order and times, a valid set for every
 * participating group, deadline extensions, when the next phase is due, and progress figures.
 */
import {
  comparePhases,
  deadlineFor,
  formatVietnamDateTime,
  periodPhases,
  type CriteriaSetSummary,
  type ExtendablePhase,
  type Locale,
  type MessageKey,
  type PeriodPhase,
  type ProgressStatus,
} from '@par/contracts';
import type { CompletenessCounts } from '@par/scoring';

/** One problem, naming the field (`phases.2.startsAt`) and the catalogue message. */
export interface RuleIssue {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface PhaseTimesValue {
  phase: PeriodPhase;
  startsAt: string;
  endsAt: string | null;
}

const phaseLabels: Record<PeriodPhase, Record<Locale, string>> = {
  setup: { vi: 'Chuẩn bị', en: 'Set-up' },
  trial: { vi: 'Chạy thử', en: 'Trial' },
  selfAssessment: { vi: 'Tự đánh giá', en: 'Self-assessment' },
  appraisalRound1: { vi: 'Thẩm định vòng 1', en: 'Appraisal round 1' },
  clarification: { vi: 'Giải trình', en: 'Clarification' },
  appraisalRound2: { vi: 'Thẩm định vòng 2', en: 'Appraisal round 2' },
  consolidation: { vi: 'Tổng hợp', en: 'Consolidation' },
  published: { vi: 'Công bố', en: 'Published' },
};

export function phaseLabel(phase: PeriodPhase, locale: Locale = 'vi'): string {
  return phaseLabels[phase][locale];
}

/** A UTC moment as people in Vietnam read it: `01/03/2026 08:00` (the one formatter, in contracts). */
export const formatVietnamTime = formatVietnamDateTime;

const optionalPhases: readonly PeriodPhase[] = ['trial'];

/**
 * Every phase but `trial` is present once; each ends after it starts (only `published` may be
 * open-ended); each starts no earlier than the one before ends. Fields name the input's rows.
 */
export function checkPhases(
  phases: readonly PhaseTimesValue[],
  locale: Locale = 'vi',
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const rowOf = new Map<PeriodPhase, number>();
  phases.forEach((p, row) => {
    if (rowOf.has(p.phase)) {
      issues.push({
        field: `phases.${row}.phase`,
        key: 'period.phase.duplicate',
        params: { phase: phaseLabel(p.phase, locale) },
      });
    } else rowOf.set(p.phase, row);
  });
  for (const phase of periodPhases) {
    if (!rowOf.has(phase) && !optionalPhases.includes(phase)) {
      issues.push({
        field: 'phases',
        key: 'period.phase.missing',
        params: { phase: phaseLabel(phase, locale) },
      });
    }
  }
  phases.forEach((p, row) => {
    if (p.endsAt === null) {
      if (p.phase !== 'published') {
        issues.push({
          field: `phases.${row}.endsAt`,
          key: 'period.phase.endRequired',
          params: { phase: phaseLabel(p.phase, locale) },
        });
      }
    } else if (Date.parse(p.endsAt) <= Date.parse(p.startsAt)) {
      issues.push({
        field: `phases.${row}.endsAt`,
        key: 'period.phase.endBeforeStart',
        params: {
          phase: phaseLabel(p.phase, locale),
          start: formatVietnamTime(p.startsAt),
          end: formatVietnamTime(p.endsAt),
        },
      });
    }
  });
  const present = [...rowOf.entries()].sort(([a], [b]) => comparePhases(a, b));
  for (let i = 1; i < present.length; i++) {
    const previous = phases[present[i - 1]![1]]!;
    const [, row] = present[i]!;
    const current = phases[row]!;
    const previousEnd = previous.endsAt ?? previous.startsAt;
    if (Date.parse(current.startsAt) < Date.parse(previousEnd)) {
      issues.push({
        field: `phases.${row}.startsAt`,
        key: 'period.phase.overlap',
        params: {
          phase: phaseLabel(current.phase, locale),
          start: formatVietnamTime(current.startsAt),
          previous: phaseLabel(previous.phase, locale),
          end: formatVietnamTime(previousEnd),
        },
      });
    }
  }
  return issues;
}

/** The phases in the order they happen, whatever order the admin listed them in. */
export function sortPhases<P extends { phase: PeriodPhase }>(phases: readonly P[]): P[] {
  return [...phases].sort((a, b) => comparePhases(a.phase, b.phase));
}

export interface SetChoice {
  unitGroup: string;
  criteriaSetId: string | null;
}

/**
 * Each chosen set exists, is valid, and belongs to the period's index, year and the group it is
 * chosen for; each group is chosen once; every participating unit's group has a set.
 */
export function checkCriteriaSets(
  period: { indexCode: string; year: number },
  choices: readonly SetChoice[],
  summaries: readonly CriteriaSetSummary[],
  units: readonly { code: string; unitGroup: string }[],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const seen = new Set<string>();
  choices.forEach((choice, row) => {
    const field = `criteriaSets.${row}`;
    if (seen.has(choice.unitGroup)) {
      issues.push({
        field: `${field}.unitGroup`,
        key: 'period.criteriaSet.duplicateGroup',
        params: { group: choice.unitGroup },
      });
      return;
    }
    seen.add(choice.unitGroup);
    if (!choice.criteriaSetId) {
      const unit = units.find((u) => u.unitGroup === choice.unitGroup);
      issues.push({
        field: `${field}.criteriaSetId`,
        key: 'period.criteriaSet.missingForGroup',
        params: { group: choice.unitGroup, unit: unit?.code ?? '—' },
      });
      return;
    }
    const set = byId.get(choice.criteriaSetId);
    if (!set) {
      issues.push({
        field: `${field}.criteriaSetId`,
        key: 'period.criteriaSet.notFound',
        params: { group: choice.unitGroup },
      });
    } else if (set.indexCode !== period.indexCode || set.year !== period.year) {
      issues.push({
        field: `${field}.criteriaSetId`,
        key: 'period.criteriaSet.wrongIndex',
        params: {
          name: set.name,
          setIndex: set.indexCode,
          setYear: set.year,
          index: period.indexCode,
          year: period.year,
        },
      });
    } else if (set.unitGroup !== choice.unitGroup) {
      issues.push({
        field: `${field}.criteriaSetId`,
        key: 'period.criteriaSet.wrongGroup',
        params: { name: set.name, setGroup: set.unitGroup, group: choice.unitGroup },
      });
    } else if (!set.valid) {
      issues.push({
        field: `${field}.criteriaSetId`,
        key: 'period.criteriaSet.invalid',
        params: { name: set.name },
      });
    }
  });
  const reported = new Set<string>();
  for (const unit of units) {
    if (!seen.has(unit.unitGroup) && !reported.has(unit.unitGroup)) {
      reported.add(unit.unitGroup);
      issues.push({
        field: 'criteriaSets',
        key: 'period.criteriaSet.missingForGroup',
        params: { group: unit.unitGroup, unit: unit.code },
      });
    }
  }
  return issues;
}

/**
 * Picks the participating units: every unit of the chosen groups, or the codes asked for, each
 * of which must be a unit of those groups.
 */
/**
 * What keeps a period in set-up from starting: the participating unit groups (those of its units
 * and of its set choices) with no set, or whose set no longer exists, and the chosen sets that are
 * not valid (a draft can still be edited after it was chosen). Empty lists: it may start.
 */
export function startBlockers(
  period: {
    units: readonly { unitGroup: string }[];
    criteriaSets: readonly { unitGroup: string; criteriaSetId: string | null }[];
  },
  summaries: readonly CriteriaSetSummary[],
): { missingGroups: string[]; invalidSets: string[] } {
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const groups = [
    ...new Set([
      ...period.units.map((u) => u.unitGroup),
      ...period.criteriaSets.map((c) => c.unitGroup),
    ]),
  ].sort();
  const missingGroups: string[] = [];
  const invalidSets: string[] = [];
  for (const group of groups) {
    const choice = period.criteriaSets.find((c) => c.unitGroup === group);
    const set = choice?.criteriaSetId ? byId.get(choice.criteriaSetId) : undefined;
    if (!set) missingGroups.push(group);
    else if (!set.valid) invalidSets.push(set.name);
  }
  return { missingGroups, invalidSets };
}

export function chooseUnits<U extends { code: string; unitGroup: string | null }>(
  groupUnits: readonly U[],
  groups: readonly string[],
  codes: readonly string[],
): { units: U[]; issues: RuleIssue[] } {
  const inGroups = groupUnits.filter((u) => u.unitGroup !== null && groups.includes(u.unitGroup));
  if (codes.length === 0) {
    return inGroups.length === 0
      ? { units: [], issues: [{ field: 'criteriaSets', key: 'period.units.empty' }] }
      : { units: inGroups, issues: [] };
  }
  const byCode = new Map(inGroups.map((u) => [u.code, u]));
  const units: U[] = [];
  const issues: RuleIssue[] = [];
  [...new Set(codes)].forEach((code, row) => {
    const unit = byCode.get(code);
    if (unit) units.push(unit);
    else issues.push({ field: `unitCodes.${row}`, key: 'period.unit.notFound', params: { code } });
  });
  return { units, issues };
}

/** The phase after the current one, or null in the last. */
export function nextPhaseOf(
  phases: readonly { phase: PeriodPhase }[],
  current: PeriodPhase,
): PeriodPhase | null {
  const sorted = sortPhases(phases);
  const index = sorted.findIndex((p) => p.phase === current);
  return sorted[index + 1]?.phase ?? null;
}

/** The phase whose start has come, if the period should move on now (one step at a time). */
export function duePhase(
  phases: readonly { phase: PeriodPhase; startsAt: Date | string }[],
  current: PeriodPhase,
  now: Date,
): PeriodPhase | null {
  const next = nextPhaseOf(phases, current);
  if (!next) return null;
  const startsAt = phases.find((p) => p.phase === next)!.startsAt;
  return new Date(startsAt).getTime() <= now.getTime() ? next : null;
}

/**
 * Phase times after the admin moves on by hand: the current phase ends now and the next starts
 * now, so the record shows what happened and the scheduler does not move it again.
 */
export function phasesAfterManualAdvance<
  P extends { phase: PeriodPhase; startsAt: Date; endsAt: Date | null },
>(phases: readonly P[], current: PeriodPhase, next: PeriodPhase, now: Date): P[] {
  return phases.map((p) => {
    // An end already past stays: moving on by hand must never give units more time.
    if (p.phase === current && (p.endsAt === null || p.endsAt > now)) return { ...p, endsAt: now };
    // A next phase already due (the clock was behind) keeps its planned start.
    if (p.phase === next && p.startsAt > now) return { ...p, startsAt: now };
    return p;
  });
}

/** When the period's work is over: results are published then. */
export function periodEnd(phases: readonly PhaseTimesValue[]): string {
  const published = phases.find((p) => p.phase === 'published');
  if (published) return published.startsAt;
  const last = sortPhases(phases).at(-1)!;
  return last.endsAt ?? last.startsAt;
}

/**
 * A unit's later deadline: for a phase the period has, after that phase's common end, and no
 * later than the period's end.
 */
export function checkExtension(
  period: { phases: readonly PhaseTimesValue[]; units: readonly { code: string }[] },
  extension: { unitCode: string; phase: ExtendablePhase; endsAt: string },
  locale: Locale = 'vi',
): RuleIssue[] {
  if (!period.units.some((u) => u.code === extension.unitCode)) {
    return [
      {
        field: 'unitCode',
        key: 'extension.unit.notParticipating',
        params: { code: extension.unitCode },
      },
    ];
  }
  const deadline = deadlineFor(
    { phases: period.phases, extensions: [] },
    extension.unitCode,
    extension.phase,
  );
  if (!deadline) {
    return [
      {
        field: 'phase',
        key: 'extension.phase.notInPeriod',
        params: { phase: phaseLabel(extension.phase, locale) },
      },
    ];
  }
  const endsAt = Date.parse(extension.endsAt);
  if (endsAt <= Date.parse(deadline.commonEndsAt)) {
    return [
      {
        field: 'endsAt',
        key: 'extension.notAfterDeadline',
        params: {
          endsAt: formatVietnamTime(extension.endsAt),
          phase: phaseLabel(extension.phase, locale),
          deadline: formatVietnamTime(deadline.commonEndsAt),
        },
      },
    ];
  }
  const end = periodEnd(period.phases);
  if (endsAt > Date.parse(end)) {
    return [
      {
        field: 'endsAt',
        key: 'extension.outsidePeriod',
        params: { endsAt: formatVietnamTime(extension.endsAt), periodEnd: formatVietnamTime(end) },
      },
    ];
  }
  return [];
}

export interface ProgressFigures {
  completedCount: number;
  evidenceCount: number;
  completedShare: number;
  evidenceShare: number;
  status: ProgressStatus;
}

/** Share in hundredths of a percent, rounded down so that 100 % means every leaf. */
export function shareOf(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(10_000, Math.floor((count * 10_000) / total));
}

/**
 * One unit's figures from its completeness counts (`@par/scoring`'s rule): complete when every
 * leaf it fills is done; not started while it has entered nothing.
 */
export function unitProgress(
  counts: Pick<CompletenessCounts, 'leaves' | 'done' | 'withEvidence'>,
  started: boolean,
  submitted: boolean,
): ProgressFigures {
  const status: ProgressStatus = submitted
    ? 'submitted'
    : !started
      ? 'notStarted'
      : counts.leaves > 0 && counts.done === counts.leaves
        ? 'complete'
        : 'inProgress';
  return {
    completedCount: counts.done,
    evidenceCount: counts.withEvidence,
    completedShare: shareOf(counts.done, counts.leaves),
    evidenceShare: shareOf(counts.withEvidence, counts.leaves),
    status,
  };
}
