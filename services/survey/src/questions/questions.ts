/**
 * Citizens' questions to units: asked without login, routed by the admin to another unit (the
 * history kept), answered and published by the unit's officers (their own unit, from the token)
 * or the admin, or rejected with a reason the public never sees. Each write is one insert or one
 * version-conditioned update of the question (no transactions on FerretDB), its audit entry in
 * the same update's outbox, so a refused call writes nothing and of two racing writers one wins.
 */
import { type Connection } from 'mongoose';
import {
  formatMessage,
  type AskedQuestion,
  type AuthUser,
  type MessageKey,
  type PublicQuestion,
  type PublicQuestionList,
  type CitizenQuestion,
  type QuestionList,
  type QuestionStatistics,
  type QuestionStatus,
} from '@par/contracts';
import { PortalError, versionedDocuments } from '@par/service-kit';
import { auditItem } from '../models/audit-entry.model';
import { questionModel, type QuestionDocument } from '../models/question.model';
import { assertManagesUnit, listedUnit } from '../unit-access';
import type { UnitExists } from '../known-units';
import { questionStatistics, type QuestionTimes } from './statistics';

export interface QuestionDeps {
  db: Connection;
  /** Whether a unit code names an active unit (the accounts service's list). */
  unitExists: UnitExists;
  now?: () => Date;
}

const nowOf = (deps: QuestionDeps) => deps.now?.() ?? new Date();
const otherUnit: MessageKey = 'survey.question.otherUnit';
const notFound = () => new PortalError('E_NOT_FOUND', { key: 'survey.question.notFound' });

/** A 422 on `field` unless `unitCode` names an active unit; 503 when that cannot be told. */
async function assertKnownUnit(deps: QuestionDeps, unitCode: string, field: string) {
  const exists = await deps.unitExists(unitCode).catch((err: unknown) => {
    throw new PortalError('E_UNAVAILABLE', {
      key: 'survey.question.unitsUnavailable',
      cause: String(err),
    });
  });
  if (!exists)
    throw new PortalError('E_VALIDATION', {
      key: 'survey.question.unknownUnit',
      params: { unit: unitCode },
      fields: [
        { field, message: formatMessage('survey.question.unknownUnit', { unit: unitCode }) },
      ],
    });
}

export function toQuestion(doc: QuestionDocument): CitizenQuestion {
  return {
    id: doc._id.toHexString(),
    unitCode: doc.unitCode,
    title: doc.title,
    text: doc.text,
    authorName: doc.authorName,
    status: doc.status,
    askedAt: doc.askedAt.toISOString(),
    unitSince: doc.unitSince.toISOString(),
    routings: doc.routings.map((r) => ({
      fromUnitCode: r.fromUnitCode,
      toUnitCode: r.toUnitCode,
      note: r.note,
      by: r.by,
      at: r.at.toISOString(),
    })),
    answer: doc.answer,
    answeredBy: doc.answeredBy,
    answeredAt: doc.answeredAt?.toISOString() ?? null,
    publishedAt: doc.publishedAt?.toISOString() ?? null,
    rejectReason: doc.rejectReason,
    rejectedAt: doc.rejectedAt?.toISOString() ?? null,
    version: doc.version,
  };
}

const toPublic = (doc: QuestionDocument): PublicQuestion => ({
  id: doc._id.toHexString(),
  unitCode: doc.unitCode,
  title: doc.title,
  text: doc.text,
  authorName: doc.authorName,
  askedAt: doc.askedAt.toISOString(),
  answer: doc.answer,
  publishedAt: doc.publishedAt?.toISOString() ?? null,
});

const versionedQuestions = versionedDocuments({
  model: questionModel,
  toCurrent: toQuestion,
  stale: () => ({ key: 'survey.question.stale', field: 'version' }),
  notFound: { key: 'survey.question.notFound' },
});

/** The states each change starts from; any other is a 409 naming the state. */
const from = {
  route: ['new', 'routed'],
  answer: ['new', 'routed', 'answered'],
  publish: ['answered'],
  reject: ['new', 'routed', 'answered'],
} as const satisfies Record<string, readonly QuestionStatus[]>;
type Change = keyof typeof from;

