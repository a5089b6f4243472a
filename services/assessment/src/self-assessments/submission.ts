/**
 * Submission and withdrawal of a unit's self-assessment by its approver: each one conditional
 * write of the unit's state document at the version the approver reviewed, carrying its durable
 * event and audit entry in the same update (the outbox), so the change, the event and the trail
 * cannot part.
 */
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { z } from 'zod';
import {
  assessmentEvents,
  formatMessage,
  formatVietnamDate,
  formatVietnamTime,
  type AuthUser,
  type Locale,
  type SelfAssessmentState,
  type SelfAssessmentSubmitted,
  type SelfAssessmentWithdrawn,
  type SubmissionParams,
  type WithdrawParams,
} from '@par/contracts';
import {
  outboxEvent,
  PortalError,
  versionConflict,
  versionedDocuments,
  wakeOutboxRelay,
} from '@par/service-kit';
import type { SetForUnits } from '../criteria-sets/criteria-set-store';
import { auditItems } from '../models/audit-entry.model';
import type { EntryDocument } from '../models/entry.model';
import { selfAssessmentModel, type SelfAssessment } from '../models/self-assessment.model';
import { assertWritable } from './write-window';
import {
  completenessOf,
  stateDocument,
  toState,
  unitInPeriod,
  writingUnit,
  type SelfAssessmentDeps,
} from './self-assessments';

/** How many missing codes the refusal's message names (all of them are in its fields). */
const NAMED_CODES = 20;

const versionedStates = versionedDocuments({
  model: selfAssessmentModel,
  toCurrent: (doc: SelfAssessment) => toState(doc, doc.periodId.toHexString(), doc.unitCode),
  stale: () => ({ key: 'selfAssessment.changed' }),
  notFound: { key: 'selfAssessment.period.notFound' },
});

const target = (periodId: string, unitCode: string) => `selfAssessment:${periodId}:${unitCode}`;

/** The 409 of a state the approver did not review: another approver moved it meanwhile. */
const staleState = (doc: SelfAssessment | null, periodId: string, unitCode: string) =>
  doc
    ? versionConflict(versionedStates.policy, doc)
    : Promise.resolve(
        new PortalError('E_CONFLICT', {
          key: 'selfAssessment.changed',
          fields: [{ field: 'version', key: 'selfAssessment.changed' }],
          current: toState(null, periodId, unitCode),
        }),
      );

/**
 * The approver submits: the state must be the one reviewed, the unit may write now, and every
 * leaf is complete by the shared rule (evidence counted by the evidence service, which must
 * answer); else 422 naming each incomplete leaf. The entries counted are the ones submitted:
 * the freeze refuses every save that read them earlier (`saveEntry` names the submission).
 */
export async function submitSelfAssessment(
  deps: SelfAssessmentDeps,
  params: z.output<typeof SubmissionParams>,
  user: AuthUser,
  locale: Locale,
): Promise<SelfAssessmentState> {
  const unitCode = writingUnit(user);
  const at = await unitInPeriod(deps.db, params.periodId, unitCode);
  const { periodId } = at;
  const doc = await stateDocument(deps.db, periodId, unitCode);
  if ((doc?.version ?? 0) !== params.version) throw await staleState(doc, periodId, unitCode);
  assertWritable(at.period, unitCode, doc?.status ?? 'draft', locale);

  // Gaps first, with nothing written; then the freeze, so that a save still on its way (read
  // before it) cannot land after the entries are counted; then the count the submission keeps.
  const counts = await deps.evidence.counts(periodId, unitCode);
  const readEntries = () => deps.entries.unitEntries(periodId, unitCode, at.leaves.areaCodes);
  assertComplete(at.set.nodes, await readEntries(), counts.get(unitCode), locale);
  await deps.entries.freeze(periodId, unitCode, at.leaves.areaCodes);
  const entries = await readEntries();
  assertComplete(at.set.nodes, entries, counts.get(unitCode), locale);

  const now = new Date();
  const version = params.version + 1;
  const payload: SelfAssessmentSubmitted = {
    eventId: randomUUID(),
    periodId,
    unitCode,
    version,
    at: now.toISOString(),
    by: user.id,
  };
  const submittedBy = { id: user.id, username: user.username };
  const outbox = [
    outboxEvent(assessmentEvents.selfAssessmentSubmitted.name, payload, payload.eventId),
    ...auditItems(user, {
      action: 'selfAssessment.submitted',
      target: target(periodId, unitCode),
      before: { status: 'draft', version: params.version },
      after: {
        status: 'submitted',
        version,
        leaves: at.leaves.leaves.size,
        // The entries as counted (a list: criterion codes hold dots, which keys may not).
        entries: entries.map((e) => ({ code: e.criterionCode, version: e.version })),
      },
      units: [unitCode],
    }),
  ];
  const change = { status: 'submitted' as const, submittedAt: now, submittedBy };

  if (!doc) {
    // The first submission makes the state document; a racing one finds it made (11000).
    try {
      const created = await selfAssessmentModel(deps.db).create({
        _id: new Types.ObjectId(),
        periodId: new Types.ObjectId(periodId),
        unitCode,
        ...change,
        appraisalOpenedAt: null,
        withdrawals: [],
        outbox,
        version,
      });
      await wakeOutboxRelay(deps.db);
      return toState(created.toObject() as SelfAssessment, periodId, unitCode);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      throw await staleState(await stateDocument(deps.db, periodId, unitCode), periodId, unitCode);
    }
  }
  const written = await versionedStates.write(
    deps.db,
    doc._id,
    doc.version,
    { $set: change },
    { where: { status: 'draft' }, outbox },
  );
  return toState(written, periodId, unitCode);
}

