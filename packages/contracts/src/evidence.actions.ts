/**
 * Actions of the evidence service (issue 10): evidence files of one unit in one period, uploaded
 * straight to MinIO through a presigned POST policy, checked by their bytes before they count,
 * attached to one or more criterion codes, read through short-lived presigned URLs.
 *
 * Who: `data-entry` officers for their own unit's files only (the unit comes from the token,
 * never from params); `admin` reads every unit's files. Appraisers get read access to the files
 * of the entries assigned to them with the appraisal issue (issue 11): add `appraisal` to the
 * read actions' roles then, with the assignment check in the service's access rules.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { CriterionCode } from './assessment.criteria';

/**
 * The kinds of file the portal can recognise by their bytes, with the MIME types and file-name
 * extensions that claim each. Which of them a deployment accepts is the evidence service's
 * setting (`PAR_EVIDENCE_KINDS`); the browser may use this table for its file picker's `accept`.
 */
export const evidenceKinds = {
  pdf: { label: 'PDF', mimeTypes: ['application/pdf'], extensions: ['pdf'] },
  docx: {
    label: 'Word (.docx)',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    extensions: ['docx'],
  },
  xlsx: {
    label: 'Excel (.xlsx)',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    extensions: ['xlsx'],
  },
  pptx: {
    label: 'PowerPoint (.pptx)',
    mimeTypes: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    extensions: ['pptx'],
  },
  /** Word, Excel and PowerPoint 97–2003 share one container (OLE2); their bytes do not tell which. */
  msOffice: {
    label: 'Word/Excel/PowerPoint 97–2003 (.doc, .xls, .ppt)',
    mimeTypes: ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
    extensions: ['doc', 'xls', 'ppt'],
  },
  odt: {
    label: 'OpenDocument (.odt)',
    mimeTypes: ['application/vnd.oasis.opendocument.text'],
    extensions: ['odt'],
  },
  png: { label: 'PNG', mimeTypes: ['image/png'], extensions: ['png'] },
  jpeg: { label: 'JPEG', mimeTypes: ['image/jpeg'], extensions: ['jpg', 'jpeg'] },
  zip: {
    label: 'ZIP',
    mimeTypes: ['application/zip', 'application/x-zip-compressed'],
    extensions: ['zip'],
  },
} as const satisfies Record<
  string,
  { label: string; mimeTypes: readonly string[]; extensions: readonly string[] }
>;
export type EvidenceKind = keyof typeof evidenceKinds;
export const evidenceKindNames = Object.keys(evidenceKinds) as EvidenceKind[];

const ObjectIdText = z
  .string({ error: 'evidence.file.notFound' })
  .regex(/^[0-9a-f]{24}$/, { error: 'evidence.file.notFound' });

/** A period's id as the assessment service gives it. */
export const EvidencePeriodId = z
  .string({ error: 'field.required' })
  .trim()
  .regex(/^[0-9a-f]{24}$/, { error: 'field.required' });

const CriterionCodes = z
  .array(CriterionCode, { error: 'evidence.criteria.required' })
  .min(1, { error: 'evidence.criteria.required' })
  .max(100)
  .transform((codes) => [...new Set(codes)]);

/** Pending: a slot was issued and the bytes not yet checked; attached: checked and counting. */
export const evidenceFileStatuses = ['pending', 'attached'] as const;
export const EvidenceFileStatus = z.enum(evidenceFileStatuses);