const statusWords: Record<QuestionStatus, string> = {
  new: 'mới',
  routed: 'đã chuyển',
  answered: 'đã trả lời',
  published: 'đã công bố',
  rejected: 'đã từ chối',
};
const changeWords: Record<Change, string> = {
  route: 'chuyển đơn vị',
  answer: 'sửa câu trả lời',
  publish: 'công bố',
  reject: 'từ chối',
};

/** The question at the version the caller saw, managed by them, in a state `change` starts from. */
async function questionFor(
  db: Connection,
  change: Change,
  params: { id: string; version: number },
  user: AuthUser,
): Promise<QuestionDocument> {
  const doc = await versionedQuestions.find(db, params.id);
  // Who may act comes first: another unit's officer learns nothing of its state or version.
  assertManagesUnit(user, doc.unitCode, otherUnit);
  if (change === 'publish' && (doc.status === 'new' || doc.status === 'routed'))
    throw new PortalError('E_CONFLICT', { key: 'survey.question.noAnswer' });
  if (!(from[change] as readonly QuestionStatus[]).includes(doc.status))
    throw new PortalError('E_CONFLICT', {
      key: 'survey.question.state',
      params: { status: statusWords[doc.status], what: changeWords[change] },
      current: toQuestion(doc),
    });
  return versionedQuestions.findAt(db, params.id, params.version);
}

async function write(
  db: Connection,
  change: Change,
  before: QuestionDocument,
  user: AuthUser,
  $set: Partial<QuestionDocument>,
  extra: Record<string, unknown> = {},
): Promise<CitizenQuestion> {
  const id = before._id.toHexString();
  const written = await versionedQuestions.write(
    db,
    id,
    before.version,
    { $set, ...extra },
    {
      where: { status: { $in: from[change] }, unitCode: before.unitCode },
      outbox: [
        auditItem(user, {
          action: `question.${change}`,
          target: `question:${id}`,
          subject: id,
          before: { status: before.status, unitCode: before.unitCode },
          after: {
            status: $set.status ?? before.status,
            unitCode: $set.unitCode ?? before.unitCode,
          },
        }),
      ],
    },
  );
  return toQuestion(written);
}

