/**
 * The past results import's two actions: the preview (every row with its errors, and the import
 * it would replace) and the commit (one insert of every row, or nothing on any error).
 */
import { randomUUID } from 'node:crypto';
import type {
  Locale,
  PastResultsImportParams,
  PastResultsImportPreview,
  PastResultsImportResult,
} from '@par/contracts';
import { loadScope, type Actor, type ConsolidationDeps } from '../consolidation/consolidations';
import { latestPastResults, pastResultsImportModel } from '../models/past-results-import.model';
import { pastResultsRefusal, readPastResultsSheet } from './past-results-sheet';

async function read(deps: ConsolidationDeps, params: PastResultsImportParams, locale: Locale) {
  const scope = await loadScope(deps.ask, params.periodId);
  const [read, current] = await Promise.all([
    readPastResultsSheet(params.fileName, params.contentBase64, params.mapping, scope, locale),
    latestPastResults(deps.db, scope.period.id),
  ]);
  return { scope, read, current };
}

export async function previewPastResultsImport(
  deps: ConsolidationDeps,
  params: PastResultsImportParams,
  locale: Locale,
): Promise<PastResultsImportPreview> {
  const { read: sheet, current } = await read(deps, params, locale);
  return {
    ...sheet.preview,
    replaces: current && {
      importId: current._id,
      fileName: current.fileName,
      at: current.at.toISOString(),
      rows: current.results.length,
    },
  };
}

export async function commitPastResultsImport(
  deps: ConsolidationDeps,
  params: PastResultsImportParams,
  actor: Actor,
  locale: Locale,
): Promise<PastResultsImportResult> {
  const { scope, read: sheet, current } = await read(deps, params, locale);
  if (sheet.valid.length === 0 || sheet.valid.length !== sheet.preview.rows.length)
    throw pastResultsRefusal(sheet.preview);
  const importId = randomUUID();
  // One insert: the whole import with who, when and the import it replaces (its audit).
  await pastResultsImportModel(deps.db).create({
    _id: importId,
    periodId: scope.period.id,
    fileName: params.fileName,
    at: new Date(),
    by: actor,
    replaces: current?._id ?? null,
    results: sheet.valid,
  });
  return {
    importId,
    fileName: params.fileName,
    written: sheet.valid.length,
    units: new Set(sheet.valid.map((r) => r.unitCode)).size,
    replacedImportId: current?._id ?? null,
  };
}
