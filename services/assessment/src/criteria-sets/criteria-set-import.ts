/**
 * Importing a criteria file into a new draft or over a draft's nodes, and creating a draft from
 * a shipped template. Every row is checked before anything is written; the write is one
 * document, so a failed import leaves nothing behind.
 */
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  formatMessage,
  type CommitCriteriaImportParams,
  type CriteriaImportPreview,
  type CriteriaSet,
  type CriteriaSetTemplateList,
  type Locale,
} from '@par/contracts';
import { fieldError, PortalError, wakeOutboxRelay } from '@par/service-kit';
import { auditItems, type AuditActor } from '../models/audit-entry.model';
import { indexModel } from '../models/index.model';
import { indexCreatedRecord } from './criteria-set-audit';
import { readCriteriaFile, CriteriaFileError } from './criteria-sheet';
import { checkCriteriaFile, type CheckedCriteriaFile } from './criteria-sheet-rules';
import { insertCriteriaSet, readCriteriaSet, replaceCriteriaSetNodes } from './criteria-sets';
import { loadCriteriaTemplates } from './criteria-templates';

interface ImportFile {
  fileName: string;
  contentBase64: string;
}

async function readAndCheck(file: ImportFile, locale: Locale): Promise<CheckedCriteriaFile> {
  try {
    const read = await readCriteriaFile(Buffer.from(file.contentBase64, 'base64'), file.fileName);
    return checkCriteriaFile(read, locale);
  } catch (err) {
    if (err instanceof CriteriaFileError) {
      throw new PortalError('E_VALIDATION', {
        key: err.key,
        params: err.params,
        fields: [{ field: 'file', key: err.key }],
      });
    }
    throw err;
  }
}

export async function previewCriteriaImport(
  file: ImportFile,
  locale: Locale,
): Promise<CriteriaImportPreview> {
  const { nodes: _nodes, ...preview } = await readAndCheck(file, locale);
  return { fileName: file.fileName, ...preview };
}

export async function commitCriteriaImport(
  db: Connection,
  params: z.output<typeof CommitCriteriaImportParams>,
  locale: Locale,
  actor: AuditActor,
): Promise<CriteriaSet> {
  const checked = await readAndCheck(params, locale);
  if (!checked.nodes) {
    const bad = checked.rows.filter((r) => r.errors.length > 0);
    const fields = bad.flatMap((r) =>
      r.errors.map((e) => ({ field: `rows.${r.row}.${e.field}`, message: e.message })),
    );
    const badRows = bad.map((r) => r.row);
    if (checked.totalRow && !checked.totalRow.matches) {
      badRows.push(checked.totalRow.row);
      for (const e of checked.totalRow.errors) {
        fields.push({ field: `rows.${checked.totalRow.row}.${e.field}`, message: e.message });
      }
    }
    throw new PortalError('E_VALIDATION', {
      key: 'criteriaImport.rowsInvalid',
      params: {
        rows: badRows.length > 20 ? `${badRows.slice(0, 20).join(', ')}, …` : badRows.join(', '),
      },
      fields,
    });
  }
  const target = params.target;
  if (target.kind === 'replace') {
    return replaceCriteriaSetNodes(
      db,
      target.id,
      target.version,
      checked.nodes,
      locale,
      actor,
      params.fileName,
    );
  }
  const doc = await insertCriteriaSet(
    db,
    {
      indexCode: target.indexCode,
      year: target.year,
      unitGroup: target.unitGroup,
      name: target.name,
      description: target.description ?? null,
      nodes: checked.nodes,
    },
    actor,
    { kind: 'import', fileName: params.fileName },
  );
  return readCriteriaSet(db, doc, locale);
}

export async function listCriteriaSetTemplates(): Promise<CriteriaSetTemplateList> {
  return { items: (await loadCriteriaTemplates()).map((t) => t.template) };
}

export async function createCriteriaSetFromTemplate(
  db: Connection,
  params: { key: string; year: number; unitGroup: string; name?: string },
  locale: Locale,
  actor: AuditActor,
): Promise<CriteriaSet> {
  const found = (await loadCriteriaTemplates()).find((t) => t.template.key === params.key);
  if (!found)
    throw fieldError('E_NOT_FOUND', 'key', 'criteriaSet.template.notFound', { key: params.key });
  const { template } = found;
  // The template's index is made on first use, so a fresh portal can start from a template.
  const index = { code: template.indexCode, name: template.indexName, description: null };
  // Only an insert writes the index and its audit entry, in one document.
  const made = await indexModel(db).updateOne(
    { code: template.indexCode },
    // A copy: Mongoose adds its own keys to the update it is given.
    { $setOnInsert: { ...index, outbox: auditItems(actor, indexCreatedRecord(index)) } },
    { upsert: true },
  );
  if (made.upsertedCount === 1) await wakeOutboxRelay(db, indexModel(db), made.upsertedId);
  const doc = await insertCriteriaSet(
    db,
    {
      indexCode: template.indexCode,
      year: params.year,
      unitGroup: params.unitGroup,
      name: params.name ?? `${template.name} năm ${params.year}`,
      description: formatMessage(
        'criteriaSet.template.source',
        { source: template.source },
        locale,
      ),
      nodes: found.nodes,
      templateKey: template.key,
    },
    actor,
    { kind: 'template', templateKey: template.key },
  );
  return readCriteriaSet(db, doc, locale);
}
