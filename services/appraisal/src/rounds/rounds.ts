/**
 * The appraisal rounds: the caller's share of a period (their assignments expanded against the
 * period's scope), the worklist, one unit's appraisal, versioned saves per round, clarification
 * questions and answers, sending a round (locks the sender's writes for it) and the admin's
 * reopening. Every read and write first finds the caller's share: an entry outside it is 404 and
 * nothing is written. Each write is one conditional single-document update carrying its audit
 * entry (and event) in the outbox (FerretDB has no transactions).
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  appraisalEvents,
  deadlineFor,
  deadlinePassed,
  formatMessage,
  formatVietnamDate,
  formatVietnamTime,
  isPhaseReached,
  roundPhases,
  type AnswerQuestionParams,
  type AppraisalEntry,
  type AppraisalPeriodView,
  type AppraisalReadOnlyReason,
  type AppraisalScope,
  type AskQuestionParams,
  type AuthUser,
  type CriterionNode,
  type Entry,
  type EvidenceFile,
  type ListMyUnitsParams,
  type ListUnitQuestionsParams,
  type Locale,
  type MyAppraisalPeriods,
  type ReopenRoundParams,
  type RoundState,
  type SaveAppraisalParams,
  type SelfAssessmentState,
  type UnitAppraisal,
  type UnitForAppraisal,
  type UnitPeriod,
  type UnitQuestion,
  type UnitQuestionList,
  type Worklist,
  type WorklistUnit,
} from '@par/contracts';
import { conflictWith, outboxEvent, PortalError, wakeOutboxRelay } from '@par/service-kit';
import { entriesOf, leafIndex } from '../assignments/coverage';
import { assignmentModel, type AssignmentDocument } from '../models/assignment.model';
import { auditItem } from '../models/audit-entry.model';
import { lateDecisionModel, type LateDecisionDocument } from '../models/late-decision.model';
import {
  appraisalEntryId,
  appraisalEntryModel,
  type AppraisalEntryDocument,
  type StoredAppraisalValue,
} from '../models/appraisal-entry.model';
import { openingModel } from '../models/opening.model';
import { roundId, roundModel, type RoundDocument } from '../models/round.model';
import {
  needsReason,
  reasonAgainst,
  round2ScoreOf,
  scoreIn,
  scoreInputs,
  unitRoundStatus,
  type Round,
} from './round-rules';

/** What the rounds need besides their database, asked over the bus with the caller's token. */
export interface RoundDeps {
  db: Connection;
  locale: Locale;
  scope(periodId: string): Promise<AppraisalScope>;
  unitForAppraisal(periodId: string, unitCode: string): Promise<UnitForAppraisal>;
  markOpened(periodId: string, unitCode: string, version: number): Promise<SelfAssessmentState>;
  /** The unit's evidence files the caller may see (the evidence service checks with us). */
  evidence(periodId: string, unitCode: string): Promise<EvidenceFile[]>;
  /** The unit's view of a period (its phase and its clarification deadline), with an officer's token. */
  unitPeriod(periodId: string, unitCode: string | undefined): Promise<UnitPeriod | undefined>;
}

type ScopeUnit = AppraisalScope['units'][number];

/** The caller's share of a period: unit code → the leaves their assignments cover there. */
export interface Share {
  scope: AppraisalScope;
  units: Map<string, string[]>;
  decisions: Map<string, LateDecisionDocument>;
}

async function shareOf(deps: RoundDeps, periodId: string, appraiserId: string | null) {
  const scope = await deps.scope(periodId);
  const filter: Record<string, unknown> = { periodId: scope.period.id };
  if (appraiserId) filter['appraisers.id'] = appraiserId;
  const [assignments, decisions] = await Promise.all([
    assignmentModel(deps.db).find(filter).lean<AssignmentDocument[]>(),
    lateDecisionModel(deps.db).find({ periodId: scope.period.id }).lean<LateDecisionDocument[]>(),
  ]);
  return { scope, assignments, decisions: new Map(decisions.map((d) => [d.unitCode, d])) };
}

/** Unit code → leaves covered by the given assignments (set order, no repeats). */
function expand(scope: AppraisalScope, assignments: readonly AssignmentDocument[]) {
  const index = leafIndex(scope);
  const units = new Map<string, string[]>();
  for (const assignment of assignments)
    for (const [unitCode, leaves] of entriesOf(assignment, scope, index)) {
      const known = units.get(unitCode) ?? [];
      units.set(unitCode, [...new Set([...known, ...leaves])]);
    }
  return units;
}

export async function myShare(deps: RoundDeps, periodId: string, user: AuthUser): Promise<Share> {
  const { scope, assignments, decisions } = await shareOf(deps, periodId, user.id);
  return { scope, units: expand(scope, assignments), decisions };
}

