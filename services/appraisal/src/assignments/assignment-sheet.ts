/**
 * The assignments sheet: one row per assignment, appraisers by username, codes separated by
 * `;` or `,`. Reading and cleaning are @par/sheets'; a preview shows every row with its errors
 * (each naming its row and column), a commit writes every row or, on any error, none.
 */
import {
  assertSheetRowCount,
  assertSheetSize,
  cleanCell,
  detectSheetFormat,
  findSheetHeader,
  readCsvTable,
  readXlsxTable,
  SheetFileError,
  sheetRows,
  writeSheetCsv,
  writeSheetXlsx,
  type SheetColumn,
  type SheetFailure,
} from '@par/sheets';
import {
  ASSIGNMENT_IMPORT_MAX_BYTES,
  ASSIGNMENT_IMPORT_MAX_ROWS,
  AssignmentInput,
  formatMessage,
  isMessageKey,
  type AppraisalScope,
  type AssignmentExport,
  type AssignmentImportPreview,
  type AssignmentSheetField,
  type AssignmentUnits,
  type Locale,
  type MessageKey,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import { checkAssignment, type AppraiserAccount, type CheckedInput } from './assignment-rules';

const normalize = (text: string) => text.normalize('NFC').trim().toLowerCase();

/** The columns as we write them, and the headers accepted for each. */
export const assignmentSheetColumns: ReadonlyArray<SheetColumn<AssignmentSheetField>> = (
  [
    {
      field: 'name',
      header: 'Tên tổ/hội đồng',
      required: false,
      aliases: ['tên tổ/hội đồng', 'tên hội đồng', 'tên'],
    },
    {
      field: 'appraisers',
      header: 'Người thẩm định',
      required: true,
      aliases: ['người thẩm định', 'tài khoản thẩm định'],
    },
    {
      field: 'criterionCodes',
      header: 'Lĩnh vực/tiêu chí',
      required: true,
      aliases: ['lĩnh vực/tiêu chí', 'mã tiêu chí', 'tiêu chí'],
    },
    { field: 'unitCodes', header: 'Mã đơn vị', required: false, aliases: ['mã đơn vị', 'đơn vị'] },
    { field: 'unitGroup', header: 'Nhóm đơn vị', required: false, aliases: ['nhóm đơn vị'] },
    {
      field: 'subtreeRoot',
      header: 'Đơn vị cấp trên',
      required: false,
      aliases: ['đơn vị cấp trên'],
    },
  ] satisfies Array<SheetColumn<AssignmentSheetField>>
).map((c) => ({ ...c, aliases: c.aliases.map(normalize) }));

const headerOf = (field: string) =>
  assignmentSheetColumns.find((c) => c.field === field)?.header ?? field;

const failureKeys: Record<SheetFailure, MessageKey> = {
  unsupported: 'assignmentImport.file.unsupported',
  empty: 'assignmentImport.file.empty',
  tooLarge: 'assignmentImport.file.tooLarge',
  unpackedTooLarge: 'assignmentImport.file.unpackedTooLarge',
  tooManyRows: 'assignmentImport.file.tooManyRows',
  headerMissing: 'assignmentImport.header.missing',
};

const list = (cell: string | null) =>
  (cell ?? '')
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** `P*` in «Đơn vị cấp trên» takes P itself too. */
function unitsOfRow(values: Record<AssignmentSheetField, string | null>): AssignmentUnits | null {
  const filled = [values.unitCodes, values.unitGroup, values.subtreeRoot].filter(Boolean).length;
  if (filled !== 1) return null;
  if (values.unitCodes)
    return { kind: 'units', unitCodes: list(values.unitCodes).map((c) => c.toUpperCase()) };
  if (values.unitGroup) return { kind: 'group', unitGroup: values.unitGroup };
  const root = values.subtreeRoot!;
  return {
    kind: 'subtree',
    rootCode: root.replace(/\*$/, '').trim().toUpperCase(),
    includeRoot: root.endsWith('*'),
  };
}

/** Which column an input field is read from, for the messages. */
const columnOfField: Record<string, AssignmentSheetField> = {
  name: 'name',
  appraiserIds: 'appraisers',
  criterionCodes: 'criterionCodes',
  units: 'unitCodes',
};

export interface ReadAssignments {
  preview: AssignmentImportPreview;
  /** The rows' assignments, with their appraisers, when no row has an error. */
  valid: Array<{ input: CheckedInput; appraisers: AppraiserAccount[] }>;
}

export async function readAssignmentSheet(
  fileName: string,
  contentBase64: string,
  scope: AppraisalScope,
  appraisers: readonly AppraiserAccount[],
  locale: Locale,
): Promise<ReadAssignments> {
  const content = Buffer.from(contentBase64, 'base64');
  let format: 'csv' | 'xlsx';
  let rows;
  try {
    assertSheetSize(content, ASSIGNMENT_IMPORT_MAX_BYTES);
    format = detectSheetFormat(content, fileName, ['csv']);
    const limits = { maxRows: ASSIGNMENT_IMPORT_MAX_ROWS + 1 };
    const table =
      format === 'csv'
        ? readCsvTable(content, limits)
        : await readXlsxTable(content, undefined, limits);
    const header = findSheetHeader(table, assignmentSheetColumns);
    rows = sheetRows(table, header, assignmentSheetColumns, (_field, original) =>
      cleanCell(original),
    );
    assertSheetRowCount(rows, ASSIGNMENT_IMPORT_MAX_ROWS);
  } catch (err) {
    if (err instanceof SheetFileError)
      throw new PortalError('E_VALIDATION', { key: failureKeys[err.reason], params: err.params });
    throw err;
  }
  const byUsername = new Map(appraisers.map((a) => [a.username.toLowerCase(), a]));
  const cell = (
    row: number,
    field: string,
    key: MessageKey,
    params: Record<string, string | number> = {},
  ) => ({
    field: headerOf(field),
    message: formatMessage(
      'assignmentImport.cell',
      { row, column: headerOf(field), message: formatMessage(key, params, locale) },
      locale,
    ),
  });
  const valid: ReadAssignments['valid'] = [];
  const previewRows = rows.map(({ row, values }) => {
    const errors: Array<{ field: string; message: string }> = [];
    const people: AppraiserAccount[] = [];
    for (const name of list(values.appraisers)) {
      const found = byUsername.get(name.toLowerCase());
      if (found) people.push(found);
      else
        errors.push(cell(row, 'appraisers', 'assignment.appraiser.unknown', { appraiser: name }));
    }
    const units = unitsOfRow(values);
    if (!units) errors.push(cell(row, 'unitCodes', 'assignmentImport.units.oneOf'));
    const parsed = AssignmentInput.safeParse({
      name: values.name ?? '',
      appraiserIds: people.map((p) => p.id),
      criterionCodes: list(values.criterionCodes),
      units: units ?? undefined,
    });
    let input: CheckedInput | null = null;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'units');
        if (field === 'units' && !units) continue;
        if (field === 'appraiserIds' && errors.length > 0) continue;
        const key = isMessageKey(issue.message) ? issue.message : 'error.validation';
        errors.push(cell(row, columnOfField[field] ?? 'unitCodes', key));
      }
    } else {
      for (const issue of checkAssignment(parsed.data, scope, appraisers))
        errors.push(cell(row, columnOfField[issue.field] ?? 'unitCodes', issue.key, issue.params));
      if (errors.length === 0) {
        input = parsed.data;
        valid.push({ input, appraisers: people });
      }
    }
    return { row, values, input: errors.length === 0 ? input : null, errors };
  });
  const invalid = previewRows.filter((r) => r.errors.length > 0).length;
  return {
    preview: {
      fileName,
      format,
      rows: previewRows,
      totals: {
        rows: previewRows.length,
        valid: previewRows.length - invalid,
        invalid,
        errors: previewRows.reduce((sum, r) => sum + r.errors.length, 0),
      },
    },
    valid: invalid === 0 ? valid : [],
  };
}

