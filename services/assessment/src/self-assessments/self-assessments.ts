/**
 * A unit's self-assessment: its periods, its entries (one per leaf, versioned autosave), the
 * write window the evidence service asks about. The unit is always the token's; an admin may
 * name one to read. Submission and withdrawal are in `submission.ts`.
 */
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  deadlineFor,
  formatVietnamDate,
  formatVietnamTime,
  type AuthUser,
  type CriterionNode,
  type Entry,
  type EntryList,
  type ListEntriesParams,
  type Locale,
  type SaveEntryParams,
  type SelfAssessment as SelfAssessmentView,
  type SelfAssessmentState,
  type UnitForAppraisal,
  type UnitDeadline,
  type UnitDeadlineView,
  type UnitPeriod,
  type UnitPeriodList,
  type WriteWindow,
} from '@par/contracts';
import { completeness } from '@par/scoring';
import {
  conflictWith,
  inFlightLimit,
  inFlightLimitFromEnv,
  type InFlightLimitOptions,
  PortalError,
  writeKeyedVersion,
  type InFlightLimit,
} from '@par/service-kit';
import { getCriteriaSetForUnits, type SetForUnits } from '../criteria-sets/criteria-set-store';
import { entryId, type EntryDocument, type EntryStore } from '../models/entry.model';
import { periodModel, type PeriodDocument } from '../models/period.model';
import { linkedSources } from './linked-sources';
import { cachedPeriod } from '../periods/period-cache';
import { selfAssessmentModel, type SelfAssessment } from '../models/self-assessment.model';
import { sortPhases } from '../periods/period-rules';
import { checkEntry, setLeaves, type SetLeaves } from './entry-rules';
import type { CountsByUnit, EvidenceCounter } from './evidence-counts';
import { assertWritable, writeWindow } from './write-window';

export interface SelfAssessmentDeps {
  db: Connection;
  entries: EntryStore;
  evidence: EvidenceCounter;
  /** The bound on this node's saves in flight (`savesLimitFromEnv`). */
  saves: InFlightLimit;
}

/**
 * This node's bound on saves in flight: `PAR_SAVES_CONCURRENCY` (16) at once, `PAR_SAVES_QUEUE`
 * (200) waiting at most `PAR_SAVES_WAIT_MS` (1500) each; past that a save is refused at once with
 * 503 `entry.busy`, which the page retries, instead of burying the database's single writer
 * under saves whose callers have stopped waiting.
 */
export function savesLimitFromEnv(
  observe?: InFlightLimitOptions['observe'],
  env: NodeJS.ProcessEnv = process.env,
): InFlightLimit {
  const numbers = inFlightLimitFromEnv(
    'PAR_SAVES',
    { concurrency: 16, maxQueue: 200, maxWaitMs: 1500 },
    env,
  );
  return inFlightLimit({ ...numbers, observe });
}

/**
 * How far back `at` (the page's next `since`) reaches: a save stamps its time before its write
 * lands, and nodes' clocks differ a little, so a poll repeats the last seconds' saves rather
 * than miss one; the page keeps the higher version.
 */
export const SINCE_MARGIN_MS = 30_000;

/**
 * The unit whose self-assessment the caller reads: the token's; an admin names any (or reads
 * its own); an officer naming another unit is refused, never silently given its own.
 */
export function unitOfCaller(user: AuthUser, named: string | undefined): string {
  if (user.roles.includes('admin')) {
    const unit = named ?? user.unit;
    if (!unit) {
      throw new PortalError('E_VALIDATION', {
        key: 'selfAssessment.unit.name',
        fields: [{ field: 'unitCode', key: 'selfAssessment.unit.name' }],
      });
    }
    return unit;
  }
  if (!user.unit) throw new PortalError('E_FORBIDDEN', { key: 'selfAssessment.unit.none' });
  if (named !== undefined && named !== user.unit.toUpperCase()) {
    throw new PortalError('E_FORBIDDEN', { key: 'selfAssessment.unit.other' });
  }
  return user.unit;
}

/** The unit the caller writes for: the token's, always. */
export function writingUnit(user: AuthUser): string {
  if (!user.unit) throw new PortalError('E_FORBIDDEN', { key: 'selfAssessment.unit.none' });
  return user.unit;
}

/** A period as one of its units meets it: the unit there, its set and the set's leaves. */
export interface UnitInPeriod {
  period: PeriodDocument;
  periodId: string;
  unit: { code: string; name: string; unitGroup: string };
  set: SetForUnits;
  leaves: SetLeaves;
}