/** The caller's leaves of one unit, or 404 (never saying whether the unit or leaf exists). */
function leavesOrNotFound(share: Share, unitCode: string, criterionCode?: string): string[] {
  const leaves = share.units.get(unitCode);
  if (!leaves)
    throw new PortalError('E_NOT_FOUND', {
      key: 'appraisal.unit.notFound',
      fields: [{ field: 'unitCode', key: 'appraisal.unit.notFound' }],
    });
  if (criterionCode !== undefined && !leaves.includes(criterionCode))
    throw new PortalError('E_NOT_FOUND', {
      key: 'appraisal.entry.notFound',
      params: { code: criterionCode },
      fields: [{ field: 'criterionCode', key: 'appraisal.entry.notFound' }],
    });
  return leaves;
}

/** Submitted, or late and decided to be appraised on its saved data; a zero-scored unit is not. */
function unitReady(unit: ScopeUnit | undefined, decision: LateDecisionDocument | undefined) {
  if (!unit || decision?.decision === 'scoreZero') return false;
  return unit.submitted || decision?.decision === 'appraiseSavedData';
}

const scoreZero = (decision: LateDecisionDocument | undefined) =>
  decision?.decision === 'scoreZero';

const currentRoundOf = (phase: string): Round | null =>
  phase === roundPhases[1] ? 1 : phase === roundPhases[2] ? 2 : null;

export function periodView(scope: AppraisalScope): AppraisalPeriodView {
  const round = currentRoundOf(scope.period.currentPhase);
  const end = round
    ? (scope.period.phases.find((p) => p.phase === roundPhases[round])?.endsAt ?? null)
    : null;
  return {
    id: scope.period.id,
    name: scope.period.name,
    year: scope.period.year,
    indexCode: scope.period.indexCode,
    currentPhase: scope.period.currentPhase,
    currentRound: round,
    deadline: end,
  };
}

/** Why the round cannot be written now by anyone (phase, deadline), or null. */
function roundWindow(
  scope: AppraisalScope,
  round: Round,
  unitCode: string,
  now: Date,
): { reason: AppraisalReadOnlyReason; error: PortalError } | null {
  const phase = roundPhases[round];
  const current = scope.period.currentPhase;
  if (current !== phase) {
    const before = !isPhaseReached(current, phase);
    return {
      reason: before ? 'notOpen' : 'phaseClosed',
      error: new PortalError('E_CONFLICT', {
        key: before ? 'appraisal.round.notOpen' : 'appraisal.round.closed',
        params: { round, phase: current },
      }),
    };
  }
  const deadline = deadlineFor(scope.period, unitCode, phase);
  const passed = deadline && deadlinePassed(deadline, now);
  if (passed)
    return { reason: 'deadlinePassed', error: new PortalError('E_DEADLINE_PASSED', passed) };
  return null;
}

function sentError(round: Round, doc: RoundDocument): PortalError {
  return new PortalError('E_CONFLICT', {
    key: 'appraisal.round.sent',
    params: {
      round,
      time: formatVietnamTime(doc.sentAt!),
      date: formatVietnamDate(doc.sentAt!),
    },
  });
}

function toRoundState(
  periodId: string,
  round: Round,
  user: Pick<AuthUser, 'id' | 'username'>,
  doc: RoundDocument | null | undefined,
): RoundState {
  return {
    periodId,
    round,
    appraiserId: doc?.appraiserId ?? user.id,
    appraiserUsername: doc?.appraiserUsername ?? user.username,
    sentAt: doc?.sentAt ? doc.sentAt.toISOString() : null,
    reopened: doc?.reopened
      ? { at: doc.reopened.at.toISOString(), by: doc.reopened.by, reason: doc.reopened.reason }
      : null,
    version: doc?.version ?? 0,
  };
}

