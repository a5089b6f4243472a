/**
 * Importing and exporting units as a sheet. FerretDB has no transactions, so an import validates
 * every row first, then inserts; if an insert still fails it deletes what it inserted.
 */
import { Types, type Connection } from 'mongoose';
import {
  formatMessage,
  type AuthUser,
  type Locale,
  type UnitExport,
  type UnitImportPreview,
  type UnitImportResult,
  type UnitSheetMapping,
} from '@par/contracts';
import { PortalError, wakeOutboxRelay } from '@par/service-kit';
import { auditItems } from '../models/audit-entry.model';
import { unitModel, type UnitDocument } from '../models/unit.model';
import { readUnitSheet, SheetError, type ReadSheet } from './unit-sheet';
import { checkUnitRows, type CheckedSheet } from './unit-sheet-rules';
import { writeUnitsCsv, writeUnitsXlsx } from './unit-sheet-writer';
import { toUnit } from './units';

interface ImportFile {
  fileName: string;
  contentBase64: string;
  mapping?: UnitSheetMapping;
}

async function readAndCheck(
  db: Connection,
  file: ImportFile,
  locale: Locale,
): Promise<{ format: 'csv' | 'xlsx'; checked: CheckedSheet; sheet: ReadSheet['sheet'] }> {
  let sheet;
  try {
    sheet = await readUnitSheet(
      Buffer.from(file.contentBase64, 'base64'),
      file.fileName,
      file.mapping,
      locale,
    );
  } catch (err) {
    if (err instanceof SheetError) {
      throw new PortalError('E_VALIDATION', {
        key: err.key,
        params: err.params,
        fields: [{ field: 'file', key: err.key }],
      });
    }
    throw err;
  }
  const mentioned = new Set<string>();
  for (const { values } of sheet.rows) {
    if (values.code) mentioned.add(values.code.toUpperCase());
    if (values.parentCode) mentioned.add(values.parentCode.toUpperCase());
  }
  const found = await unitModel(db)
    .find({ code: { $in: [...mentioned] } }, { code: 1 })
    .lean<Array<Pick<UnitDocument, '_id' | 'code'>>>();
  const existing = new Map(found.map((u) => [u.code, u._id.toHexString()]));
  return {
    format: sheet.format,
    checked: checkUnitRows(sheet.rows, existing, locale),
    sheet: sheet.sheet,
  };
}

export async function previewUnitImport(
  db: Connection,
  file: ImportFile,
  locale: Locale,
): Promise<UnitImportPreview> {
  const { format, checked, sheet } = await readAndCheck(db, file, locale);
  const invalid = checked.rows.filter((r) => r.errors.length > 0).length;
  return {
    fileName: file.fileName,
    format,
    sheet,
    rows: checked.rows,
    totals: {
      rows: checked.rows.length,
      valid: checked.rows.length - invalid,
      invalid,
      errors: checked.rows.reduce((sum, r) => sum + r.errors.length, 0),
      cleaned: checked.rows.filter((r) => r.cleaned.length > 0).length,
    },
  };
}

export async function commitUnitImport(
  db: Connection,
  file: ImportFile,
  by: AuthUser,
  locale: Locale,
): Promise<UnitImportResult> {
  const { checked, sheet } = await readAndCheck(db, file, locale);
  if (sheet.problems.length > 0) {
    throw new PortalError('E_VALIDATION', {
      key: 'sheetMapping.invalid',
      params: { problems: sheet.problems.map((p) => p.message).join(' ') },
      fields: sheet.problems.map((p) => ({ field: 'mapping', message: p.message })),
    });
  }
  const bad = checked.rows.filter((r) => r.errors.length > 0);
  if (bad.length > 0) {
    const rows = bad.map((r) => r.row);
    throw new PortalError('E_VALIDATION', {
      key: 'unitImport.rowsInvalid',
      params: { rows: rows.length > 20 ? `${rows.slice(0, 20).join(', ')}, …` : rows.join(', ') },
      fields: bad.flatMap((r) =>
        r.errors.map((e) => ({ field: `rows.${r.row}.${e.field}`, message: e.message })),
      ),
    });
  }

  // Ids are chosen here so that children can name parents of the same sheet before insertion.
  const idOfCode = new Map(checked.toCreate.map((u) => [u.code, new Types.ObjectId()]));
  const docs = checked.toCreate.map((u) => ({
    _id: idOfCode.get(u.code)!,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    unitGroup: u.unitGroup,
    parentId: !u.parent
      ? null
      : 'existingId' in u.parent
        ? new Types.ObjectId(u.parent.existingId)
        : idOfCode.get(u.parent.sheetCode)!,
  }));
  // The import's audit entry rides on the last unit: it is written only if every unit was.
  const audit = auditItems(by, {
    action: 'units.imported',
    target: 'units',
    before: null,
    after: { fileName: file.fileName, count: docs.length },
    units: docs.map((doc) => doc.code),
  });
  const withAudit = docs.map((doc, i) => (i === docs.length - 1 ? { ...doc, outbox: audit } : doc));
  const Units = unitModel(db);
  try {
    // Ordered: parents go in before their children and the first failure stops the rest.
    await Units.insertMany(withAudit, { ordered: true });
  } catch (err) {
    // Compensation in place of a transaction: remove exactly the ids this import chose.
    await Units.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
    const failedCode = failedCodeOf(err, docs) ?? '';
    throw new PortalError('E_CONFLICT', {
      key: 'unitImport.interrupted',
      params: { code: failedCode },
      fields: [
        {
          field: 'file',
          message: formatMessage('unitImport.interrupted', { code: failedCode }, locale),
        },
      ],
    });
  }
  await wakeOutboxRelay(db);
  return { fileName: file.fileName, created: docs.length };
}

function failedCodeOf(err: unknown, docs: Array<{ code: string }>): string | undefined {
  const e = err as {
    index?: number;
    writeErrors?: Array<{ index?: number }>;
    keyValue?: { code?: string };
  };
  if (e.keyValue?.code) return e.keyValue.code;
  const index = e.writeErrors?.[0]?.index ?? e.index;
  return index === undefined ? undefined : docs[index]?.code;
}

export async function exportUnits(db: Connection, format: 'csv' | 'xlsx'): Promise<UnitExport> {
  const docs = await unitModel(db).find().sort({ code: 1 }).lean<UnitDocument[]>();
  const units = docs.map(toUnit);
  const day = new Date().toISOString().slice(0, 10);
  const content = format === 'csv' ? writeUnitsCsv(units) : await writeUnitsXlsx(units);
  return {
    fileName: `don-vi-${day}.${format}`,
    mimeType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
    count: units.length,
  };
}
