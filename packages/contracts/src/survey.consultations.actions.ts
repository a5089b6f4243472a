/**
 * Actions of the survey service on consultations (issue 13): a unit (its data-entry officers,
 * for their own unit from the token) or the admin posts a draft policy for comment until a
 * deadline; citizens comment without an account (public routes, limited per address by the
 * gateway); each comment stays pending until the unit or the admin approves it or rejects it
 * with a reason; only approved comments are shown to the public; after the deadline the unit
 * publishes a summary of what it took on. Comments are kept as typed: every page shows them as
 * text, never as HTML.
 *
 * Attachments (the draft itself as PDF, DOCX, XLSX or ODT): while the consultation is open the
 * unit's officers or the admin upload them straight to MinIO through a presigned POST (as the
 * evidence files, so no file body passes the gateway), then confirm; the service reads the bytes
 * back and keeps the file only if they are the kind claimed (a refused file is deleted), and
 * removes them. Citizens download attached files from the public page through a short-lived
 * presigned GET (`Content-Disposition` with the Vietnamese name), limited per address.
 */
import { z } from 'zod';
import { defineAction, viaGateway } from './action';
import { evidenceKinds, type EvidenceKind } from './evidence.actions';
import { SurveyUnitCode } from './survey.campaigns.actions';
import { CitizenName, requiredText, surveyRecordId, unitOrAdmin } from './survey.params';

/**
 * The largest JSON body a citizen's free text takes without login: a comment (2,000 characters)
 * or a question (4,000 characters of Vietnamese, 3 bytes each at most, and its title) fit.
 */
export const PUBLIC_TEXT_BODY_LIMIT = '16kb';
export const CONSULTATION_COMMENT_BODY_LIMIT = PUBLIC_TEXT_BODY_LIMIT;

export const ConsultationId = surveyRecordId('survey.consultation.notFound');

export const ConsultationIdParams = z.object({ id: ConsultationId });

export const CommentId = surveyRecordId('survey.comment.notFound');

export const commentStatuses = ['pending', 'approved', 'rejected'] as const;
export const CommentStatus = z.enum(commentStatuses);
export type CommentStatus = z.infer<typeof CommentStatus>;

export const ConsultationInput = z.object({
  /** The admin names the unit; an officer's own unit (from the token) is used otherwise. */
  unitCode: SurveyUnitCode.optional(),
  title: requiredText('survey.consultation.title', 300),
  text: requiredText('survey.consultation.text', 50_000),
  /** No comment is taken from this moment on. */
  closesAt: z.iso.datetime({ offset: true, error: 'survey.consultation.closesAt' }),
});
export type ConsultationInput = z.input<typeof ConsultationInput>;

const commentCounts = z.object({
  pending: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
});