export const EvidenceFile = z.object({
  id: z.string(),
  periodId: z.string(),
  unitCode: z.string(),
  /** The name the user gave, for display and downloads only; never a storage key. */
  name: z.string(),
  /** Bytes: the declared size while pending, the stored size once attached. */
  size: z.number().int(),
  /** The declared type while pending; the type the bytes showed once attached. */
  contentType: z.string(),
  kind: z.enum(evidenceKindNames as [EvidenceKind, ...EvidenceKind[]]).nullable(),
  /** Hex SHA-256 of the stored bytes, once attached. */
  sha256: z.string().nullable(),
  criterionCodes: z.array(z.string()),
  status: EvidenceFileStatus,
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
  attachedAt: z.iso.datetime().nullable(),
  /**
   * Added by the unit in the clarification phase to a questioned entry (after its submission):
   * the unit may delete it until the clarification deadline; the submitted files stay frozen.
   */
  addedInClarification: z.boolean().default(false),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const RequestUploadParams = z.object({
  periodId: EvidencePeriodId,
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
  criterionCodes: CriterionCodes,
});
export type RequestUploadParams = z.input<typeof RequestUploadParams>;

/**
 * An upload slot: POST `url` as `multipart/form-data` with every entry of `fields` and then the
 * file as `file` (last). MinIO refuses a body of another size or content type, or after `expiresAt`.
 */
export const UploadSlot = z.object({
  file: EvidenceFile,
  upload: z.object({
    method: z.literal('POST'),
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime(),
  }),
});
export type UploadSlot = z.infer<typeof UploadSlot>;

export const EvidenceFileIdParams = z.object({ id: ObjectIdText });

export const EvidenceCriteriaParams = z.object({
  id: ObjectIdText,
  criterionCodes: CriterionCodes,
});

export const ListEvidenceParams = z.object({
  periodId: EvidencePeriodId,
  /** Admins name the unit (absent: every unit of the period); officers get their own unit's. */
  unitCode: z.string().trim().toUpperCase().optional(),
});

export const EvidenceFileList = z.object({
  items: z.array(EvidenceFile),
  /** True once the unit's self-assessment is submitted: no file may be added, changed or deleted. */
  frozen: z.boolean(),
});
export type EvidenceFileList = z.infer<typeof EvidenceFileList>;

export const DownloadUrl = z.object({
  url: z.string(),
  /** `inline` for PDF and images, so the page can preview them; `attachment` otherwise. */
  disposition: z.enum(['inline', 'attachment']),
  expiresAt: z.iso.datetime(),
});
export type DownloadUrl = z.infer<typeof DownloadUrl>;

export const DeletedEvidenceFile = z.object({ id: z.string(), deleted: z.literal(true) });

export const CountEvidenceParams = z.object({
  periodId: EvidencePeriodId,
  /** One unit's counts; absent: every unit of the period (the progress board). */
  unitCode: z.string().trim().toUpperCase().optional(),
});

/** Attached files per unit and criterion: a file serving three criteria counts for each. */
export const EvidenceCounts = z.object({
  items: z.array(
    z.object({ unitCode: z.string(), criterionCode: z.string(), count: z.number().int() }),
  ),
});
export type EvidenceCounts = z.infer<typeof EvidenceCounts>;

const writers = ['data-entry'] as const;
const readers = ['data-entry', 'admin'] as const;
/**
 * Appraisers read too (issue 11), only the files serving entries their assignments cover: the
 * evidence service asks the appraisal service (`appraisal.listAssignedLeaves`) with their token;
 * a listing must name the unit.
 */
const readersAndAppraisers = [...readers, 'appraisal'] as const;

export const evidenceActions = {
  requestUpload: defineAction({
    name: 'evidence.requestUpload',
    summary:
      "A presigned POST to upload one file of the caller's unit to MinIO, bound to its declared size and type",
    params: RequestUploadParams,
    result: UploadSlot,
    roles: writers,
    rest: { method: 'POST', path: '/evidence/uploads', status: 201 },
  }),
  confirmUpload: defineAction({
    name: 'evidence.confirmUpload',
    summary:
      'Check an uploaded file (size, SHA-256, real type by its bytes) and attach it; a refused file is deleted',
    params: EvidenceFileIdParams,
    result: EvidenceFile,
    roles: writers,
    rest: { method: 'POST', path: '/evidence/files/:id/confirm' },
  }),
  listFiles: defineAction({
    name: 'evidence.listFiles',
    summary: 'The evidence files of a unit in a period, with the criteria each serves',
    params: ListEvidenceParams,
    result: EvidenceFileList,
    roles: readersAndAppraisers,
    rest: { method: 'GET', path: '/evidence/files' },
  }),
  getDownloadUrl: defineAction({
    name: 'evidence.getDownloadUrl',
    summary: 'A short-lived presigned GET of an attached file (inline for PDF and images)',
    params: EvidenceFileIdParams,
    result: DownloadUrl,
    roles: readersAndAppraisers,
    rest: { method: 'GET', path: '/evidence/files/:id/download' },
  }),
  attach: defineAction({
    name: 'evidence.attach',
    summary: 'Let an attached file serve more criteria',
    params: EvidenceCriteriaParams,
    result: EvidenceFile,
    roles: writers,
    rest: { method: 'POST', path: '/evidence/files/:id/attach' },
  }),
  detach: defineAction({
    name: 'evidence.detach',
    summary: 'Stop a file serving some criteria (not its last one: delete the file instead)',
    params: EvidenceCriteriaParams,
    result: EvidenceFile,
    roles: writers,
    rest: { method: 'POST', path: '/evidence/files/:id/detach' },
  }),
  deleteFile: defineAction({
    name: 'evidence.deleteFile',
    summary: "Delete a file and its object (409 once the unit's self-assessment is submitted)",
    params: EvidenceFileIdParams,
    result: DeletedEvidenceFile,
    roles: writers,
    rest: { method: 'DELETE', path: '/evidence/files/:id' },
  }),
  countFiles: defineAction({
    name: 'evidence.countFiles',
    summary:
      'Attached files per unit and criterion of a period, for completeness (the assessment service)',
    params: CountEvidenceParams,
    result: EvidenceCounts,
    // Bus only: the assessment service's completeness checks and progress board.
    roles: [],
    services: ['assessment'],
  }),
};
