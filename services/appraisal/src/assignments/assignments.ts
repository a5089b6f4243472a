/**
 * A period's appraiser assignments in the database: list, create, change, delete (versioned,
 * each change audited through the outbox), suggestions from the criteria's appraising units,
 * coverage, whether round 1 may start, and the admin's decisions on late units. The period, its
 * units and its sets come from the assessment service (`deps.scope`), the appraisers from the
 * accounts service (`deps.appraisers`); this service reads only its own database.
 */
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  formatMessage,
  type AppraisalAuditList,
  type AppraisalScope,
  type Assignment,
  type AssignmentList,
  type AssignmentSuggestions,
  type AuthUser,
  type Coverage,
  type CreateAssignmentParams,
  type DecideLateUnitParams,
  type LateUnit,
  type LateUnitList,
  type ListAppraisalAuditParams,
  type ListAssignmentsParams,
  type Locale,
  type Round1Readiness,
  type UpdateAssignmentParams,
} from '@par/contracts';
import {
  auditEntryView,
  conflictWith,
  PortalError,
  versionedDocuments,
  wakeOutboxRelay,
} from '@par/service-kit';
import { assignmentModel, type AssignmentDocument } from '../models/assignment.model';
import { auditEntryModel, auditItem } from '../models/audit-entry.model';
import { lateDecisionModel, type LateDecisionDocument } from '../models/late-decision.model';
import {
  assignablePhases,
  checkAssignment,
  suggestFromAppraisingUnits,
  type AppraiserAccount,
  type CheckedInput,
  type RuleIssue,
} from './assignment-rules';
import { computeCoverage, entriesOf, leafIndex } from './coverage';

export interface AssignmentDeps {
  db: Connection;
  /** The period as the assessment service gives it, with the caller's token. */
  scope(periodId: string): Promise<AppraisalScope>;
  /** Enabled accounts holding the `appraisal` role, from the accounts service. */
  appraisers(): Promise<AppraiserAccount[]>;
  locale: Locale;
}

const versionedAssignments = versionedDocuments({
  model: assignmentModel,
  toCurrent: (doc: AssignmentDocument) => shapeOf(doc),
  stale: () => ({ key: 'assignment.version.stale', field: 'version' }),
  notFound: { key: 'assignment.notFound' },
});

/** The stored fields, as the audit trail and a 409 show them. */
function shapeOf(doc: AssignmentDocument) {
  return {
    id: doc._id.toHexString(),
    periodId: doc.periodId,
    name: doc.name,
    appraisers: doc.appraisers.map((a) => ({ id: a.id, username: a.username })),
    criterionCodes: [...doc.criterionCodes],
    units: doc.units,
    version: doc.version,
  };
}