export const Consultation = z.object({
  id: z.string(),
  unitCode: z.string(),
  title: z.string(),
  text: z.string(),
  closesAt: z.iso.datetime(),
  /** False from `closesAt` on: comments are refused. */
  accepting: z.boolean(),
  summary: z.string().nullable(),
  summaryPublishedAt: z.iso.datetime().nullable(),
  comments: commentCounts,
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type Consultation = z.infer<typeof Consultation>;

export const ConsultationComment = z.object({
  id: z.string(),
  /** What the citizen typed as their name; null when left empty. */
  authorName: z.string().nullable(),
  text: z.string(),
  status: CommentStatus,
  /** Why it was rejected (told to moderators only). */
  reason: z.string().nullable(),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ConsultationComment = z.infer<typeof ConsultationComment>;

export const ConsultationWithComments = Consultation.extend({
  commentList: z.array(ConsultationComment),
});
export type ConsultationWithComments = z.infer<typeof ConsultationWithComments>;

export const ConsultationList = z.object({ items: z.array(Consultation) });
export type ConsultationList = z.infer<typeof ConsultationList>;

export const ListConsultationsParams = z.object({
  /** The admin may narrow to one unit; an officer always sees their own unit only. */
  unitCode: SurveyUnitCode.optional(),
});

export const GetConsultationParams = z.object({
  id: ConsultationId,
  /** Only the comments in this state (the moderation queue is `pending`). */
  status: CommentStatus.optional(),
});

export const ModerateCommentParams = z.discriminatedUnion('decision', [
  z.object({
    id: ConsultationId,
    commentId: CommentId,
    decision: z.literal('approve'),
  }),
  z.object({
    id: ConsultationId,
    commentId: CommentId,
    decision: z.literal('reject'),
    reason: requiredText('survey.comment.reason', 500),
  }),
]);
export type ModerateCommentParams = z.input<typeof ModerateCommentParams>;

export const PublishSummaryParams = z.object({
  id: ConsultationId,
  summary: requiredText('survey.consultation.summary', 20_000),
});
export type PublishSummaryParams = z.input<typeof PublishSummaryParams>;

/** The kinds a consultation attachment may be, told by its bytes (`file-kind`). */
export const consultationAttachmentKinds = [
  'pdf',
  'docx',
  'xlsx',
  'odt',
] as const satisfies readonly EvidenceKind[];
/** The largest attachment: the evidence files' default limit, 20 MiB. */
export const CONSULTATION_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Attachments of one consultation, pending uploads included. */
export const CONSULTATION_ATTACHMENT_MAX_COUNT = 20;
/** The file picker's `accept`: the MIME types and extensions of the accepted kinds. */
export const consultationAttachmentAccept = consultationAttachmentKinds
  .flatMap((kind) => [
    ...evidenceKinds[kind].mimeTypes,
    ...evidenceKinds[kind].extensions.map((e) => `.${e}`),
  ])
  .join(',');

export const AttachmentId = surveyRecordId('survey.attachment.notFound');

export const ConsultationAttachment = z.object({
  id: z.string(),
  /** The name the uploader gave, for display and downloads only; never a storage key. */
  name: z.string(),
  /** Bytes: the declared size while pending, the stored size once attached. */
  size: z.number().int(),
  /** The declared type while pending; the type the bytes showed once attached. */
  contentType: z.string(),
  kind: z.enum(consultationAttachmentKinds).nullable(),
  status: z.enum(['pending', 'attached']),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type ConsultationAttachment = z.infer<typeof ConsultationAttachment>;

export const ConsultationAttachmentList = z.object({
  /** Attached files, oldest first (pending uploads are not listed). */
  items: z.array(ConsultationAttachment),
  /** True while the consultation is open: files may be added and removed. */
  editable: z.boolean(),
});
export type ConsultationAttachmentList = z.infer<typeof ConsultationAttachmentList>;

export const RequestAttachmentUploadParams = z.object({
  id: ConsultationId,
  name: z
    .string({ error: 'evidence.file.name' })
    .trim()
    .min(1, { error: 'evidence.file.name' })
    .max(255, { error: 'evidence.file.name' }),
  size: z.coerce
    .number({ error: 'evidence.file.size' })
    .int({ error: 'evidence.file.size' })
    .min(0, { error: 'evidence.file.size' }),
  /** What the browser says (`File.type`); may be empty, then the name's extension claims the type. */
  contentType: z.string().trim().max(200).optional().default(''),
});
export type RequestAttachmentUploadParams = z.input<typeof RequestAttachmentUploadParams>;

/**
 * An upload slot: POST `url` as `multipart/form-data` with every entry of `fields` and then the
 * file as `file` (last); then confirm. MinIO refuses a body of another size or type, or late.
 */
export const AttachmentUploadSlot = z.object({
  attachment: ConsultationAttachment,
  upload: z.object({
    method: z.literal('POST'),
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
  }),
});
export type AttachmentUploadSlot = z.infer<typeof AttachmentUploadSlot>;

export const AttachmentParams = z.object({ id: ConsultationId, attachmentId: AttachmentId });

export const RemovedAttachment = z.object({ id: z.string(), deleted: z.literal(true) });

/** A short-lived presigned GET of an attached file, with its name in `Content-Disposition`. */
export const AttachmentDownload = z.object({
  url: z.string(),
  expiresAt: z.iso.datetime(),
});
export type AttachmentDownload = z.infer<typeof AttachmentDownload>;

/** What the public sees of a consultation: no moderation data, approved comments only. */
export const PublicConsultation = Consultation.omit({ comments: true, createdBy: true }).extend({
  /** Attached files, each downloaded through `getPublicConsultationAttachment`. */
  attachments: z.array(
    ConsultationAttachment.pick({ id: true, name: true, size: true, kind: true }),
  ),
  approvedComments: z.array(
    z.object({
      id: z.string(),
      authorName: z.string().nullable(),
      text: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type PublicConsultation = z.infer<typeof PublicConsultation>;

export const PublicConsultationSummary = Consultation.pick({
  id: true,
  unitCode: true,
  title: true,
  closesAt: true,
  accepting: true,
  summaryPublishedAt: true,
});
export const PublicConsultationList = z.object({ items: z.array(PublicConsultationSummary) });
export type PublicConsultationList = z.infer<typeof PublicConsultationList>;

export const SubmitCommentParams = z.object({
  id: ConsultationId,
  authorName: CitizenName,
  text: requiredText('survey.comment.text', 2000),
});
export type SubmitCommentParams = z.input<typeof SubmitCommentParams>;

export const SubmittedComment = z.object({
  id: z.string(),
  status: CommentStatus,
  createdAt: z.iso.datetime(),
});
export type SubmittedComment = z.infer<typeof SubmittedComment>;

export const surveyConsultationActions = {
  listConsultations: defineAction({
    name: 'survey.listConsultations',
    summary: "Consultations with their comments' counts (an officer: their own unit's)",
    params: ListConsultationsParams,
    result: ConsultationList,
    roles: unitOrAdmin,
    rest: { method: 'GET', path: '/survey/consultations' },
  }),
  createConsultation: defineAction({
    name: 'survey.createConsultation',
    summary: 'Posts a draft policy for comment until a deadline',
    params: ConsultationInput,
    result: Consultation,
    roles: unitOrAdmin,
    // 50,000 characters of Vietnamese (3 bytes each at most) fit the gateway's default 256 kB.
    rest: { method: 'POST', path: '/survey/consultations', status: 201 },
  }),
  getConsultation: defineAction({
    name: 'survey.getConsultation',
    summary: 'A consultation with all its comments, pending, approved and rejected',
    params: GetConsultationParams,
    result: ConsultationWithComments,
    roles: unitOrAdmin,
    rest: { method: 'GET', path: '/survey/consultations/:id' },
  }),
  moderateComment: defineAction({
    name: 'survey.moderateComment',
    summary: 'Approves a pending comment (shown publicly) or rejects it with a reason',
    params: ModerateCommentParams,
    result: ConsultationComment,
    roles: unitOrAdmin,
    rest: { method: 'POST', path: '/survey/consultations/:id/comments/:commentId/moderation' },
  }),
  publishConsultationSummary: defineAction({
    name: 'survey.publishConsultationSummary',
    summary: 'Publishes, after the deadline, the summary of what the unit took on',
    params: PublishSummaryParams,
    result: Consultation,
    roles: unitOrAdmin,
    rest: { method: 'PUT', path: '/survey/consultations/:id/summary' },
  }),
  listPublicConsultations: defineAction({
    name: 'survey.listPublicConsultations',
    summary: 'Consultations, those taking comments first (public, no login)',
    params: z.object({}),
    result: PublicConsultationList,
    ...viaGateway,
    rest: { method: 'GET', path: '/public/consultations', public: true },
  }),
  getPublicConsultation: defineAction({
    name: 'survey.getPublicConsultation',
    summary: 'A consultation with its approved comments and summary (public, no login)',
    params: ConsultationIdParams,
    result: PublicConsultation,
    ...viaGateway,
    rest: { method: 'GET', path: '/public/consultations/:id', public: true },
  }),
  listConsultationAttachments: defineAction({
    name: 'survey.listConsultationAttachments',
    summary: "A consultation's attached files (an officer: their own unit's consultations)",
    params: ConsultationIdParams,
    result: ConsultationAttachmentList,
    roles: unitOrAdmin,
    rest: { method: 'GET', path: '/survey/consultations/:id/attachments' },
  }),
  requestConsultationAttachmentUpload: defineAction({
    name: 'survey.requestConsultationAttachmentUpload',
    summary:
      'A presigned POST to upload one attachment (PDF, DOCX, XLSX, ODT) of an open consultation to MinIO',
    params: RequestAttachmentUploadParams,
    result: AttachmentUploadSlot,
    roles: unitOrAdmin,
    rest: { method: 'POST', path: '/survey/consultations/:id/attachments', status: 201 },
  }),
  confirmConsultationAttachment: defineAction({
    name: 'survey.confirmConsultationAttachment',
    summary:
      'Checks an uploaded attachment (size, real type by its bytes) and attaches it; a refused file is deleted',
    params: AttachmentParams,
    result: ConsultationAttachment,
    roles: unitOrAdmin,
    rest: { method: 'POST', path: '/survey/consultations/:id/attachments/:attachmentId/confirm' },
  }),
  removeConsultationAttachment: defineAction({
    name: 'survey.removeConsultationAttachment',
    summary: 'Removes an attachment and its object while the consultation is open',
    params: AttachmentParams,
    result: RemovedAttachment,
    roles: unitOrAdmin,
    rest: { method: 'DELETE', path: '/survey/consultations/:id/attachments/:attachmentId' },
  }),
  getPublicConsultationAttachment: defineAction({
    name: 'survey.getPublicConsultationAttachment',
    summary:
      'A short-lived presigned download of an attached file (public, no login, limited per address)',
    params: AttachmentParams,
    result: AttachmentDownload,
    ...viaGateway,
    rest: {
      method: 'GET',
      path: '/public/consultations/:id/attachments/:attachmentId',
      public: true,
    },
  }),
  submitComment: defineAction({
    name: 'survey.submitComment',
    summary: "A citizen's comment (public, no login, limited per address); pending until moderated",
    params: SubmitCommentParams,
    result: SubmittedComment,
    ...viaGateway,
    rest: {
      method: 'POST',
      path: '/public/consultations/:id/comments',
      status: 201,
      bodyLimit: CONSULTATION_COMMENT_BODY_LIMIT,
      public: true,
    },
  }),
};

/** Whether a consultation still takes comments at `now`: strictly before its deadline. */
export const acceptsComments = (closesAt: string | Date, now: Date): boolean =>
  now.getTime() < new Date(closesAt).getTime();