/** 422 naming each leaf that is not complete by the shared rule (the first 20 in the message). */
function assertComplete(
  nodes: SetForUnits['nodes'],
  entries: readonly EntryDocument[],
  counts: Map<string, number> | undefined,
  locale: Locale,
): void {
  const missing = completenessOf(nodes, entries, counts).leaves.filter((leaf) => !leaf.done);
  if (missing.length === 0) return;
  const codes = missing.map((leaf) => leaf.code);
  const named = codes.slice(0, NAMED_CODES).join(', ') + (codes.length > NAMED_CODES ? ', …' : '');
  throw new PortalError('E_VALIDATION', {
    key: 'selfAssessment.incomplete',
    params: { count: codes.length, codes: named },
    fields: missing.map((leaf) => ({
      field: `criteria.${leaf.code}`,
      message: formatMessage(
        'selfAssessment.incomplete.leaf',
        {
          code: leaf.code,
          gaps: leaf.missing
            .map((gap) => formatMessage(`selfAssessment.gap.${gap}`, {}, locale))
            .join(', '),
        },
        locale,
      ),
    })),
  });
}

/**
 * The approver withdraws a submission to correct it: before the unit's deadline, and only until
 * an appraiser has opened it; the entries thaw.
 */
export async function withdrawSelfAssessment(
  deps: SelfAssessmentDeps,
  params: z.output<typeof WithdrawParams>,
  user: AuthUser,
  locale: Locale,
): Promise<SelfAssessmentState> {
  const unitCode = writingUnit(user);
  const at = await unitInPeriod(deps.db, params.periodId, unitCode);
  const { periodId } = at;
  const submitted = versionedDocuments({
    ...versionedStates.policy,
    refuse: (doc: SelfAssessment) =>
      doc.status !== 'submitted'
        ? { key: 'selfAssessment.notSubmitted' as const }
        : doc.appraisalOpenedAt
          ? {
              key: 'selfAssessment.openedByAppraiser' as const,
              params: {
                time: formatVietnamTime(doc.appraisalOpenedAt),
                date: formatVietnamDate(doc.appraisalOpenedAt),
              },
            }
          : null,
  });
  const doc = await stateDocument(deps.db, periodId, unitCode);
  if (!doc) {
    throw new PortalError('E_CONFLICT', {
      key: 'selfAssessment.notSubmitted',
      current: toState(null, periodId, unitCode),
    });
  }
  await submitted.findAt(deps.db, doc._id, params.version);
  assertWritable(at.period, unitCode, doc.status, locale, new Date(), ['submitted']);

  const now = new Date();
  const version = params.version + 1;
  const payload: SelfAssessmentWithdrawn = {
    eventId: randomUUID(),
    periodId,
    unitCode,
    version,
    at: now.toISOString(),
    by: user.id,
    reason: params.reason,
  };
  const written = await submitted.write(
    deps.db,
    doc._id,
    doc.version,
    {
      $set: { status: 'draft', submittedAt: null, submittedBy: null },
      $push: {
        withdrawals: { at: now, by: user.id, username: user.username, reason: params.reason },
      },
    },
    {
      where: { status: 'submitted', appraisalOpenedAt: null },
      outbox: [
        outboxEvent(assessmentEvents.selfAssessmentWithdrawn.name, payload, payload.eventId),
        ...auditItems(user, {
          action: 'selfAssessment.withdrawn',
          target: target(periodId, unitCode),
          before: { status: 'submitted', version: doc.version, submittedAt: doc.submittedAt },
          after: { status: 'draft', version, reason: params.reason },
          units: [unitCode],
        }),
      ],
    },
  );
  return toState(written, periodId, unitCode);
}

/**
 * An appraiser's first opening of a submitted self-assessment (asked by the appraisal service,
 * which checked the appraiser's assignments): withdrawal ends. Conditioned on the state's version
 * the appraisal service read, as a withdrawal is, so of a withdrawal and an opening racing on
 * one version exactly one wins; the loser gets 409 with the state as it is now. Opening an
 * already opened submission returns it unchanged. Audited.
 */
export async function markAppraisalOpened(
  deps: SelfAssessmentDeps,
  params: { periodId: string; unitCode: string; version: number },
  user: AuthUser,
): Promise<SelfAssessmentState> {
  const at = await unitInPeriod(deps.db, params.periodId, params.unitCode);
  const { periodId } = at;
  const opened = versionedDocuments({
    ...versionedStates.policy,
    refuse: (doc: SelfAssessment) =>
      doc.status !== 'submitted' ? { key: 'selfAssessment.notSubmitted' as const } : null,
  });
  const doc = await stateDocument(deps.db, periodId, params.unitCode);
  if (!doc)
    throw new PortalError('E_CONFLICT', {
      key: 'selfAssessment.notSubmitted',
      current: toState(null, periodId, params.unitCode),
    });
  await opened.findAt(deps.db, doc._id, params.version);
  if (doc.appraisalOpenedAt) return toState(doc, periodId, params.unitCode);
  const now = new Date();
  const written = await opened.write(
    deps.db,
    doc._id,
    params.version,
    { $set: { appraisalOpenedAt: now } },
    {
      where: { status: 'submitted', appraisalOpenedAt: null },
      outbox: auditItems(user, {
        action: 'selfAssessment.openedByAppraiser',
        target: target(periodId, params.unitCode),
        before: { appraisalOpenedAt: null, version: doc.version },
        after: { appraisalOpenedAt: now, version: doc.version + 1 },
        units: [params.unitCode],
      }),
    },
  );
  return toState(written, periodId, params.unitCode);
}