function toAssignment(doc: AssignmentDocument, scope: AppraisalScope): Assignment {
  const entries = entriesOf(
    { criterionCodes: doc.criterionCodes, units: doc.units },
    scope,
    leafIndex(scope),
  );
  return {
    ...shapeOf(doc),
    entryCount: [...entries.values()].reduce((sum, leaves) => sum + leaves.length, 0),
    unitCodes: [...entries.keys()].sort(),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** A 422 naming every field at fault, each message rendered in the caller's language. */
export function validationError(issues: readonly RuleIssue[], locale: Locale): PortalError {
  const first = issues[0]!;
  return new PortalError('E_VALIDATION', {
    key: first.key,
    params: first.params,
    fields: issues.map((issue) => ({
      field: issue.field,
      message: formatMessage(issue.key, issue.params, locale),
    })),
  });
}

function assertAssignable(scope: AppraisalScope): void {
  const phase = scope.period.currentPhase;
  if (!(assignablePhases as readonly string[]).includes(phase))
    throw new PortalError('E_CONFLICT', { key: 'assignment.period.closed', params: { phase } });
}

/** Checks an input against the period and the appraisers; returns the appraisers it names. */
async function resolveInput(
  deps: AssignmentDeps,
  input: CheckedInput,
  scope: AppraisalScope,
): Promise<AppraiserAccount[]> {
  const appraisers = await deps.appraisers();
  const issues = checkAssignment(input, scope, appraisers);
  if (issues.length > 0) throw validationError(issues, deps.locale);
  const byId = new Map(appraisers.map((a) => [a.id, a]));
  return input.appraiserIds.map((id) => byId.get(id)!);
}

export async function listAssignments(
  deps: AssignmentDeps,
  params: z.output<typeof ListAssignmentsParams>,
): Promise<AssignmentList> {
  const scope = await deps.scope(params.periodId);
  const filter: Record<string, unknown> = { periodId: params.periodId };
  if (params.appraiserId) filter['appraisers.id'] = params.appraiserId;
  const docs = await assignmentModel(deps.db)
    .find(filter)
    .sort({ createdAt: 1 })
    .lean<AssignmentDocument[]>();
  let items = docs.map((doc) => toAssignment(doc, scope));
  if (params.unitCode) items = items.filter((a) => a.unitCodes.includes(params.unitCode!));
  if (params.criterionCode) {
    const code = params.criterionCode;
    // An assignment covers a criterion when one of its codes is that node, above or below it.
    const related = (a: string, b: string) =>
      a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
    items = items.filter((a) => a.criterionCodes.some((c) => related(c, code)));
  }
  return { items, total: items.length };
}

export async function createAssignment(
  deps: AssignmentDeps,
  params: z.output<typeof CreateAssignmentParams>,
  user: AuthUser,
): Promise<Assignment> {
  const scope = await deps.scope(params.periodId);
  assertAssignable(scope);
  const appraisers = await resolveInput(deps, params, scope);
  const doc = await insertAssignment(deps.db, params.periodId, params, appraisers, user);
  return toAssignment(doc, scope);
}

/** One new assignment with its audit entry in its outbox. */
async function insertAssignment(
  db: Connection,
  periodId: string,
  input: CheckedInput,
  appraisers: readonly AppraiserAccount[],
  user: AuthUser,
): Promise<AssignmentDocument> {
  const Assignments = assignmentModel(db);
  const doc = new Assignments({
    periodId,
    name: input.name,
    appraisers: appraisers.map((a) => ({ id: a.id, username: a.username })),
    criterionCodes: input.criterionCodes,
    units: input.units,
    version: 1,
  });
  doc.outbox = [
    auditItem(user, {
      action: 'assignment.created',
      target: `assignment:${doc._id.toHexString()}`,
      periodId,
      before: null,
      after: shapeOf(doc.toObject() as AssignmentDocument),
    }),
  ];
  await doc.save();
  await wakeOutboxRelay(db, Assignments, doc._id);
  return doc.toObject() as AssignmentDocument;
}

/** Several new assignments (an import): all are checked before, then written one by one. */
export async function insertAssignments(
  deps: AssignmentDeps,
  periodId: string,
  inputs: ReadonlyArray<{ input: CheckedInput; appraisers: AppraiserAccount[] }>,
  user: AuthUser,
): Promise<number> {
  for (const { input, appraisers } of inputs)
    await insertAssignment(deps.db, periodId, input, appraisers, user);
  return inputs.length;
}

export async function updateAssignment(
  deps: AssignmentDeps,
  params: z.output<typeof UpdateAssignmentParams>,
  user: AuthUser,
): Promise<Assignment> {
  const before = await versionedAssignments.findAt(deps.db, params.id, params.version);
  const scope = await deps.scope(before.periodId);
  assertAssignable(scope);
  const appraisers = await resolveInput(deps, params, scope);
  const set = {
    name: params.name,
    appraisers: appraisers.map((a) => ({ id: a.id, username: a.username })),
    criterionCodes: params.criterionCodes,
    units: params.units,
  };
  const after = await versionedAssignments.write(
    deps.db,
    before._id,
    params.version,
    { $set: set },
    {
      outbox: [
        auditItem(user, {
          action: 'assignment.updated',
          target: `assignment:${params.id}`,
          periodId: before.periodId,
          before: shapeOf(before),
          after: { ...shapeOf(before), ...set, version: before.version + 1 },
        }),
      ],
    },
  );
  return toAssignment(after, scope);
}

export async function deleteAssignment(
  deps: AssignmentDeps,
  params: { id: string; version: number },
  user: AuthUser,
): Promise<{ id: string; deleted: true }> {
  const before = await versionedAssignments.findAt(deps.db, params.id, params.version);
  const scope = await deps.scope(before.periodId);
  assertAssignable(scope);
  await versionedAssignments.remove(deps.db, before._id, params.version, {
    outbox: [
      auditItem(user, {
        action: 'assignment.deleted',
        target: `assignment:${params.id}`,
        periodId: before.periodId,
        before: shapeOf(before),
        after: null,
      }),
    ],
  });
  return { id: params.id, deleted: true };
}

export async function suggestAssignments(
  deps: AssignmentDeps,
  periodId: string,
): Promise<AssignmentSuggestions> {
  const [scope, appraisers] = await Promise.all([deps.scope(periodId), deps.appraisers()]);
  const suggested = suggestFromAppraisingUnits(scope, appraisers);
  return {
    items: suggested.items.flatMap((item) =>
      item.unitGroups.map((unitGroup) => ({
        appraiserUnitCode: item.appraiserUnitCode,
        input: {
          name: `${item.appraiserUnitCode} – ${unitGroup}`,
          appraiserIds: item.appraisers.map((a) => a.id),
          criterionCodes: item.criterionCodes,
          units: { kind: 'group' as const, unitGroup },
        },
        appraisers: item.appraisers.map((a) => ({ id: a.id, username: a.username })),
      })),
    ),
    unitsWithoutAppraisers: suggested.unitsWithoutAppraisers,
  };
}

async function coverageOf(deps: AssignmentDeps, scope: AppraisalScope) {
  const docs = await assignmentModel(deps.db)
    .find({ periodId: scope.period.id }, { criterionCodes: 1, units: 1 })
    .lean<AssignmentDocument[]>();
  return computeCoverage(
    scope,
    docs.map((doc) => ({
      id: doc._id.toHexString(),
      criterionCodes: doc.criterionCodes,
      units: doc.units,
    })),
  );
}

export async function getCoverage(deps: AssignmentDeps, periodId: string): Promise<Coverage> {
  const scope = await deps.scope(periodId);
  return { periodId: scope.period.id, ...(await coverageOf(deps, scope)) };
}

/** A unit is late once its own self-assessment deadline passed without a submission. */
const isLate = (unit: AppraisalScope['units'][number], now: number) =>
  !unit.submitted &&
  unit.selfAssessmentEndsAt !== null &&
  Date.parse(unit.selfAssessmentEndsAt) <= now;

export async function checkRound1Start(
  deps: AssignmentDeps,
  periodId: string,
): Promise<Round1Readiness> {
  const scope = await deps.scope(periodId);
  const [coverage, decisions] = await Promise.all([
    coverageOf(deps, scope),
    lateDecisionModel(deps.db).find({ periodId: scope.period.id }, { unitCode: 1 }).lean(),
  ]);
  const decided = new Set(decisions.map((d) => d.unitCode));
  const now = Date.now();
  const undecidedLateUnits = scope.units
    .filter((u) => isLate(u, now) && !decided.has(u.code))
    .map((u) => u.code);
  return {
    periodId: scope.period.id,
    ready:
      coverage.totals.gaps === 0 &&
      coverage.totals.overlaps === 0 &&
      undecidedLateUnits.length === 0,
    gaps: coverage.totals.gaps,
    overlaps: coverage.totals.overlaps,
    undecidedLateUnits,
  };
}

function toLateUnit(
  unit: AppraisalScope['units'][number],
  decision: LateDecisionDocument | undefined,
  now: number,
): LateUnit {
  return {
    unitCode: unit.code,
    unitName: unit.name,
    deadline: unit.selfAssessmentEndsAt,
    late: isLate(unit, now),
    decision: decision
      ? {
          decision: decision.decision,
          reason: decision.reason,
          by: decision.by,
          at: decision.at.toISOString(),
        }
      : null,
    version: decision?.version ?? 0,
  };
}

export async function listLateUnits(deps: AssignmentDeps, periodId: string): Promise<LateUnitList> {
  const scope = await deps.scope(periodId);
  const decisions = await lateDecisionModel(deps.db)
    .find({ periodId: scope.period.id })
    .lean<LateDecisionDocument[]>();
  const byUnit = new Map(decisions.map((d) => [d.unitCode, d]));
  const now = Date.now();
  return {
    periodId: scope.period.id,
    items: scope.units
      .filter((u) => !u.submitted)
      .map((u) => toLateUnit(u, byUnit.get(u.code), now)),
  };
}

/**
 * Records (or changes, at the version read) the decision on a unit that did not submit by its
 * deadline; the audit entry is written with it, in its outbox.
 */
export async function decideLateUnit(
  deps: AssignmentDeps,
  params: z.output<typeof DecideLateUnitParams>,
  user: AuthUser,
): Promise<LateUnit> {
  const scope = await deps.scope(params.periodId);
  const now = Date.now();
  const unit = scope.units.find((u) => u.code === params.unitCode);
  if (!unit)
    throw new PortalError('E_VALIDATION', {
      key: 'assignment.unit.unknown',
      params: { code: params.unitCode },
      fields: [{ field: 'unitCode', key: 'assignment.unit.unknown' }],
    });
  if (!isLate(unit, now))
    throw new PortalError('E_CONFLICT', {
      key: 'lateUnit.notLate',
      params: { code: unit.code, deadline: unit.selfAssessmentEndsAt ?? '—' },
    });
  const Decisions = lateDecisionModel(deps.db);
  const existing = await Decisions.findOne({
    periodId: scope.period.id,
    unitCode: unit.code,
  }).lean<LateDecisionDocument>();
  const stale = (current: LateDecisionDocument | null | undefined) =>
    conflictWith(
      { key: 'lateUnit.version.stale', params: { code: unit.code }, field: 'version' },
      toLateUnit(unit, current ?? undefined, now),
    );
  if ((existing?.version ?? 0) !== params.version) throw stale(existing);
  const fields = {
    decision: params.decision,
    reason: params.reason,
    by: { id: user.id, username: user.username },
    at: new Date(),
  };
  const audit = auditItem(user, {
    action: 'lateUnit.decided',
    target: `lateUnit:${scope.period.id}/${unit.code}`,
    periodId: scope.period.id,
    before: existing
      ? { decision: existing.decision, reason: existing.reason, version: existing.version }
      : null,
    after: {
      unitCode: unit.code,
      decision: params.decision,
      reason: params.reason,
      version: params.version + 1,
    },
  });
  // Version 0 inserts, any other updates at that version, as `writeKeyedVersion` does; not it,
  // because the audit item is pushed onto the outbox (a pending entry of the last decision stays).
  let written: LateDecisionDocument | null;
  if (!existing) {
    try {
      const doc = await Decisions.create({
        periodId: scope.period.id,
        unitCode: unit.code,
        ...fields,
        version: 1,
        outbox: [audit],
      });
      written = doc.toObject() as LateDecisionDocument;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      written = null; // someone decided first
    }
  } else {
    written = await Decisions.findOneAndUpdate(
      { _id: existing._id, version: params.version },
      { $set: fields, $inc: { version: 1 }, $push: { outbox: audit } },
      { returnDocument: 'after' },
    ).lean<LateDecisionDocument>();
  }
  if (!written)
    throw stale(
      await Decisions.findOne({
        periodId: scope.period.id,
        unitCode: unit.code,
      }).lean<LateDecisionDocument>(),
    );
  await wakeOutboxRelay(deps.db, Decisions, written._id);
  return toLateUnit(unit, written, now);
}

export async function listAppraisalAudit(
  db: Connection,
  params: z.output<typeof ListAppraisalAuditParams>,
): Promise<AppraisalAuditList> {
  const Entries = auditEntryModel(db);
  const filter = { periodId: params.periodId };
  const [docs, total] = await Promise.all([
    Entries.find(filter).sort({ at: -1, _id: -1 }).skip(params.offset).limit(params.limit).lean(),
    Entries.countDocuments(filter),
  ]);
  return {
    items: docs.map(auditEntryView),
    total,
  };
}

export { versionedAssignments };