async function roundsOf(db: Connection, periodId: string, user: AuthUser) {
  const docs = await roundModel(db)
    .find({ _id: { $in: [roundId(periodId, user.id, 1), roundId(periodId, user.id, 2)] } })
    .lean<RoundDocument[]>();
  const byRound = new Map(docs.map((d) => [d.round, d]));
  return {
    byRound,
    states: [1, 2].map((r) => toRoundState(periodId, r as Round, user, byRound.get(r))),
  };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

function valueView(value: StoredAppraisalValue | null | undefined) {
  return value
    ? {
        inputs: value.inputs ?? {},
        score: value.score,
        percent: value.percent,
        reason: value.reason,
        by: value.by,
        at: new Date(value.at).toISOString(),
      }
    : null;
}

function questionView(doc: AppraisalEntryDocument | null | undefined) {
  const q = doc?.question;
  if (!q) return null;
  return {
    text: q.text,
    askedBy: q.askedBy,
    askedAt: new Date(q.askedAt).toISOString(),
    answer: q.answer
      ? {
          text: q.answer.text,
          revisedInputs: q.answer.revisedInputs,
          revisedScore: q.answer.revisedScore,
          by: q.answer.by,
          at: new Date(q.answer.at).toISOString(),
        }
      : null,
  };
}

function entryView(
  criterionCode: string,
  self: Entry | undefined,
  doc: AppraisalEntryDocument | null | undefined,
  files: readonly EvidenceFile[] = [],
): AppraisalEntry {
  return {
    criterionCode,
    self: {
      inputs: self?.inputs ?? {},
      score: self?.score ?? null,
      percent: self?.percent ?? null,
      explanation: self?.explanation ?? '',
      missingEvidenceExplanation: self?.missingEvidenceExplanation ?? '',
    },
    evidence: files
      .filter((f) => f.criterionCodes.includes(criterionCode))
      .map((f) => ({
        id: f.id,
        name: f.name,
        contentType: f.contentType,
        size: f.size,
        kind: f.kind,
        addedInClarification: f.addedInClarification,
      })),
    round1: valueView(doc?.round1),
    round2: valueView(doc?.round2),
    round2Score: round2ScoreOf(doc),
    question: questionView(doc),
    version: doc?.version ?? 0,
  };
}

async function entryDocs(db: Connection, periodId: string, unitCodes: readonly string[]) {
  const docs = await appraisalEntryModel(db)
    .find({ periodId, unitCode: { $in: [...unitCodes] } }, { outbox: 0 })
    .lean<AppraisalEntryDocument[]>();
  return new Map(docs.map((d) => [d._id, d]));
}

// ---------------------------------------------------------------------------------------------
// The appraiser's reads.

export async function listMyPeriods(deps: RoundDeps, user: AuthUser): Promise<MyAppraisalPeriods> {
  const periodIds: string[] = await assignmentModel(deps.db).distinct('periodId', {
    'appraisers.id': user.id,
  });
  const items = await Promise.all(
    periodIds.map(async (periodId) => {
      const share = await myShare(deps, periodId, user);
      let entries = 0;
      for (const leaves of share.units.values()) entries += leaves.length;
      return { ...periodView(share.scope), units: share.units.size, entries };
    }),
  );
  items.sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));
  return { items };
}

export async function listMyUnits(
  deps: RoundDeps,
  params: z.output<typeof ListMyUnitsParams>,
  user: AuthUser,
): Promise<Worklist> {
  const share = await myShare(deps, params.periodId, user);
  const periodId = share.scope.period.id;
  const unitCodes = [...share.units.keys()];
  const [docs, rounds, openings] = await Promise.all([
    entryDocs(deps.db, periodId, unitCodes),
    roundsOf(deps.db, periodId, user),
    openingModel(deps.db).find({ periodId }).lean(),
  ]);
  const openedAt = new Map(openings.map((o) => [o.unitCode, o.openedAt]));
  const byCode = new Map(share.scope.units.map((u) => [u.code, u]));
  const sent = (r: Round) => !!rounds.byRound.get(r)?.sentAt;
  let items: WorklistUnit[] = unitCodes.map((code) => {
    const unit = byCode.get(code)!;
    const leaves = share.units.get(code)!;
    const entries = leaves.map((leaf) => docs.get(appraisalEntryId(periodId, code, leaf)));
    const count = (round: Round) => entries.filter((e) => scoreIn(e, round) !== null).length;
    const decision = share.decisions.get(code);
    return {
      unitCode: code,
      unitName: unit.name,
      unitGroup: unit.unitGroup,
      ready: unitReady(unit, decision),
      lateDecision: decision?.decision ?? null,
      openedAt: iso(openedAt.get(code)),
      assigned: leaves.length,
      round1: { appraised: count(1), status: unitRoundStatus(count(1), leaves.length, sent(1)) },
      round2: { appraised: count(2), status: unitRoundStatus(count(2), leaves.length, sent(2)) },
      questions: entries.filter((e) => e?.question).length,
      answered: entries.filter((e) => e?.question?.answer).length,
    };
  });
  const round: Round = currentRoundOf(share.scope.period.currentPhase) ?? 1;
  const q = params.q?.toLocaleLowerCase('vi');
  items = items.filter(
    (item) =>
      (!q ||
        item.unitCode.toLocaleLowerCase('vi').includes(q) ||
        item.unitName.toLocaleLowerCase('vi').includes(q)) &&
      (!params.status || item[`round${round}`].status === params.status) &&
      (!params.unitGroup || item.unitGroup === params.unitGroup),
  );
  const progress = (item: WorklistUnit) => item[`round${round}`].appraised / (item.assigned || 1);
  const compare: Record<typeof params.sort, (a: WorklistUnit, b: WorklistUnit) => number> = {
    unitCode: (a, b) => a.unitCode.localeCompare(b.unitCode),
    unitName: (a, b) => a.unitName.localeCompare(b.unitName, 'vi'),
    progress: (a, b) => progress(a) - progress(b) || a.unitCode.localeCompare(b.unitCode),
    status: (a, b) =>
      a[`round${round}`].status.localeCompare(b[`round${round}`].status) ||
      a.unitCode.localeCompare(b.unitCode),
  };
  items.sort(compare[params.sort]);
  if (params.order === 'desc') items.reverse();
  return {
    period: periodView(share.scope),
    rounds: rounds.states,
    items,
    totals: {
      units: items.length,
      assigned: items.reduce((s, i) => s + i.assigned, 0),
      round1Appraised: items.reduce((s, i) => s + i.round1.appraised, 0),
      round2Appraised: items.reduce((s, i) => s + i.round2.appraised, 0),
    },
  };
}

