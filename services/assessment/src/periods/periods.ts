/**
 * Periods in the database: create and change them in set-up, move them to their next phase
 * (by the clock or by hand) exactly once, extend one unit's deadline, and carry out what each
 * move leaves to do (mark sets in use, wipe the trial); the durable event and the audit entries
 * of each change go in the period's outbox, written with the change.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  assessmentEvents,
  deadlineFor,
  formatMessage,
  latestExtensions,
  type CreatePeriodParams,
  type ExtendDeadlineParams,
  type ListPeriodsParams,
  type Locale,
  type Period,
  type PeriodList,
  type PeriodPhase,
  type PeriodPhaseChanged,
} from '@par/contracts';
import {
  outboxEvent,
  PortalError,
  versionConflict,
  versionedDocuments,
  wakeOutboxRelay,
  withOutbox,
} from '@par/service-kit';
import {
  claimCriteriaSets,
  getCriteriaSetSummaries,
  markCriteriaSetsInUse,
} from '../criteria-sets/criteria-set-store';
import { actorId, auditItems, type AuditActor } from '../models/audit-entry.model';
import { entryLayoutFromEnv, entryStore } from '../models/entry.model';
import { periodModel, type PeriodDocument, type PeriodTask } from '../models/period.model';
import { periodChanged } from './period-cache';
import type { Round1Gate } from './round1-gate';
import { selfAssessmentModel } from '../models/self-assessment.model';
import {
  checkCriteriaSets,
  checkExtension,
  checkPhases,
  chooseUnits,
  duePhase,
  nextPhaseOf,
  phasesAfterManualAdvance,
  sortPhases,
  startBlockers,
  type RuleIssue,
} from './period-rules';

type PeriodInput = z.output<typeof CreatePeriodParams>;

/** Units as the accounts service lists them for a year; only those with a group can take part. */
export interface UnitCandidate {
  code: string;
  name: string;
  parentId: string | null;
  unitGroup: string | null;
}

/**
 * Where the units of the chosen groups come from: those active in the period's year, with that
 * year's names and parents (the accounts service, over the bus).
 */
export type UnitSource = (year: number, groups: readonly string[]) => Promise<UnitCandidate[]>;