export async function listQuestions(
  deps: QuestionDeps,
  params: { unitCode?: string; status?: QuestionStatus; limit: number; offset: number },
  user: AuthUser,
): Promise<QuestionList> {
  const unitCode = listedUnit(user, params.unitCode, otherUnit);
  const filter = {
    ...(unitCode ? { unitCode } : {}),
    ...(params.status ? { status: params.status } : {}),
  };
  const model = questionModel(deps.db);
  const [docs, total] = await Promise.all([
    model
      .find(filter, { outbox: 0 })
      .sort({ askedAt: -1, _id: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<QuestionDocument[]>(),
    model.countDocuments(filter),
  ]);
  return { items: docs.map(toQuestion), total };
}

export async function getQuestion(
  deps: QuestionDeps,
  params: { id: string },
  user: AuthUser,
): Promise<CitizenQuestion> {
  const doc = await versionedQuestions.find(deps.db, params.id);
  assertManagesUnit(user, doc.unitCode, otherUnit);
  return toQuestion(doc);
}

export async function routeQuestion(
  deps: QuestionDeps,
  params: { id: string; version: number; toUnitCode: string; note: string },
  user: AuthUser,
): Promise<CitizenQuestion> {
  const before = await questionFor(deps.db, 'route', params, user);
  if (before.unitCode === params.toUnitCode)
    throw new PortalError('E_VALIDATION', {
      key: 'survey.question.sameUnit',
      params: { unit: before.unitCode },
      fields: [
        {
          field: 'toUnitCode',
          message: formatMessage('survey.question.sameUnit', { unit: before.unitCode }),
        },
      ],
    });
  await assertKnownUnit(deps, params.toUnitCode, 'toUnitCode');
  const now = nowOf(deps);
  return write(
    deps.db,
    'route',
    before,
    user,
    { unitCode: params.toUnitCode, status: 'routed', unitSince: now },
    {
      $push: {
        routings: {
          fromUnitCode: before.unitCode,
          toUnitCode: params.toUnitCode,
          note: params.note,
          by: user.username,
          at: now,
        },
      },
    },
  );
}

export async function answerQuestion(
  deps: QuestionDeps,
  params: { id: string; version: number; answer: string },
  user: AuthUser,
): Promise<CitizenQuestion> {
  const before = await questionFor(deps.db, 'answer', params, user);
  return write(deps.db, 'answer', before, user, {
    status: 'answered',
    answer: params.answer,
    answeredBy: user.username,
    // Time to answer measures the first answer; an edit before publishing keeps it.
    answeredAt: before.answeredAt ?? nowOf(deps),
  });
}

export async function publishQuestion(
  deps: QuestionDeps,
  params: { id: string; version: number },
  user: AuthUser,
): Promise<CitizenQuestion> {
  const before = await questionFor(deps.db, 'publish', params, user);
  return write(deps.db, 'publish', before, user, {
    status: 'published',
    publishedAt: nowOf(deps),
    publishedBy: user.username,
  });
}

export async function rejectQuestion(
  deps: QuestionDeps,
  params: { id: string; version: number; reason: string },
  user: AuthUser,
): Promise<CitizenQuestion> {
  const before = await questionFor(deps.db, 'reject', params, user);
  return write(deps.db, 'reject', before, user, {
    status: 'rejected',
    rejectReason: params.reason,
    rejectedBy: user.username,
    rejectedAt: nowOf(deps),
  });
}

async function allTimes(db: Connection): Promise<QuestionTimes[]> {
  return questionModel(db)
    .find({}, { unitCode: 1, status: 1, unitSince: 1, answeredAt: 1 })
    .limit(100_000)
    .lean<QuestionTimes[]>();
}

export async function statistics(deps: QuestionDeps): Promise<QuestionStatistics> {
  const now = nowOf(deps);
  return { units: questionStatistics(await allTimes(deps.db), now), computedAt: now.toISOString() };
}

export async function askQuestion(
  deps: QuestionDeps,
  params: { unitCode: string; title: string; text: string; authorName: string | null },
): Promise<AskedQuestion> {
  await assertKnownUnit(deps, params.unitCode, 'unitCode');
  const now = nowOf(deps);
  const [created] = await questionModel(deps.db).create([
    {
      unitCode: params.unitCode,
      title: params.title,
      text: params.text,
      authorName: params.authorName,
      status: 'new',
      askedAt: now,
      unitSince: now,
      routings: [],
      answer: null,
      answeredBy: null,
      answeredAt: null,
      publishedAt: null,
      publishedBy: null,
      rejectReason: null,
      rejectedBy: null,
      rejectedAt: null,
      version: 1,
    },
  ]);
  return { id: created!._id.toHexString(), unitCode: params.unitCode, askedAt: now.toISOString() };
}

export async function listPublicQuestions(
  deps: QuestionDeps,
  params: { unitCode?: string; limit: number; offset: number },
): Promise<PublicQuestionList> {
  const filter = {
    status: 'published' as const,
    ...(params.unitCode ? { unitCode: params.unitCode } : {}),
  };
  const model = questionModel(deps.db);
  const [docs, total, times] = await Promise.all([
    model
      .find(filter, { outbox: 0, routings: 0 })
      .sort({ publishedAt: -1, _id: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<QuestionDocument[]>(),
    model.countDocuments(filter),
    allTimes(deps.db),
  ]);
  const units = questionStatistics(times, nowOf(deps))
    .filter((u) => u.published > 0)
    .map(({ unitCode, answered, medianHoursToAnswer }) => ({
      unitCode,
      answered,
      medianHoursToAnswer,
    }));
  return { items: docs.map(toPublic), total, units };
}

export async function getPublicQuestion(
  deps: QuestionDeps,
  params: { id: string },
): Promise<PublicQuestion> {
  const doc = await questionModel(deps.db)
    .findOne({ _id: params.id, status: 'published' }, { outbox: 0 })
    .lean<QuestionDocument>();
  if (!doc) throw notFound();
  return toPublic(doc);
}