/**
 * The unit's self-assessment for an appraiser whose share covers it; a submitted one not yet
 * opened is marked opened first (its withdrawal ends), conditioned on the version read.
 */
async function openUnit(
  deps: RoundDeps,
  share: Share,
  unitCode: string,
): Promise<UnitForAppraisal> {
  const unit = share.scope.units.find((u) => u.code === unitCode);
  const decision = share.decisions.get(unitCode);
  const notReady = () =>
    new PortalError('E_CONFLICT', { key: 'appraisal.unit.notReady', params: { code: unitCode } });
  if (!unitReady(unit, decision)) throw notReady();
  let read = await deps.unitForAppraisal(share.scope.period.id, unitCode);
  if (read.state.status === 'submitted' && !read.state.appraisalOpenedAt) {
    try {
      read = {
        ...read,
        state: await deps.markOpened(share.scope.period.id, unitCode, read.state.version),
      };
    } catch (err) {
      if ((err as { type?: string }).type !== 'E_CONFLICT') throw err;
      // A withdrawal or another opening won: read again and decide on what is there now.
      read = await deps.unitForAppraisal(share.scope.period.id, unitCode);
    }
  }
  if (read.state.status !== 'submitted' && decision?.decision !== 'appraiseSavedData')
    throw notReady();
  if (read.state.appraisalOpenedAt)
    await openingModel(deps.db).updateOne(
      { _id: `${share.scope.period.id}/${unitCode}` },
      {
        $setOnInsert: {
          periodId: share.scope.period.id,
          unitCode,
          openedAt: new Date(read.state.appraisalOpenedAt),
        },
      },
      { upsert: true },
    );
  return read;
}

/** The nodes an appraiser sees: their leaves and every ancestor, in the set's order. */
function nodesFor(nodes: readonly CriterionNode[], leaves: readonly string[]): CriterionNode[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const keep = new Set<string>();
  for (const leaf of leaves) {
    for (
      let code: string | null = leaf;
      code && !keep.has(code);
      code = byCode.get(code)?.parentCode ?? null
    )
      keep.add(code);
  }
  return nodes.filter((n) => keep.has(n.code));
}

/** Why the caller cannot write the current round of the unit now, or null. */
function readOnlyOf(
  scope: AppraisalScope,
  unitCode: string,
  byRound: Map<number, RoundDocument>,
  now: Date,
): AppraisalReadOnlyReason | null {
  const round = currentRoundOf(scope.period.currentPhase);
  // Between the rounds (clarification) round 2 is still to come.
  if (!round)
    return isPhaseReached(scope.period.currentPhase, roundPhases[2]) ? 'phaseClosed' : 'notOpen';
  const window = roundWindow(scope, round, unitCode, now);
  if (window) return window.reason;
  return byRound.get(round)?.sentAt ? 'sent' : null;
}

export async function getUnitAppraisal(
  deps: RoundDeps,
  params: { periodId: string; unitCode: string },
  user: AuthUser,
): Promise<UnitAppraisal> {
  const now = new Date();
  const share = await myShare(deps, params.periodId, user);
  const leaves = leavesOrNotFound(share, params.unitCode);
  const read = await openUnit(deps, share, params.unitCode);
  const periodId = share.scope.period.id;
  const [docs, rounds, files] = await Promise.all([
    entryDocs(deps.db, periodId, [params.unitCode]),
    roundsOf(deps.db, periodId, user),
    deps.evidence(periodId, params.unitCode),
  ]);
  const selfByCode = new Map(read.entries.map((e) => [e.criterionCode, e]));
  const entries = leaves.map((leaf) =>
    entryView(
      leaf,
      selfByCode.get(leaf),
      docs.get(appraisalEntryId(periodId, params.unitCode, leaf)),
      files,
    ),
  );
  const nodes = nodesFor(read.nodes, leaves);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const sum = (pick: (e: AppraisalEntry) => number | null) =>
    entries.reduce((s, e) => s + (pick(e) ?? 0), 0);
  return {
    period: periodView(share.scope),
    unit: read.unit,
    nodes,
    entries,
    totals: {
      maxScore: leaves.reduce((s, leaf) => s + (byCode.get(leaf)?.maxScore ?? 0), 0),
      self: sum((e) => e.self.score),
      round1: sum((e) => e.round1?.score ?? null),
      round2: sum((e) => e.round2Score),
      assigned: leaves.length,
      round1Appraised: entries.filter((e) => e.round1?.score != null).length,
      round2Appraised: entries.filter((e) => e.round2Score !== null).length,
    },
    state: read.state,
    rounds: rounds.states,
    readOnly: readOnlyOf(share.scope, params.unitCode, rounds.byRound, now),
    at: now.toISOString(),
  };
}

