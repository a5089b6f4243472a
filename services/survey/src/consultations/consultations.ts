/**
 * Consultations on draft policies: posted by a unit's officers (their own unit, from the token)
 * or the admin; citizens' comments, each pending until a moderator of the unit approves it or
 * rejects it with a reason; the public sees approved comments only; after the deadline the unit
 * publishes its summary. A unit the admin names must be a unit active now (asked of the accounts
 * service). Each write is one insert or one conditional update, so a refused call writes nothing
 * and two moderators cannot both decide the same comment.
 */
import { Types, type Connection } from 'mongoose';
import {
  acceptsComments,
  formatVietnamDateTime,
  type AuthUser,
  type Consultation,
  type ConsultationComment,
  type ConsultationList,
  type ConsultationWithComments,
  type PublicConsultation,
  type PublicConsultationList,
  type SubmittedComment,
  type CommentStatus,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import {
  consultationCommentModel,
  type ConsultationCommentDocument,
} from '../models/consultation-comment.model';
import { consultationModel, type ConsultationDocument } from '../models/consultation.model';
import {
  consultationAttachmentModel,
  type ConsultationAttachmentDocument,
} from '../models/consultation-attachment.model';
import { assertManagesUnit, isAdmin, listedUnit } from '../unit-access';

export interface ConsultationDeps {
  db: Connection;
  now?: () => Date;
}

/** Posting also asks whether the unit the admin names is active now (the accounts service's answer). */
export interface CreateConsultationDeps extends ConsultationDeps {
  isActiveUnit: (code: string) => Promise<boolean>;
}

const nowOf = (deps: ConsultationDeps) => deps.now?.() ?? new Date();
/** The accounts service could not tell: 503, nothing written. */
const unitsUnavailable = (err: unknown): never => {
  throw new PortalError('E_UNAVAILABLE', {
    key: 'survey.consultation.unitsUnavailable',
    cause: String(err),
  });
};
const notFound = () => new PortalError('E_NOT_FOUND', { key: 'survey.consultation.notFound' });
/** The unit a caller manages: any for the admin, their own for an officer (none: refused). */
export const assertManages = (user: AuthUser, unitCode: string) =>
  assertManagesUnit(user, unitCode, 'survey.consultation.otherUnit');

type Counts = Consultation['comments'];
const noComments = (): Counts => ({ pending: 0, approved: 0, rejected: 0 });

async function countsOf(db: Connection, ids: string[]): Promise<Map<string, Counts>> {
  const rows = await consultationCommentModel(db).aggregate<{
    _id: { consultationId: string; status: CommentStatus };
    n: number;
  }>([
    { $match: { consultationId: { $in: ids } } },
    { $group: { _id: { consultationId: '$consultationId', status: '$status' }, n: { $sum: 1 } } },
  ]);
  const counts = new Map(ids.map((id) => [id, noComments()]));
  for (const row of rows) {
    const c = counts.get(row._id.consultationId);
    if (c) c[row._id.status] = row.n;
  }
  return counts;
}

function toConsultation(doc: ConsultationDocument, comments: Counts, now: Date): Consultation {
  return {
    id: doc._id.toHexString(),
    unitCode: doc.unitCode,
    title: doc.title,
    text: doc.text,
    closesAt: doc.closesAt.toISOString(),
    accepting: acceptsComments(doc.closesAt, now),
    summary: doc.summary,
    summaryPublishedAt: doc.summaryPublishedAt?.toISOString() ?? null,
    comments,
    createdAt: doc.createdAt.toISOString(),
    createdBy: doc.createdBy,
  };
}

function toComment(doc: ConsultationCommentDocument): ConsultationComment {
  return {
    id: doc._id.toHexString(),
    authorName: doc.authorName,
    text: doc.text,
    status: doc.status,
    reason: doc.reason,
    moderatedBy: doc.moderatedBy,
    moderatedAt: doc.moderatedAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
  };
}

export async function find(db: Connection, id: string): Promise<ConsultationDocument> {
  const doc = await consultationModel(db).findById(id).lean<ConsultationDocument>();
  if (!doc) throw notFound();
  return doc;
}

export async function listConsultations(
  deps: ConsultationDeps,
  params: { unitCode?: string },
  user: AuthUser,
): Promise<ConsultationList> {
  const unitCode = listedUnit(user, params.unitCode, 'survey.consultation.otherUnit');
  const docs = await consultationModel(deps.db)
    .find(unitCode ? { unitCode } : {})
    .sort({ closesAt: -1 })
    .limit(500)
    .lean<ConsultationDocument[]>();
  const counts = await countsOf(
    deps.db,
    docs.map((d) => d._id.toHexString()),
  );
  const now = nowOf(deps);
  return {
    items: docs.map((d) => toConsultation(d, counts.get(d._id.toHexString())!, now)),
  };
}

export async function createConsultation(
  deps: CreateConsultationDeps,
  params: { unitCode?: string; title: string; text: string; closesAt: string },
  user: AuthUser,
): Promise<Consultation> {
  const unitCode = isAdmin(user) ? params.unitCode : user.unit?.toUpperCase();
  if (!unitCode)
    throw new PortalError('E_VALIDATION', {
      key: 'survey.consultation.unit',
      fields: [{ field: 'unitCode', key: 'survey.consultation.unit' }],
    });
  // An officer naming another unit is refused, not silently moved to their own.
  if (params.unitCode !== undefined) assertManages(user, params.unitCode);
  const now = nowOf(deps);
  const closesAt = new Date(params.closesAt);
  if (!acceptsComments(closesAt, now))
    throw new PortalError('E_VALIDATION', {
      key: 'survey.consultation.closesAt',
      fields: [{ field: 'closesAt', key: 'survey.consultation.closesAt' }],
    });
  // The admin names the unit by its code: a code that names no active unit is refused before
  // anything is written. An officer's unit comes from their verified token.
  if (isAdmin(user) && !(await deps.isActiveUnit(unitCode).catch(unitsUnavailable)))
    throw new PortalError('E_VALIDATION', {
      key: 'survey.consultation.unitUnknown',
      params: { code: unitCode },
      fields: [{ field: 'unitCode', key: 'survey.consultation.unitUnknown' }],
    });
  const [doc] = await consultationModel(deps.db).create([
    {
      unitCode,
      title: params.title,
      text: params.text,
      closesAt,
      summary: null,
      summaryPublishedAt: null,
      summaryBy: null,
      createdBy: user.username,
      createdAt: now,
    },
  ]);
  return toConsultation(doc!.toObject(), noComments(), now);
}

export async function getConsultation(
  deps: ConsultationDeps,
  params: { id: string; status?: CommentStatus },
  user: AuthUser,
): Promise<ConsultationWithComments> {
  const doc = await find(deps.db, params.id);
  assertManages(user, doc.unitCode);
  const [counts, comments] = await Promise.all([
    countsOf(deps.db, [params.id]),
    consultationCommentModel(deps.db)
      .find({ consultationId: params.id, ...(params.status ? { status: params.status } : {}) })
      .sort({ createdAt: 1 })
      .limit(5000)
      .lean<ConsultationCommentDocument[]>(),
  ]);
  return {
    ...toConsultation(doc, counts.get(params.id)!, nowOf(deps)),
    commentList: comments.map(toComment),
  };
}

export async function moderateComment(
  deps: ConsultationDeps,
  params: { id: string; commentId: string; decision: 'approve' | 'reject'; reason?: string },
  user: AuthUser,
): Promise<ConsultationComment> {
  const doc = await find(deps.db, params.id);
  assertManages(user, doc.unitCode);
  const comments = consultationCommentModel(deps.db);
  // Only a pending comment changes: the second of two moderators gets a 409, not a silent flip.
  const updated = await comments
    .findOneAndUpdate(
      { _id: new Types.ObjectId(params.commentId), consultationId: params.id, status: 'pending' },
      {
        $set: {
          status: params.decision === 'approve' ? 'approved' : 'rejected',
          reason: params.decision === 'reject' ? params.reason! : null,
          moderatedBy: user.username,
          moderatedAt: nowOf(deps),
        },
      },
      { new: true },
    )
    .lean<ConsultationCommentDocument>();
  if (updated) return toComment(updated);
  const exists = await comments.exists({
    _id: new Types.ObjectId(params.commentId),
    consultationId: params.id,
  });
  throw exists
    ? new PortalError('E_CONFLICT', { key: 'survey.comment.alreadyModerated' })
    : new PortalError('E_NOT_FOUND', { key: 'survey.comment.notFound' });
}

export async function publishSummary(
  deps: ConsultationDeps,
  params: { id: string; summary: string },
  user: AuthUser,
): Promise<Consultation> {
  const doc = await find(deps.db, params.id);
  assertManages(user, doc.unitCode);
  const now = nowOf(deps);
  if (acceptsComments(doc.closesAt, now))
    throw new PortalError('E_CONFLICT', {
      key: 'survey.consultation.stillOpen',
      params: { closesAt: formatVietnamDateTime(doc.closesAt) },
    });
  const updated = await consultationModel(deps.db)
    .findByIdAndUpdate(
      params.id,
      { $set: { summary: params.summary, summaryPublishedAt: now, summaryBy: user.username } },
      { new: true },
    )
    .lean<ConsultationDocument>();
  if (!updated) throw notFound();
  const counts = await countsOf(deps.db, [params.id]);
  return toConsultation(updated, counts.get(params.id)!, now);
}

export async function listPublicConsultations(
  deps: ConsultationDeps,
): Promise<PublicConsultationList> {
  const now = nowOf(deps);
  const docs = await consultationModel(deps.db)
    .find({}, { unitCode: 1, title: 1, closesAt: 1, summaryPublishedAt: 1 })
    .sort({ closesAt: -1 })
    .limit(200)
    .lean<ConsultationDocument[]>();
  const items = docs.map((d) => ({
    id: d._id.toHexString(),
    unitCode: d.unitCode,
    title: d.title,
    closesAt: d.closesAt.toISOString(),
    accepting: acceptsComments(d.closesAt, now),
    summaryPublishedAt: d.summaryPublishedAt?.toISOString() ?? null,
  }));
  // Those taking comments first, the nearest deadline first; then the ended, newest first.
  const open = items.filter((i) => i.accepting).reverse();
  return { items: [...open, ...items.filter((i) => !i.accepting)] };
}

export async function getPublicConsultation(
  deps: ConsultationDeps,
  params: { id: string },
): Promise<PublicConsultation> {
  const doc = await find(deps.db, params.id);
  const [approved, attachments] = await Promise.all([
    consultationCommentModel(deps.db)
      .find({ consultationId: params.id, status: 'approved' })
      .sort({ createdAt: 1 })
      .limit(5000)
      .lean<ConsultationCommentDocument[]>(),
    consultationAttachmentModel(deps.db)
      .find({ consultationId: doc._id, status: 'attached' })
      .sort({ createdAt: 1, _id: 1 })
      .lean<ConsultationAttachmentDocument[]>(),
  ]);
  const { comments: _c, createdBy: _b, ...rest } = toConsultation(doc, noComments(), nowOf(deps));
  return {
    ...rest,
    attachments: attachments.map((a) => ({
      id: a._id.toHexString(),
      name: a.name,
      size: a.size ?? a.declaredSize,
      kind: a.kind as PublicConsultation['attachments'][number]['kind'],
    })),
    approvedComments: approved.map((c) => ({
      id: c._id.toHexString(),
      authorName: c.authorName,
      text: c.text,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

export async function submitComment(
  deps: ConsultationDeps,
  params: { id: string; authorName: string | null; text: string },
): Promise<SubmittedComment> {
  const doc = await find(deps.db, params.id);
  const now = nowOf(deps);
  if (!acceptsComments(doc.closesAt, now))
    throw new PortalError('E_DEADLINE_PASSED', {
      key: 'survey.consultation.closed',
      params: { closesAt: formatVietnamDateTime(doc.closesAt) },
    });
  const [created] = await consultationCommentModel(deps.db).create([
    {
      consultationId: params.id,
      authorName: params.authorName,
      text: params.text,
      status: 'pending',
      reason: null,
      moderatedBy: null,
      moderatedAt: null,
      createdAt: now,
    },
  ]);
  return { id: created!._id.toHexString(), status: 'pending', createdAt: now.toISOString() };
}