const notFound = () => new PortalError('E_NOT_FOUND', { key: 'selfAssessment.period.notFound' });

export async function unitInPeriod(
  db: Connection,
  periodId: string,
  unitCode: string,
  period?: PeriodDocument,
): Promise<UnitInPeriod> {
  if (!period) {
    // Each node keeps the periods it reads (`period-cache.ts`): saves do not read them.
    const found = await cachedPeriod(db, periodId);
    if (!found) throw notFound();
    period = found;
  }
  const unit = period.units.find((u) => u.code === unitCode);
  const setId = unit && period.criteriaSets.find((c) => c.unitGroup === unit.unitGroup);
  const set = setId ? await getCriteriaSetForUnits(db, setId.criteriaSetId) : null;
  if (!unit || !set) throw notFound();
  return {
    period,
    periodId: period._id.toHexString(),
    unit: { code: unit.code, name: unit.name, unitGroup: unit.unitGroup },
    set,
    leaves: leavesOf(set),
  };
}

/** A set's leaves, worked out once per set this node holds (sets in use never change). */
const leavesBySet = new WeakMap<SetForUnits, SetLeaves>();
function leavesOf(set: SetForUnits): SetLeaves {
  let leaves = leavesBySet.get(set);
  if (!leaves) {
    leaves = setLeaves(set.nodes);
    leavesBySet.set(set, leaves);
  }
  return leaves;
}

export async function stateDocument(
  db: Connection,
  periodId: string,
  unitCode: string,
): Promise<SelfAssessment | null> {
  return selfAssessmentModel(db).findOne({ periodId, unitCode }).lean<SelfAssessment>();
}

export function toState(
  doc: SelfAssessment | null,
  periodId: string,
  unitCode: string,
): SelfAssessmentState {
  return {
    periodId,
    unitCode,
    status: doc?.status ?? 'draft',
    submittedAt: doc?.submittedAt?.toISOString() ?? null,
    submittedBy: doc?.submittedBy ?? null,
    appraisalOpenedAt: doc?.appraisalOpenedAt?.toISOString() ?? null,
    version: doc?.version ?? 0,
  };
}

export function toEntry(doc: EntryDocument): Entry {
  return {
    criterionCode: doc.criterionCode,
    inputs: doc.inputs ?? {},
    score: doc.score ?? null,
    percent: doc.percent ?? null,
    explanation: doc.explanation ?? '',
    missingEvidenceExplanation: doc.missingEvidenceExplanation ?? '',
    version: doc.version,
    updatedAt: doc.updatedAt.toISOString(),
    updatedBy: doc.updatedBy ?? null,
  };
}

/** A leaf never saved, as the page starts from it. */
export const blankEntry = (criterionCode: string): Entry => ({
  criterionCode,
  inputs: {},
  score: null,
  percent: null,
  explanation: '',
  missingEvidenceExplanation: '',
  version: 0,
  updatedAt: null,
  updatedBy: null,
});

const deadlineView = (deadline: UnitDeadline | null): UnitDeadlineView | null =>
  deadline && {
    phase: deadline.phase,
    endsAt: deadline.endsAt,
    commonEndsAt: deadline.commonEndsAt,
    extension: deadline.extension,
  };

/** The unit's deadline the page shows: of the phase it writes in, or of clarification. */
function shownDeadline(period: PeriodDocument, unitCode: string, window: UnitDeadline | null) {
  if (window) return window;
  return period.currentPhase === 'clarification'
    ? deadlineFor(period, unitCode, 'clarification')
    : null;
}

/** The unit's entries joined with its evidence counts, as the completeness rule reads them. */
export function completenessOf(
  nodes: readonly CriterionNode[],
  entries: readonly EntryDocument[],
  counts: Map<string, number> | undefined,
) {
  const byCode = new Map(entries.map((e) => [e.criterionCode, e]));
  const codes = new Set([...byCode.keys(), ...(counts?.keys() ?? [])]);
  return completeness(
    nodes,
    [...codes].map((criterionCode) => {
      const e = byCode.get(criterionCode);
      return {
        criterionCode,
        score: e?.score ?? null,
        explanation: e?.explanation ?? '',
        missingEvidenceExplanation: e?.missingEvidenceExplanation ?? '',
        evidenceCount: counts?.get(criterionCode) ?? 0,
      };
    }),
  );
}