/** The listing of leaves the evidence service shows an appraiser (bus only). */
export async function listAssignedLeaves(
  deps: RoundDeps,
  params: { periodId: string; unitCode: string },
  user: AuthUser,
): Promise<{ criterionCodes: string[] }> {
  const share = await myShare(deps, params.periodId, user);
  return { criterionCodes: share.units.get(params.unitCode) ?? [] };
}

// ---------------------------------------------------------------------------------------------
// The appraiser's writes.

/**
 * Writes `update` on the entry at `version` (0: insert), with its audit entry in the outbox;
 * a lost race is 409 with the entry as it is now.
 */
async function writeEntry(
  deps: RoundDeps,
  key: { periodId: string; unitCode: string; criterionCode: string },
  version: number,
  fields: Partial<Pick<AppraisalEntryDocument, 'round1' | 'round2' | 'question'>>,
  audit: ReturnType<typeof auditItem>,
  current: (doc: AppraisalEntryDocument | null) => unknown,
): Promise<AppraisalEntryDocument> {
  const Entries = appraisalEntryModel(deps.db);
  const _id = appraisalEntryId(key.periodId, key.unitCode, key.criterionCode);
  const now = new Date();
  let written: AppraisalEntryDocument | null = null;
  if (version === 0) {
    try {
      const doc = await Entries.create({
        _id,
        ...key,
        round1: null,
        round2: null,
        question: null,
        ...fields,
        version: 1,
        updatedAt: now,
        outbox: [audit],
      });
      written = doc.toObject() as AppraisalEntryDocument;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  } else {
    written = await Entries.findOneAndUpdate(
      { _id, version },
      { $set: { ...fields, updatedAt: now }, $inc: { version: 1 }, $push: { outbox: audit } },
      { returnDocument: 'after' },
    ).lean<AppraisalEntryDocument>();
  }
  if (!written) {
    const now = await Entries.findById(_id, { outbox: 0 }).lean<AppraisalEntryDocument>();
    throw conflictWith(
      { key: 'appraisal.entry.stale', params: { code: key.criterionCode }, field: 'version' },
      current(now),
    );
  }
  await wakeOutboxRelay(deps.db, Entries, _id);
  return written;
}

async function assertRoundOpen(
  deps: RoundDeps,
  share: Share,
  round: Round,
  unitCode: string,
  user: AuthUser,
  now: Date,
) {
  const window = roundWindow(share.scope, round, unitCode, now);
  if (window) throw window.error;
  const doc = await roundModel(deps.db)
    .findById(roundId(share.scope.period.id, user.id, round))
    .lean<RoundDocument>();
  if (doc?.sentAt) throw sentError(round, doc);
}

export async function saveAppraisal(
  deps: RoundDeps,
  params: z.output<typeof SaveAppraisalParams>,
  user: AuthUser,
): Promise<AppraisalEntry> {
  const now = new Date();
  const round = params.round as Round;
  const share = await myShare(deps, params.periodId, user);
  leavesOrNotFound(share, params.unitCode, params.criterionCode);
  const periodId = share.scope.period.id;
  await assertRoundOpen(deps, share, round, params.unitCode, user, now);
  const read = await openUnit(deps, share, params.unitCode);
  const node = read.nodes.find((n) => n.code === params.criterionCode);
  if (!node)
    throw new PortalError('E_NOT_FOUND', {
      key: 'appraisal.entry.notFound',
      params: { code: params.criterionCode },
    });
  const self = read.entries.find((e) => e.criterionCode === params.criterionCode);
  const checked = scoreInputs(node, params.inputs, deps.locale);
  const key = { periodId, unitCode: params.unitCode, criterionCode: params.criterionCode };
  const { _id, existing, view } = await entryAtVersion(deps, key, self, params.version);
  const { against, other } = reasonAgainst(
    round,
    self?.score ?? null,
    existing?.round1?.score ?? null,
  );
  if (needsReason(checked.score, other) && params.reason === '') {
    const fmt = (h: number | null) => (h === null ? '—' : (h / 100).toLocaleString('vi-VN'));
    const againstText = formatMessage(
      against === 'self' ? 'appraisal.reason.againstSelf' : 'appraisal.reason.againstRound1',
      {},
      deps.locale,
    );
    throw new PortalError('E_VALIDATION', {
      key: 'appraisal.reason.required',
      params: { score: fmt(checked.score), against: againstText, other: fmt(other) },
      fields: [{ field: 'reason', key: 'appraisal.reason.required' }],
    });
  }
  const value: StoredAppraisalValue = {
    ...checked,
    reason: params.reason,
    by: { id: user.id, username: user.username },
    at: now,
  };
  const field = round === 1 ? 'round1' : 'round2';
  const before = existing?.[field] ?? null;
  const written = await writeEntry(
    deps,
    key,
    params.version,
    { [field]: value },
    auditItem(user, {
      action: `appraisal.round${round}.saved`,
      target: `entry:${_id}`,
      periodId,
      before: before ? { score: before.score, reason: before.reason } : null,
      after: { score: value.score, inputs: value.inputs, reason: value.reason },
    }),
    view,
  );
  return view(written);
}

/**
 * A leaf's stored appraisal entry (its id, the document, and its view beside the unit's own
 * entry) for a write made at `version`; refuses, with the entry as it is, any other version.
 */
async function entryAtVersion(
  deps: RoundDeps,
  key: { periodId: string; unitCode: string; criterionCode: string },
  self: Entry | undefined,
  version: number,
) {
  const _id = appraisalEntryId(key.periodId, key.unitCode, key.criterionCode);
  const existing = await appraisalEntryModel(deps.db)
    .findById(_id, { outbox: 0 })
    .lean<AppraisalEntryDocument>();
  const view = (doc: AppraisalEntryDocument | null) => entryView(key.criterionCode, self, doc);
  if ((existing?.version ?? 0) !== version)
    throw conflictWith(
      { key: 'appraisal.entry.stale', params: { code: key.criterionCode }, field: 'version' },
      view(existing),
    );
  return { _id, existing, view };
}

export async function askQuestion(
  deps: RoundDeps,
  params: z.output<typeof AskQuestionParams>,
  user: AuthUser,
): Promise<AppraisalEntry> {
  const now = new Date();
  const share = await myShare(deps, params.periodId, user);
  leavesOrNotFound(share, params.unitCode, params.criterionCode);
  const periodId = share.scope.period.id;
  if (share.scope.period.currentPhase !== roundPhases[1])
    throw new PortalError('E_CONFLICT', {
      key: 'appraisal.question.round1Only',
      params: { phase: share.scope.period.currentPhase },
    });
  await assertRoundOpen(deps, share, 1, params.unitCode, user, now);
  const read = await openUnit(deps, share, params.unitCode);
  const node = read.nodes.find((n) => n.code === params.criterionCode)!;
  const self = read.entries.find((e) => e.criterionCode === params.criterionCode);
  const key = { periodId, unitCode: params.unitCode, criterionCode: params.criterionCode };
  const { _id, existing, view } = await entryAtVersion(deps, key, self, params.version);
  if (existing?.question?.answer)
    throw conflictWith({ key: 'appraisal.question.answered' }, view(existing));
  const written = await writeEntry(
    deps,
    key,
    params.version,
    {
      question: {
        text: params.text,
        askedBy: { id: user.id, username: user.username },
        askedAt: now,
        selfScore: self?.score ?? null,
        leaf: { title: node.title, maxScore: node.maxScore, rule: node.rule },
        answer: null,
      },
    },
    auditItem(user, {
      action: 'appraisal.question.asked',
      target: `entry:${_id}`,
      periodId,
      before: existing?.question ? { text: existing.question.text } : null,
      after: { text: params.text },
    }),
    view,
  );
  return view(written);
}

/** Every (unit, leaf) of the caller's share not appraised in the round (zero-scored units aside). */
async function gapsOf(deps: RoundDeps, share: Share, round: Round) {
  const periodId = share.scope.period.id;
  const docs = await entryDocs(deps.db, periodId, [...share.units.keys()]);
  const gaps: Array<{ unitCode: string; criterionCode: string }> = [];
  let entries = 0;
  for (const [unitCode, leaves] of share.units) {
    if (scoreZero(share.decisions.get(unitCode))) continue;
    for (const leaf of leaves) {
      entries++;
      if (scoreIn(docs.get(appraisalEntryId(periodId, unitCode, leaf)), round) === null)
        gaps.push({ unitCode, criterionCode: leaf });
    }
  }
  return { gaps, entries };
}

export async function sendRound(
  deps: RoundDeps,
  params: { periodId: string; round: number },
  user: AuthUser,
): Promise<RoundState> {
  const now = new Date();
  const round = params.round as Round;
  const share = await myShare(deps, params.periodId, user);
  const periodId = share.scope.period.id;
  if (share.units.size === 0)
    throw new PortalError('E_NOT_FOUND', { key: 'appraisal.round.nothingAssigned' });
  // The round's common deadline (no unit named: no extension applies to sending).
  await assertRoundOpen(deps, share, round, '', user, now);
  const { gaps, entries } = await gapsOf(deps, share, round);
  if (gaps.length > 0)
    throw new PortalError('E_CONFLICT', {
      key: 'appraisal.round.gaps',
      params: { count: gaps.length, ...gaps[0]! },
      current: { gaps },
    });
  const Rounds = roundModel(deps.db);
  const _id = roundId(periodId, user.id, round);
  const payload = {
    eventId: randomUUID(),
    periodId,
    round,
    appraiserId: user.id,
    entries,
    at: now.toISOString(),
  };
  const outbox = [
    outboxEvent(appraisalEvents.roundSent.name, payload, payload.eventId),
    auditItem(user, {
      action: `appraisal.round${round}.sent`,
      target: `round:${_id}`,
      periodId,
      before: { sentAt: null },
      after: { sentAt: now, entries },
    }),
  ];
  const existing = await Rounds.findById(_id).lean<RoundDocument>();
  if (existing?.sentAt) throw sentError(round, existing);
  let written: RoundDocument | null = null;
  if (!existing) {
    try {
      written = (
        await Rounds.create({
          _id,
          periodId,
          appraiserId: user.id,
          appraiserUsername: user.username,
          round,
          sentAt: now,
          reopened: null,
          version: 1,
          outbox,
        })
      ).toObject() as RoundDocument;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  } else {
    written = await Rounds.findOneAndUpdate(
      { _id, version: existing.version, sentAt: null },
      { $set: { sentAt: now }, $inc: { version: 1 }, $push: { outbox: { $each: outbox } } },
      { returnDocument: 'after' },
    ).lean<RoundDocument>();
  }
  if (!written) {
    const current = await Rounds.findById(_id).lean<RoundDocument>();
    if (current?.sentAt) throw sentError(round, current);
    throw conflictWith(
      { key: 'appraisal.round.notSent', params: { round } },
      toRoundState(periodId, round, user, current),
    );
  }
  await wakeOutboxRelay(deps.db, Rounds, _id);
  return toRoundState(periodId, round, user, written);
}

export async function reopenRound(
  deps: RoundDeps,
  params: z.output<typeof ReopenRoundParams>,
  user: AuthUser,
): Promise<RoundState> {
  const now = new Date();
  const round = params.round as Round;
  const scope = await deps.scope(params.periodId);
  const periodId = scope.period.id;
  const Rounds = roundModel(deps.db);
  const _id = roundId(periodId, params.appraiserId, round);
  const existing = await Rounds.findById(_id).lean<RoundDocument>();
  const appraiser = { id: params.appraiserId, username: existing?.appraiserUsername ?? '' };
  if (!existing?.sentAt)
    throw conflictWith(
      { key: 'appraisal.round.notSent', params: { round } },
      toRoundState(periodId, round, appraiser, existing),
    );
  const reopened = { at: now, by: { id: user.id, username: user.username }, reason: params.reason };
  const payload = {
    eventId: randomUUID(),
    periodId,
    round,
    appraiserId: params.appraiserId,
    reason: params.reason,
    by: user.id,
    at: now.toISOString(),
  };
  const written = await Rounds.findOneAndUpdate(
    { _id, version: existing.version },
    {
      $set: { sentAt: null, reopened },
      $inc: { version: 1 },
      $push: {
        outbox: {
          $each: [
            outboxEvent(appraisalEvents.roundReopened.name, payload, payload.eventId),
            auditItem(user, {
              action: `appraisal.round${round}.reopened`,
              target: `round:${_id}`,
              periodId,
              before: { sentAt: existing.sentAt },
              after: { sentAt: null, reason: params.reason },
            }),
          ],
        },
      },
    },
    { returnDocument: 'after' },
  ).lean<RoundDocument>();
  if (!written)
    throw conflictWith(
      { key: 'appraisal.round.notSent', params: { round } },
      toRoundState(periodId, round, appraiser, await Rounds.findById(_id).lean<RoundDocument>()),
    );
  await wakeOutboxRelay(deps.db, Rounds, _id);
  return toRoundState(periodId, round, appraiser, written);
}

// ---------------------------------------------------------------------------------------------
// The unit's side of clarification.

function unitQuestion(doc: AppraisalEntryDocument): UnitQuestion {
  return {
    criterionCode: doc.criterionCode,
    title: doc.question!.leaf.title,
    selfScore: doc.question!.selfScore,
    question: questionView(doc)!,
    version: doc.version,
  };
}

/** The unit an officer answers for: the token's; an admin names it. */
export function questionUnit(user: AuthUser, named: string | undefined): string {
  if (user.roles.includes('admin') && named) return named;
  if (!user.roles.includes('data-entry') || !user.unit)
    throw new PortalError('E_FORBIDDEN', { key: 'error.forbidden' });
  if (named && named !== user.unit)
    throw new PortalError('E_FORBIDDEN', { key: 'error.forbidden' });
  return user.unit;
}

/** Whether the unit may answer now: in the clarification phase, before its own deadline. */
function answerWindow(period: UnitPeriod, unitCode: string, now: Date) {
  const current = period.currentPhase;
  const deadline = current === 'clarification' ? period.deadline : null;
  if (current !== 'clarification') {
    const before = !isPhaseReached(current, 'clarification');
    return {
      deadline,
      readOnly: before ? ('notOpen' as const) : ('phaseClosed' as const),
      error: new PortalError('E_CONFLICT', {
        key: 'appraisal.answer.notOpen',
        params: { phase: current },
      }),
    };
  }
  const passed = deadline && deadlinePassed({ unitCode, ...deadline }, now);
  if (passed)
    return {
      deadline,
      readOnly: 'deadlinePassed' as const,
      error: new PortalError('E_DEADLINE_PASSED', passed),
    };
  return { deadline, readOnly: null, error: null };
}

async function unitPeriodOrNotFound(deps: RoundDeps, periodId: string, named?: string) {
  const period = await deps.unitPeriod(periodId, named);
  if (!period) throw new PortalError('E_NOT_FOUND', { key: 'appraisal.unit.notFound' });
  return period;
}

export async function listUnitQuestions(
  deps: RoundDeps,
  params: z.output<typeof ListUnitQuestionsParams>,
  user: AuthUser,
): Promise<UnitQuestionList> {
  const unitCode = questionUnit(user, params.unitCode);
  const period = await unitPeriodOrNotFound(deps, params.periodId, params.unitCode);
  const docs = await appraisalEntryModel(deps.db)
    .find({ periodId: period.periodId, unitCode, question: { $ne: null } }, { outbox: 0 })
    .sort({ criterionCode: 1 })
    .lean<AppraisalEntryDocument[]>();
  const window = answerWindow(period, unitCode, new Date());
  return {
    periodId: period.periodId,
    unitCode,
    currentPhase: period.currentPhase,
    deadline: window.deadline,
    readOnly: window.readOnly,
    items: docs.filter((d) => d.question).map(unitQuestion),
  };
}

export async function answerQuestion(
  deps: RoundDeps,
  params: z.output<typeof AnswerQuestionParams>,
  user: AuthUser,
): Promise<UnitQuestion> {
  const unitCode = questionUnit(user, undefined);
  const period = await unitPeriodOrNotFound(deps, params.periodId);
  const periodId = period.periodId;
  const _id = appraisalEntryId(periodId, unitCode, params.criterionCode);
  const existing = await appraisalEntryModel(deps.db)
    .findById(_id, { outbox: 0 })
    .lean<AppraisalEntryDocument>();
  if (!existing?.question)
    throw new PortalError('E_NOT_FOUND', {
      key: 'appraisal.question.notFound',
      params: { code: params.criterionCode },
    });
  const window = answerWindow(period, unitCode, new Date());
  if (window.error) throw window.error;
  if (existing.version !== params.version)
    throw conflictWith(
      { key: 'appraisal.answer.stale', params: { code: params.criterionCode }, field: 'version' },
      unitQuestion(existing),
    );
  const revised = params.revisedInputs
    ? scoreInputs(
        { code: params.criterionCode, ...existing.question.leaf },
        params.revisedInputs,
        deps.locale,
        'revisedInputs',
      )
    : null;
  const answer = {
    text: params.text,
    revisedInputs: revised?.inputs ?? null,
    revisedScore: revised?.score ?? null,
    by: { id: user.id, username: user.username },
    at: new Date(),
  };
  const written = await writeEntry(
    deps,
    { periodId, unitCode, criterionCode: params.criterionCode },
    params.version,
    { question: { ...existing.question, answer } },
    auditItem(user, {
      action: 'appraisal.question.answered',
      target: `entry:${_id}`,
      periodId,
      before: existing.question.answer ? { text: existing.question.answer.text } : null,
      after: { text: answer.text, revisedScore: answer.revisedScore },
    }),
    (doc) => (doc?.question ? unitQuestion(doc) : null),
  );
  return unitQuestion(written);
}

export { shareOf, expand, gapsOf, unitReady, scoreZero, currentRoundOf };