/** A 422 for a sheet with errors, naming the first; nothing is written. */
export function importRefusal(preview: AssignmentImportPreview): PortalError {
  const bad = preview.rows.filter((r) => r.errors.length > 0);
  const first = bad[0]?.errors[0]?.message ?? '';
  return new PortalError('E_VALIDATION', {
    key: 'assignmentImport.invalid',
    params: { count: preview.totals.errors, rows: bad.length, first },
    fields: bad
      .flatMap((r) => r.errors.map((e) => ({ field: e.field, message: e.message })))
      .slice(0, 50),
  });
}

export async function writeAssignmentSheet(
  assignments: ReadonlyArray<{
    name: string;
    appraisers: Array<{ username: string }>;
    criterionCodes: string[];
    units: AssignmentUnits;
  }>,
  format: 'csv' | 'xlsx',
  periodName: string,
): Promise<AssignmentExport> {
  const rows = assignments.map((a) => ({
    name: a.name,
    appraisers: a.appraisers.map((p) => p.username).join('; '),
    criterionCodes: a.criterionCodes.join('; '),
    unitCodes: a.units.kind === 'units' ? a.units.unitCodes.join('; ') : '',
    unitGroup: a.units.kind === 'group' ? a.units.unitGroup : '',
    subtreeRoot:
      a.units.kind === 'subtree' ? `${a.units.rootCode}${a.units.includeRoot ? '*' : ''}` : '',
  }));
  const base = `phan-cong-tham-dinh-${periodName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}`;
  const content =
    format === 'csv'
      ? writeSheetCsv(assignmentSheetColumns, rows)
      : await writeSheetXlsx(assignmentSheetColumns, rows, {
          sheetName: 'Phân công thẩm định',
          width: (c) => (c.field === 'name' ? 32 : 24),
        });
  return {
    fileName: `${base}.${format}`,
    mimeType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
    count: rows.length,
  };
}
