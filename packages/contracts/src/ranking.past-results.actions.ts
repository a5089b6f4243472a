/**
 * The past results import (issue 12): a province arriving from another system has last year's
 * results only in spreadsheets. The admin imports a past period's per-unit, per-criterion self and
 * appraised scores, so that the year-on-year comparison works in the first year: a consolidation
 * whose previous period was never consolidated here consolidates these results instead.
 *
 * Who: the admin only.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { AppraisalPeriodId } from './appraisal.assignments.actions';

/**
 * Largest past results sheet accepted, decoded, and its rows (a province's units × leaves): 50,000
 * rows of four short cells make an .xlsx of about 1 MB, so the survey import's 2 MB (3 MB as the
 * base64 body, the largest the Ingress is sized for) holds them.
 */
export const PAST_RESULTS_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const PAST_RESULTS_IMPORT_MAX_ROWS = 50_000;

export const pastResultsSheetFields = [
  'unitCode',
  'criterionCode',
  'selfScore',
  'appraisedScore',
] as const;
export type PastResultsSheetField = (typeof pastResultsSheetFields)[number];

/** Which column plays which role, by position (null: left out); guessed from the header when absent. */
export const PastResultsSheetMapping = z.object({
  roles: z.array(z.enum(pastResultsSheetFields).nullable()).max(200),
});
export type PastResultsSheetMapping = z.input<typeof PastResultsSheetMapping>;

export const PastResultsImportParams = z.object({
  /** The past period (last year's, created for the purpose, with that year's criteria sets). */
  periodId: AppraisalPeriodId,
  fileName: z.string({ error: 'field.required' }).trim().min(1).max(255),
  contentBase64: z.string({ error: 'field.required' }).min(1).max(4_000_000),
  mapping: PastResultsSheetMapping.optional(),
});
export type PastResultsImportParams = z.input<typeof PastResultsImportParams>;

export const PastResultsImportRow = z.object({
  /** As a spreadsheet shows it: the header is row 1. */
  row: z.number().int(),
  values: z.record(z.string(), z.string().nullable()),
  /** Hundredths (a deduction's as a negative number), once the row has no error. */
  selfScore: z.number().int().nullable(),
  appraisedScore: z.number().int().nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

export const PastResultsImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** How the sheet was read: its header, the roles guessed and used, and what is wrong with them. */
  sheet: z.object({
    headerRow: z.number().int(),
    header: z.array(z.string()),
    guessed: z.array(z.enum(pastResultsSheetFields).nullable()),
    mapping: z.object({ roles: z.array(z.enum(pastResultsSheetFields).nullable()) }),
    problems: z.array(z.object({ message: z.string(), columns: z.array(z.number().int()) })),
    /** The first rows as read, for the mapping step's examples. */
    rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  }),
  rows: z.array(PastResultsImportRow),
  totals: z.object({
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    errors: z.number().int(),
  }),
  /** The import this one would replace whole, if the period has one. */
  replaces: z
    .object({ importId: z.string(), fileName: z.string(), at: z.iso.datetime(), rows: z.number() })
    .nullable(),
});
export type PastResultsImportPreview = z.infer<typeof PastResultsImportPreview>;

export const PastResultsImportResult = z.object({
  importId: z.string(),
  fileName: z.string(),
  /** Unit × criterion rows written. */
  written: z.number().int(),
  units: z.number().int(),
  /** The earlier import of the period this one replaced whole, or null. */
  replacedImportId: z.string().nullable(),
});
export type PastResultsImportResult = z.infer<typeof PastResultsImportResult>;

const admin = ['admin'] as const;
const base = '/ranking/periods/:periodId/past-results/import';

export const rankingPastResultsActions = {
  previewPastResultsImport: defineAction({
    name: 'ranking.previewPastResultsImport',
    summary:
      "Read a past period's results sheet (unit, criterion, self and appraised score) and show every row with its errors; writes nothing",
    params: PastResultsImportParams,
    result: PastResultsImportPreview,
    roles: admin,
    rest: { method: 'POST', path: `${base}/preview`, bodyLimit: '3mb' },
  }),
  commitPastResultsImport: defineAction({
    name: 'ranking.commitPastResultsImport',
    summary:
      "Import a past period's results: all rows or, on any error, none (422); a re-import replaces the period's earlier one whole",
    params: PastResultsImportParams,
    result: PastResultsImportResult,
    roles: admin,
    rest: { method: 'POST', path: base, bodyLimit: '3mb' },
  }),
};