function unitPeriodView(
  at: UnitInPeriod,
  state: SelfAssessment | null,
  entries: readonly EntryDocument[],
  counts: CountsByUnit,
  now: Date,
): UnitPeriod {
  const { period, unit } = at;
  const window = writeWindow(period, unit.code, state?.status ?? 'draft', now);
  const total = completenessOf(at.set.nodes, entries, counts.get(unit.code)).total;
  return {
    periodId: at.periodId,
    indexCode: period.indexCode,
    year: period.year,
    name: period.name,
    currentPhase: period.currentPhase,
    phases: sortPhases(period.phases).map((p) => ({
      phase: p.phase,
      startsAt: p.startsAt.toISOString(),
      endsAt: p.endsAt ? p.endsAt.toISOString() : null,
    })),
    deadline: deadlineView(shownDeadline(period, unit.code, window.deadline)),
    status: state?.status ?? 'draft',
    leafCount: total.leaves,
    completedCount: total.done,
  };
}

export async function listUnitPeriods(
  deps: SelfAssessmentDeps,
  unitCode: string,
): Promise<UnitPeriodList> {
  const { db } = deps;
  const periods = await periodModel(db)
    .find({ 'units.code': unitCode })
    .sort({ year: -1, createdAt: -1 })
    .lean<PeriodDocument[]>();
  const now = new Date();
  const items = await Promise.all(
    periods.map(async (period) => {
      const at = await unitInPeriod(db, '', unitCode, period).catch(() => null);
      if (!at) return null; // a group without a set: nothing the unit can fill
      const [state, entries, counts] = await Promise.all([
        stateDocument(db, at.periodId, unitCode),
        deps.entries.unitEntries(at.periodId, unitCode, at.leaves.areaCodes),
        period.currentPhase === 'setup'
          ? new Map()
          : deps.evidence.countsOrNone(at.periodId, unitCode),
      ]);
      return unitPeriodView(at, state, entries, counts, now);
    }),
  );
  return { items: items.filter((item): item is UnitPeriod => item !== null) };
}

export async function getSelfAssessment(
  deps: SelfAssessmentDeps,
  params: { periodId: string },
  unitCode: string,
): Promise<SelfAssessmentView> {
  const { db } = deps;
  const now = new Date();
  const at = await unitInPeriod(db, params.periodId, unitCode);
  const [state, entries, counts, linked] = await Promise.all([
    stateDocument(db, at.periodId, unitCode),
    deps.entries.unitEntries(at.periodId, unitCode, at.leaves.areaCodes),
    deps.evidence.countsOrNone(at.periodId, unitCode),
    linkedSources(deps, at),
  ]);
  const window = writeWindow(at.period, unitCode, state?.status ?? 'draft', now);
  return {
    period: unitPeriodView(at, state, entries, counts, now),
    unit: at.unit,
    criteriaSet: {
      id: at.set.id,
      name: at.set.name,
      totalMax: at.set.totalMax,
      nodes: at.set.nodes.map(({ guidanceForAppraisers: _hidden, ...node }) => node),
    },
    entries: entries.map(toEntry),
    evidenceCounts: Object.fromEntries(counts.get(unitCode) ?? []),
    linkedSources: linked,
    state: toState(state, at.periodId, unitCode),
    readOnly: window.readOnly,
    at: new Date(now.getTime() - SINCE_MARGIN_MS).toISOString(),
  };
}

export async function listEntries(
  deps: SelfAssessmentDeps,
  params: z.output<typeof ListEntriesParams>,
  unitCode: string,
): Promise<EntryList> {
  const now = new Date();
  const at = await unitInPeriod(deps.db, params.periodId, unitCode);
  const [entries, state] = await Promise.all([
    deps.entries.unitEntries(
      at.periodId,
      unitCode,
      at.leaves.areaCodes,
      params.since ? new Date(params.since) : undefined,
    ),
    stateDocument(deps.db, at.periodId, unitCode),
  ]);
  return {
    items: entries.map(toEntry),
    at: new Date(now.getTime() - SINCE_MARGIN_MS).toISOString(),
    state: toState(state, at.periodId, unitCode),
    readOnly: writeWindow(at.period, unitCode, state?.status ?? 'draft', now).readOnly,
  };
}

/**
 * One autosave: the whole entry as the page has it, written only at the version the page read
 * (0: never saved, inserted at 1). A stale version is 409 with the entry as it is now.
 */
export async function saveEntry(
  deps: SelfAssessmentDeps,
  params: z.output<typeof SaveEntryParams>,
  user: AuthUser,
  locale: Locale,
): Promise<Entry> {
  const unitCode = writingUnit(user);
  return deps.saves.run(
    () => writeEntry(deps, params, user, unitCode, locale),
    () =>
      new PortalError('E_UNAVAILABLE', {
        key: 'entry.busy',
        params: { code: params.criterionCode },
      }),
  );
}

