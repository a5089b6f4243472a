/**
 * The ranking's exports: a draft version or a published one read from this service's database,
 * the period's name and the sets' criterion names asked of the assessment service, each unit's
 * self scores (`assessment.listEntries`), all with the admin's own token; then the workbook or
 * the PDF report, returned as every export of the portal is.
 */
import type { Connection } from 'mongoose';
import {
  criteriaSetActions,
  periodActions,
  selfAssessmentActions,
  type AppraisalScope,
  type CriteriaSet,
  type EntryList,
  type RankingExport,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import { latestHeader, passRefusal, rowsOf, type Ask } from '../consolidation/consolidations';
import type { ConsolidationDocument } from '../models/consolidation.model';
import { publicationOrNotFound } from '../publication/publications';
import { rankingReport, type ReportEdition, type ReportNode } from './ranking-report';
import { rankingReportPdf } from './ranking-report-pdf';
import { rankingReportXlsx } from './ranking-report-xlsx';

export interface ExportDeps {
  db: Connection;
  ask: Ask;
}

type Format = 'xlsx' | 'pdf';

const mimeTypes: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

async function render(
  { db, ask }: ExportDeps,
  header: ConsolidationDocument,
  edition: ReportEdition,
  format: Format,
): Promise<RankingExport> {
  const rows = await rowsOf(db, header.periodId, header.version);
  const [scope, sets, entries] = await Promise.all([
    ask<AppraisalScope>(periodActions.getAppraisalScope.name, { id: header.periodId }).catch(
      passRefusal('ranking.period.unavailable'),
    ),
    Promise.all(
      header.groups.map((g) =>
        ask<CriteriaSet>(criteriaSetActions.getCriteriaSet.name, { id: g.criteriaSet.id }).catch(
          passRefusal('ranking.period.unavailable'),
        ),
      ),
    ),
    // One unit at a time: a province has a few dozen units, and the assessment service serves
    // the officers' pages meanwhile.
    (async () => {
      const lists: Array<{ unitCode: string; items: EntryList['items'] }> = [];
      for (const { row } of rows) {
        const list = await ask<EntryList>(selfAssessmentActions.listEntries.name, {
          periodId: header.periodId,
          unitCode: row.unitCode,
        }).catch((err: unknown) => {
          // A unit without a self-assessment of this period (results imported from a sheet).
          if ((err as { type?: string }).type === 'E_NOT_FOUND') return { items: [] };
          return passRefusal('ranking.export.selfScores')(err);
        });
        lists.push({ unitCode: row.unitCode, items: list.items });
      }
      return lists;
    })(),
  ]);
  const nodesOf = new Map<string, readonly ReportNode[]>(
    header.groups.map((g, i) => [g.unitGroup, sets[i]!.nodes]),
  );
  const selfScores = new Map(
    entries.flatMap(({ unitCode, items }) =>
      items.map((e) => [`${unitCode} ${e.criterionCode}`, e.score] as const),
    ),
  );
  const report = rankingReport(header, rows, {
    periodName: scope.period.name,
    edition,
    nodesOf,
    selfScores,
  });
  const content =
    format === 'pdf' ? await rankingReportPdf(report) : await rankingReportXlsx(report);
  const name =
    edition.kind === 'draft'
      ? `ket-qua-${header.indexCode}-${header.year}-du-thao-${edition.version}`
      : `ket-qua-${header.indexCode}-${header.year}-cong-bo-${edition.number}`;
  return {
    fileName: `${name.toLowerCase()}.${format}`,
    mimeType: mimeTypes[format],
    contentBase64: content.toString('base64'),
  };
}

/** A draft version (the latest when none is named). */
export async function exportConsolidation(
  deps: ExportDeps,
  params: { periodId: string; version?: number; format: Format },
): Promise<RankingExport> {
  const header = await latestHeader(deps.db, params.periodId, params.version);
  if (!header) throw new PortalError('E_NOT_FOUND', { key: 'ranking.consolidation.notFound' });
  return render(
    deps,
    header,
    { kind: 'draft', version: header.version, at: header.createdAt },
    params.format,
  );
}

/** A published version: the draft it names, as it was published. */
export async function exportPublication(
  deps: ExportDeps,
  params: { periodId: string; number: number; format: Format },
): Promise<RankingExport> {
  const { doc, header } = await publicationOrNotFound(deps.db, params.periodId, params.number);
  return render(
    deps,
    header,
    {
      kind: 'publication',
      number: doc.number,
      version: header.version,
      at: doc.publishedAt,
      reason: doc.reason,
    },
    params.format,
  );
}
