/**
 * The ranking's reports (issue 12): a period's draft consolidation or one of its published
 * versions as Excel (the ranking per group, the scores per area per unit, each criterion's
 * self and final score with its source) or as the PDF the council submits (title, index and
 * period, the ranking per group, a bar chart of the indices, the signature block).
 *
 * Files come back as every export of the portal does: name, MIME type and base64 content.
 * Who: the admin only.
 */
import { z } from 'zod';
import { defineAction } from './action';
import { AppraisalPeriodId } from './appraisal.assignments.actions';
import { SelfAssessmentExport } from './assessment.self-assessments.actions';
import { GetConsolidationParams, PublicationNumber } from './ranking.actions';

export const rankingExportFormats = ['xlsx', 'pdf'] as const;
const ExportFormat = z.enum(rankingExportFormats, { error: 'ranking.export.format' });

export const ExportConsolidationParams = z.object({
  periodId: AppraisalPeriodId,
  format: ExportFormat,
  /** A draft version; the latest when absent. */
  version: GetConsolidationParams.shape.version,
});
export type ExportConsolidationParams = z.input<typeof ExportConsolidationParams>;

export const ExportPublicationParams = z.object({
  periodId: AppraisalPeriodId,
  number: PublicationNumber,
  format: ExportFormat,
});
export type ExportPublicationParams = z.input<typeof ExportPublicationParams>;

/** The file, in the shape of every export of the portal. */
export const RankingExport = SelfAssessmentExport;
export type RankingExport = z.infer<typeof RankingExport>;

const admin = ['admin'] as const;
const base = '/ranking/periods/:periodId';

export const rankingExportActions = {
  exportConsolidation: defineAction({
    name: 'ranking.exportConsolidation',
    summary:
      "A draft consolidation (the latest, or a version) as Excel or as the council's PDF report",
    params: ExportConsolidationParams,
    result: RankingExport,
    roles: admin,
    rest: { method: 'GET', path: `${base}/consolidation/export` },
  }),
  exportPublication: defineAction({
    name: 'ranking.exportPublication',
    summary: "A published version as Excel or as the council's PDF report",
    params: ExportPublicationParams,
    result: RankingExport,
    roles: admin,
    rest: { method: 'GET', path: `${base}/publications/:number/export` },
  }),
};