export function toPeriod(doc: PeriodDocument): Period {
  // Only the latest-made extension per unit and phase counts; earlier ones stay in the audit trail.
  const latest = latestExtensions(doc.extensions);
  return {
    id: doc._id.toHexString(),
    indexCode: doc.indexCode,
    year: doc.year,
    name: doc.name,
    criteriaSets: doc.criteriaSets.map((c) => ({
      unitGroup: c.unitGroup,
      criteriaSetId: c.criteriaSetId,
    })),
    units: doc.units.map((u) => ({
      code: u.code,
      name: u.name,
      // Periods stored before parents were kept read as having none.
      parentId: u.parentId ?? null,
      unitGroup: u.unitGroup,
    })),
    phases: sortPhases(doc.phases).map((p) => ({
      phase: p.phase,
      startsAt: p.startsAt.toISOString(),
      endsAt: p.endsAt ? p.endsAt.toISOString() : null,
    })),
    currentPhase: doc.currentPhase,
    extensions: latest.map((e) => ({
      unitCode: e.unitCode,
      phase: e.phase,
      endsAt: e.endsAt.toISOString(),
      reason: e.reason,
      by: e.by,
      at: e.at.toISOString(),
    })),
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** A 422 naming every field at fault, each message rendered in the caller's language. */
export function validationError(issues: readonly RuleIssue[], locale: Locale): PortalError {
  const first = issues[0]!;
  // Each field's text is rendered here, with its own parameters: the gateway would render a
  // field's key with the first issue's parameters only.
  return new PortalError('E_VALIDATION', {
    key: first.key,
    params: first.params,
    fields: issues.map((issue) => ({
      field: issue.field,
      message: formatMessage(issue.key, issue.params, locale),
    })),
  });
}

/**
 * Periods are changed at the version the admin saw, or by the clock at the version it read;
 * a 409 carries the period as it is now.
 */
const versionedPeriods = versionedDocuments({
  model: periodModel,
  toCurrent: toPeriod,
  stale: () => ({ key: 'period.changed' }),
  notFound: { key: 'period.notFound' },
});

export const findPeriod = (db: Connection, id: string) => versionedPeriods.find(db, id);

/** Checks everything a period is made of; writes nothing. */
async function resolvePeriodInput(
  db: Connection,
  params: PeriodInput,
  units: UnitSource,
  locale: Locale,
) {
  const groups = [...new Set(params.criteriaSets.map((c) => c.unitGroup))];
  const issues: RuleIssue[] = [...checkPhases(params.phases, locale)];
  const chosen = chooseUnits(await units(params.year, groups), groups, params.unitCodes);
  issues.push(...chosen.issues);
  const summaries = await getCriteriaSetSummaries(
    db,
    params.criteriaSets.flatMap((c) => (c.criteriaSetId ? [c.criteriaSetId] : [])),
  );
  const participating = chosen.units.map((u) => ({
    code: u.code,
    name: u.name,
    parentId: u.parentId,
    unitGroup: u.unitGroup!,
  }));
  issues.push(...checkCriteriaSets(params, params.criteriaSets, summaries, participating));
  if (issues.length > 0) throw validationError(issues, locale);
  return {
    indexCode: params.indexCode,
    year: params.year,
    name: params.name,
    // Every choice has a set once the checks pass.
    criteriaSets: params.criteriaSets.map((c) => ({
      unitGroup: c.unitGroup,
      criteriaSetId: c.criteriaSetId!,
    })),
    units: participating,
    phases: sortPhases(params.phases).map((p) => ({
      phase: p.phase,
      startsAt: new Date(p.startsAt),
      endsAt: p.endsAt ? new Date(p.endsAt) : null,
    })),
  };
}

export async function createPeriod(
  db: Connection,
  params: PeriodInput,
  actor: string,
  units: UnitSource,
  locale: Locale,
): Promise<Period> {
  const fields = await resolvePeriodInput(db, params, units, locale);
  const doc = new (periodModel(db))({ ...fields, currentPhase: 'setup', version: 0 });
  const now = new Date();
  const planned = toPeriod({
    ...(doc.toObject() as PeriodDocument),
    createdAt: now,
    updatedAt: now,
  });
  doc.outbox = auditItems(actor, {
    action: 'period.created',
    target: `period:${planned.id}`,
    before: null,
    after: { ...planned, units: planned.units.map((u) => u.code) },
  });
  const created = await doc.save();
  const gone = await claimCriteriaSets(db, chosenSetIds(fields.criteriaSets));
  if (gone.length > 0) {
    // A set was deleted between the checks and the save: the period goes again, audited.
    await versionedPeriods.remove(db, created._id, created.version, {
      outbox: auditItems(actor, {
        action: 'period.creationUndone',
        target: `period:${planned.id}`,
        before: { name: planned.name },
        after: null,
      }),
    });
    throw validationError(setsGoneIssues(fields.criteriaSets, gone), locale);
  }
  await wakeOutboxRelay(db, periodModel(db), created._id);
  return toPeriod(created.toObject() as PeriodDocument);
}

const chosenSetIds = (choices: readonly { criteriaSetId: string }[]) =>
  choices.map((c) => c.criteriaSetId);

/** The 422 of sets deleted while the period choosing them was being written. */
function setsGoneIssues(
  choices: readonly { unitGroup: string; criteriaSetId: string }[],
  gone: readonly string[],
): RuleIssue[] {
  return choices.flatMap((choice, row) =>
    gone.includes(choice.criteriaSetId)
      ? [
          {
            field: `criteriaSets.${row}.criteriaSetId`,
            key: 'period.criteriaSet.notFound' as const,
            params: { group: choice.unitGroup },
          },
        ]
      : [],
  );
}

/** Changes a period while it is in set-up; later its sets and units are fixed. */
export async function updatePeriod(
  db: Connection,
  params: PeriodInput & { id: string; version: number },
  actor: string,
  units: UnitSource,
  locale: Locale,
): Promise<Period> {
  const inSetup = versionedDocuments({
    ...versionedPeriods.policy,
    refuse: (doc: PeriodDocument) =>
      doc.currentPhase === 'setup' ? null : { key: 'period.notInSetup' as const },
  });
  const before = await inSetup.findAt(db, params.id, params.version);
  const fields = await resolvePeriodInput(db, params, units, locale);
  const planned = { ...before, ...fields, version: before.version + 1, updatedAt: new Date() };
  const after = await inSetup.write(
    db,
    before._id,
    before.version,
    { $set: fields },
    {
      where: { currentPhase: 'setup' },
      outbox: auditItems(actor, {
        action: 'period.updated',
        target: `period:${params.id}`,
        before: toPeriod(before),
        after: toPeriod(planned),
      }),
    },
  );
  const gone = await claimCriteriaSets(db, chosenSetIds(fields.criteriaSets));
  if (gone.length > 0) {
    // A set was deleted between the checks and the write: the period's earlier choices come
    // back, unless someone changed it since (their write checked the sets again).
    const restored = {
      indexCode: before.indexCode,
      year: before.year,
      name: before.name,
      criteriaSets: before.criteriaSets,
      units: before.units,
      phases: before.phases,
    };
    await inSetup.tryWrite(
      db,
      after._id,
      after.version,
      { $set: restored },
      {
        where: { currentPhase: 'setup' },
        outbox: auditItems(actor, {
          action: 'period.updateUndone',
          target: `period:${params.id}`,
          before: toPeriod(after),
          after: toPeriod({ ...after, ...restored }),
        }),
      },
    );
    throw validationError(setsGoneIssues(fields.criteriaSets, gone), locale);
  }
  periodChanged(db, after);
  return toPeriod(after);
}

export async function getPeriod(db: Connection, id: string): Promise<Period> {
  return toPeriod(await findPeriod(db, id));
}

export async function listPeriods(
  db: Connection,
  params: z.output<typeof ListPeriodsParams>,
): Promise<PeriodList> {
  const filter = params.year === undefined ? {} : { year: params.year };
  const Periods = periodModel(db);
  const [docs, total] = await Promise.all([
    Periods.find(filter)
      .sort({ year: -1, createdAt: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<PeriodDocument[]>(),
    Periods.countDocuments(filter),
  ]);
  return { items: docs.map(toPeriod), total };
}

/**
 * Moves a period one phase on, if it is still at `doc.version`: the conditional update lets
 * exactly one caller (a scheduler node, or an admin) make a given move, and the move, its event
 * and its follow-ups are one single-document write. Returns null when someone else moved it.
 */
async function movePeriod(
  db: Connection,
  doc: PeriodDocument,
  to: PeriodPhase,
  actor: AuditActor,
  now: Date,
  manual: boolean,
  round1: Round1Gate | undefined,
  locale: Locale = 'vi',
): Promise<PeriodDocument | null> {
  const from = doc.currentPhase;
  if (from === 'setup') await refuseStartWithoutSets(db, doc);
  // Round 1 opens only with every entry covered once and every late unit decided (issue 11);
  // without a way to ask, it does not open unchecked.
  if (to === 'appraisalRound1') {
    if (!round1) throw new PortalError('E_UNAVAILABLE', { key: 'period.round1.unavailable' });
    await round1(doc._id.toHexString(), locale);
  }
  const by = actorId(actor);
  const payload: PeriodPhaseChanged = {
    eventId: randomUUID(),
    periodId: doc._id.toHexString(),
    indexCode: doc.indexCode,
    year: doc.year,
    from,
    to,
    at: now.toISOString(),
    by,
  };
  const tasks: Array<{ task: PeriodTask; at: Date }> = [];
  if (from === 'setup') tasks.push({ task: 'markSetsInUse', at: now });
  if (from === 'trial') tasks.push({ task: 'wipeTrial', at: now });
  const moved = await versionedPeriods.tryWrite(
    db,
    doc._id,
    doc.version,
    {
      $set: {
        currentPhase: to,
        settled: false,
        ...(manual ? { phases: phasesAfterManualAdvance(doc.phases, from, to, now) } : {}),
      },
      $push: {
        transitions: { from, to, at: now, by },
        tasks: { $each: tasks },
      },
    },
    {
      where: { currentPhase: from },
      outbox: [
        outboxEvent(assessmentEvents.periodPhaseChanged.name, payload, payload.eventId),
        ...auditItems(actor, {
          action: 'period.phaseChanged',
          target: `period:${payload.periodId}`,
          before: { currentPhase: from, version: doc.version },
          after: { currentPhase: to, version: doc.version + 1 },
        }),
      ],
    },
  );
  periodChanged(db, moved);
  return moved;
}

/**
 * A period leaves set-up only with an existing, valid set for each participating group: a 409
 * listing the groups (or sets) at fault, for the admin's move and the scheduler's alike (the
 * scheduler then leaves the period in set-up and reports it every pass). The sets cannot be
 * deleted meanwhile: a period that chooses them keeps them (`deleteCriteriaSet`).
 */
async function refuseStartWithoutSets(db: Connection, doc: PeriodDocument): Promise<void> {
  const summaries = await getCriteriaSetSummaries(
    db,
    doc.criteriaSets.map((c) => c.criteriaSetId),
  );
  const { missingGroups, invalidSets } = startBlockers(doc, summaries);
  if (missingGroups.length > 0)
    throw new PortalError('E_CONFLICT', {
      key: 'period.start.missingSets',
      params: { groups: missingGroups.map((g) => `«${g}»`).join(', ') },
    });
  if (invalidSets.length > 0)
    throw new PortalError('E_CONFLICT', {
      key: 'period.start.invalidSets',
      params: { names: invalidSets.map((n) => `«${n}»`).join(', ') },
    });
}

/**
 * The admin's "next phase now". Into round 1 only once the appraisal service says it may start
 * (`round1`): otherwise a 409 naming what blocks, or a 503 when it could not be asked.
 */
export async function advancePeriodPhase(
  db: Connection,
  params: { id: string; version: number },
  actor: string,
  round1: Round1Gate,
  locale: Locale = 'vi',
  now = new Date(),
): Promise<Period> {
  const doc = await versionedPeriods.findAt(db, params.id, params.version);
  const next = nextPhaseOf(doc.phases, doc.currentPhase);
  if (!next) throw new PortalError('E_CONFLICT', { key: 'period.lastPhase' });
  const moved = await movePeriod(db, doc, next, actor, now, true, round1, locale);
  if (!moved) throw await versionedPeriods.conflict(db, doc._id, doc.version);
  // The move is made; if its follow-ups fail now, the scheduler finishes them.
  return toPeriod(await settlePeriod(db, moved, actor).catch(() => moved));
}

/**
 * Removes what units entered before the trial ended (`at`): entries last saved before it
 * (a save replaces a whole entry, so one saved since holds nothing of the trial) and the
 * submissions made in it. A submission whose event or audit entry is not yet relayed is left
 * for the next pass (deleting it would lose them): the task then fails and is retried.
 */
async function wipeTrial(db: Connection, doc: PeriodDocument, at: Date): Promise<void> {
  await entryStore(db, entryLayoutFromEnv()).deleteSavedBefore(doc._id.toHexString(), at);
  const trialSubmissions = { periodId: doc._id, createdAt: { $lt: at } };
  await selfAssessmentModel(db).deleteMany({
    ...trialSubmissions,
    'outbox.0': { $exists: false },
  });
  const pending = await selfAssessmentModel(db).countDocuments(trialSubmissions);
  if (pending > 0) {
    throw new Error(`${pending} trial submission(s) still relaying their events; wiped next pass`);
  }
}

/**
 * Does the tasks moves left, in order, removing each only once it is done, so a crash repeats
 * it (each is idempotent). The moves' events and audit entries are the outbox relay's.
 */
export async function settlePeriod(
  db: Connection,
  doc: PeriodDocument,
  actor: AuditActor,
): Promise<PeriodDocument> {
  const Periods = periodModel(db);
  for (const { task, at } of doc.tasks) {
    if (task === 'markSetsInUse') {
      // Whoever made the move that started the period froze its sets.
      await markCriteriaSetsInUse(
        db,
        doc.criteriaSets.map((c) => c.criteriaSetId),
        doc.transitions.at(-1)?.by ?? actorId(actor),
        doc._id.toHexString(),
      );
    } else if (task === 'wipeTrial') {
      await wipeTrial(db, doc, at);
    }
    // The wipe's audit entry is written with the task's removal, so it is there once.
    const audit =
      task === 'wipeTrial'
        ? auditItems(actor, {
            action: 'period.trialWiped',
            target: `period:${doc._id.toHexString()}`,
            before: null,
            after: { at },
          })
        : [];
    // FerretDB ignores $pull with a condition; popping the head, only if it is still this
    // item, keeps two nodes settling at once from removing an item not yet done.
    await Periods.updateOne(
      { _id: doc._id, 'tasks.0.task': task },
      withOutbox<PeriodDocument>({ $pop: { tasks: -1 } }, audit),
    );
    if (audit.length > 0) await wakeOutboxRelay(db, Periods, doc._id);
  }
  const settled = await Periods.findOneAndUpdate(
    { _id: doc._id, tasks: { $size: 0 } },
    { $set: { settled: true } },
    { returnDocument: 'after' },
  ).lean<PeriodDocument>();
  return settled ?? (await findPeriod(db, doc._id.toHexString()));
}

export interface SchedulerPassOptions {
  now?: Date;
  /** Called with each period the pass went through. */
  afterPass?: (doc: PeriodDocument) => void;
  /** Asks whether round 1 may start; without it a period due for round 1 is held. */
  round1?: Round1Gate;
  /** Called with each period held before round 1, and why (the refusal's Vietnamese text). */
  onHeld?: (doc: PeriodDocument, reason: string) => void;
}

/**
 * One pass of the scheduler: every period whose next phase has started moves on (as many
 * phases as have started), and every unsettled period is settled. Returns how many moves it made.
 * `actor` is the service principal the scheduler acts as. A period due for round 1 that may not
 * start it yet (`round1` refuses) stays where it is, reported to `onHeld`; the next pass asks again.
 */
export async function runSchedulerPass(
  db: Connection,
  actor: AuditActor,
  options: SchedulerPassOptions = {},
): Promise<number> {
  const { now = new Date(), afterPass = () => undefined, round1, onHeld } = options;
  const Periods = periodModel(db);
  const docs = await Periods.find({
    $or: [{ currentPhase: { $ne: 'published' } }, { settled: false }],
  }).lean<PeriodDocument[]>();
  let moves = 0;
  const failures: string[] = [];
  for (let doc of docs) {
    // One period failing (its sets cannot be marked yet) must not hold up the others.
    try {
      let due = duePhase(doc.phases, doc.currentPhase, now);
      while (due) {
        let moved: PeriodDocument | null;
        try {
          moved = await movePeriod(db, doc, due, actor, now, false, round1);
        } catch (err) {
          if (due !== 'appraisalRound1' || !(err instanceof PortalError)) throw err;
          onHeld?.(doc, err.message);
          break;
        }
        if (!moved) break; // another node or an admin moved it; the next pass sees the new state
        moves++;
        doc = moved;
        due = duePhase(doc.phases, doc.currentPhase, now);
      }
      if (!doc.settled || doc.tasks.length > 0) await settlePeriod(db, doc, actor);
      afterPass(doc);
    } catch (err) {
      failures.push(`${doc._id.toHexString()}: ${(err as Error).message}`);
    }
  }
  if (failures.length > 0) {
    throw new Error(`${moves} move(s) made; not settled: ${failures.join('; ')}`);
  }
  return moves;
}

/** Gives one unit a later deadline for one phase; the latest-made extension wins. Audited. */
export async function extendDeadline(
  db: Connection,
  params: z.output<typeof ExtendDeadlineParams>,
  actor: string,
  locale: Locale,
): Promise<Period> {
  // An optimistic write may lose to a phase move; it is then simply tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = await findPeriod(db, params.id);
    const period = toPeriod(doc);
    const issues = checkExtension(period, params, locale);
    if (issues.length > 0) throw validationError(issues, locale);
    const before = deadlineFor(period, params.unitCode, params.phase)!;
    const extension = {
      unitCode: params.unitCode,
      phase: params.phase,
      endsAt: new Date(params.endsAt),
      reason: params.reason,
      by: actor,
      at: new Date(),
    };
    const after = await versionedPeriods.tryWrite(
      db,
      doc._id,
      doc.version,
      { $push: { extensions: extension } },
      {
        outbox: auditItems(actor, {
          action: 'period.deadlineExtended',
          target: `period:${params.id}`,
          before: {
            unitCode: params.unitCode,
            phase: params.phase,
            endsAt: before.endsAt,
          },
          after: {
            unitCode: params.unitCode,
            phase: params.phase,
            endsAt: params.endsAt,
            reason: params.reason,
          },
          units: [params.unitCode],
        }),
      },
    );
    if (!after) continue;
    periodChanged(db, after);
    return toPeriod(after);
  }
  throw await versionConflict(versionedPeriods.policy, await findPeriod(db, params.id));
}