/** A save's reads and its one write, once the node has room for it. */
async function writeEntry(
  deps: SelfAssessmentDeps,
  params: z.output<typeof SaveEntryParams>,
  user: AuthUser,
  unitCode: string,
  locale: Locale,
): Promise<Entry> {
  const at = await unitInPeriod(deps.db, params.periodId, unitCode);
  const leaf = at.leaves.leaves.get(params.criterionCode);
  if (!leaf) {
    throw new PortalError('E_VALIDATION', {
      key: 'entry.criterion.notFound',
      params: { code: params.criterionCode },
      fields: [{ field: 'criterionCode', key: 'entry.criterion.notFound' }],
    });
  }
  const state = await stateDocument(deps.db, at.periodId, unitCode);
  if (writeWindow(at.period, unitCode, state?.status ?? 'draft').readOnly === 'submitted')
    throw savedAfterSubmission(state!, params.criterionCode);
  assertWritable(at.period, unitCode, state?.status ?? 'draft', locale);
  const checked = checkEntry(leaf.node, params.inputs, locale);

  const fields = {
    periodId: at.periodId,
    unitCode,
    criterionCode: params.criterionCode,
    inputs: checked.inputs,
    score: checked.score,
    percent: checked.percent,
    explanation: params.explanation,
    missingEvidenceExplanation: params.missingEvidenceExplanation,
    updatedAt: new Date(),
    updatedBy: { id: user.id, username: user.username },
  };
  const collection = deps.entries.collection(at.periodId, unitCode, leaf.areaCode);
  const id = entryId(deps.entries.layout, at.periodId, unitCode, params.criterionCode);
  if (await writeKeyedVersion(collection, id, params.version, fields)) {
    return toEntry({ _id: id, ...fields, version: params.version + 1 });
  }
  const [current, stateNow] = await Promise.all([
    collection.findOne({ _id: id }),
    stateDocument(deps.db, at.periodId, unitCode),
  ]);
  // Read before the submission froze the entries, landing after: the submission counted without it.
  if (stateNow?.status === 'submitted') throw savedAfterSubmission(stateNow, params.criterionCode);
  throw conflictWith(
    {
      key: 'entry.changed',
      params: { code: params.criterionCode, name: current?.updatedBy?.username ?? '—' },
      field: 'version',
    },
    current ? toEntry(current) : blankEntry(params.criterionCode),
  );
}

/** The refusal of a save that reached the server after the approver submitted, naming when and who. */
function savedAfterSubmission(state: SelfAssessment, code: string): PortalError {
  const at = state.submittedAt ?? new Date();
  return new PortalError('E_FORBIDDEN', {
    key: 'entry.afterSubmission',
    params: {
      code,
      name: state.submittedBy?.username ?? '—',
      time: formatVietnamTime(at),
      date: formatVietnamDate(at),
    },
  });
}

/** For the evidence service: may the unit change its files now, and which leaves may they serve. */
export async function getWriteWindow(
  db: Connection,
  params: { periodId: string; unitCode: string },
): Promise<WriteWindow> {
  const at = await unitInPeriod(db, params.periodId, params.unitCode);
  const state = await stateDocument(db, at.periodId, params.unitCode);
  const window = writeWindow(at.period, params.unitCode, state?.status ?? 'draft');
  const leafCodes = [...at.leaves.leaves.values()]
    .filter(({ node }) => node.rule?.type !== 'survey' && node.rule?.type !== 'linked')
    .map(({ node }) => node.code);
  return { readOnly: window.readOnly, deadline: deadlineView(window.deadline), leafCodes };
}

/**
 * A unit's nodes (with the appraisers' guidance), saved entries and submission state, for the
 * appraisal service: it has checked the calling appraiser's assignments and shows only theirs.
 */
export async function getUnitForAppraisal(
  deps: SelfAssessmentDeps,
  params: { periodId: string; unitCode: string },
): Promise<UnitForAppraisal> {
  const at = await unitInPeriod(deps.db, params.periodId, params.unitCode);
  const [state, entries] = await Promise.all([
    stateDocument(deps.db, at.periodId, params.unitCode),
    deps.entries.unitEntries(at.periodId, params.unitCode, at.leaves.areaCodes),
  ]);
  return {
    unit: at.unit,
    criteriaSetId: at.set.id,
    nodes: at.set.nodes,
    entries: entries.map(toEntry),
    state: toState(state, at.periodId, params.unitCode),
  };
}
