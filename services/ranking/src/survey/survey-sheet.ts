/**
 * The survey results sheet: one row per unit × survey criterion with its score. Reading, cleaning
 * and the column guesser are @par/sheets' (the criteria import's approach: roles guessed from
 * the header, or the admin's mapping); every row is checked against the period (a participating
 * unit, a `survey` leaf of its group's set, a score in [0, the leaf's maximum]) and the preview
 * shows each row with its errors and the score it would replace.
 */
import {
  SURVEY_IMPORT_MAX_BYTES,
  SURVEY_IMPORT_MAX_ROWS,
  type Locale,
  type MessageKey,
  type SurveyImportPreview,
  type SurveySheetField,
  type SurveySheetMapping,
} from '@par/contracts';
import { formatHundredths, parseHundredths } from '@par/scoring';
import { PortalError } from '@par/service-kit';
import { surveySheetRoleDefinitions, type SheetFailure } from '@par/sheets';
import type { PeriodScope } from '../consolidation/consolidation-inputs';
import type { SurveyResultLine } from '../models/survey-import.model';
import { messagesIn, readMappedSheet } from '../sheets/mapped-sheet';

const failureKeys: Record<SheetFailure, MessageKey> = {
  unsupported: 'surveyImport.file.unsupported',
  empty: 'surveyImport.file.empty',
  tooLarge: 'surveyImport.file.tooLarge',
  unpackedTooLarge: 'surveyImport.file.unpackedTooLarge',
  tooManyRows: 'surveyImport.file.tooManyRows',
  headerMissing: 'surveyImport.header.missing',
};

export interface ReadSurveySheet {
  preview: SurveyImportPreview;
  /** Every row's result when no row has an error; else empty. */
  valid: SurveyResultLine[];
}

/** The current score of each unit × criterion: `<unit> <criterion>` → hundredths. */
export type CurrentSurveyScores = ReadonlyMap<string, number>;

/** Each unit group's `survey` leaves and their maxima (hundredths of a point), by code. */
export function surveyLeafMaxima(scope: PeriodScope): Map<string, Map<string, number>> {
  return new Map(
    scope.criteriaSets.map((set) => [
      set.unitGroup,
      new Map(set.nodes.filter((n) => n.rule?.type === 'survey').map((n) => [n.code, n.maxScore])),
    ]),
  );
}

export async function readSurveySheet(
  fileName: string,
  contentBase64: string,
  mapping: SurveySheetMapping | undefined,
  scope: PeriodScope,
  current: CurrentSurveyScores,
  locale: Locale,
): Promise<ReadSurveySheet> {
  const msg = messagesIn(locale);
  const { format, sheet, rows } = await readMappedSheet(fileName, contentBase64, {
    definitions: surveySheetRoleDefinitions,
    maxBytes: SURVEY_IMPORT_MAX_BYTES,
    maxRows: SURVEY_IMPORT_MAX_ROWS,
    failureKeys,
    mapping,
    roleLabel: (role) => msg(`surveySheetRole.${role}`),
    locale,
  });
  const { problems } = sheet;

  const units = new Map(scope.units.map((u) => [u.code, u]));
  const surveyLeaves = surveyLeafMaxima(scope);
  const headerOf = (field: SurveySheetField) => msg(`surveySheetRole.${field}`);
  const firstRowOf = new Map<string, number>();
  const valid: SurveyResultLine[] = [];
  const previewRows = rows.map(({ row, values }) => {
    const errors: Array<{ field: string; message: string }> = [];
    const fail = (field: SurveySheetField, key: MessageKey, params = {}) =>
      errors.push({
        field,
        message: msg('surveyImport.cell', {
          row,
          column: headerOf(field),
          message: msg(key, params),
        }),
      });
    const unitCode = (values.unitCode ?? '').trim().toUpperCase();
    const criterionCode = (values.criterionCode ?? '').trim();
    const unit = units.get(unitCode);
    if (!unit) fail('unitCode', 'surveyImport.unit.unknown', { code: unitCode });
    const max = unit ? surveyLeaves.get(unit.unitGroup)?.get(criterionCode) : undefined;
    if (unit && max === undefined)
      fail('criterionCode', 'surveyImport.criterion.notSurvey', {
        code: criterionCode,
        group: unit.unitGroup,
      });
    const text = values.score ?? '';
    const parsed = parseHundredths(text, { thousandsDots: false });
    let score: number | null = null;
    if (typeof parsed !== 'number') fail('score', 'surveyImport.score.invalid', { value: text });
    else if (max !== undefined && parsed > max)
      fail('score', 'surveyImport.score.outOfRange', {
        value: formatHundredths(parsed, locale),
        max: formatHundredths(max, locale),
        code: criterionCode,
      });
    else score = parsed;
    const key = `${unitCode} ${criterionCode}`;
    const first = firstRowOf.get(key);
    if (first !== undefined)
      fail('criterionCode', 'surveyImport.row.duplicate', {
        unit: unitCode,
        code: criterionCode,
        first,
      });
    else firstRowOf.set(key, row);
    const replaces = current.get(key) ?? null;
    if (errors.length === 0 && score !== null)
      valid.push({ unitCode, criterionCode, score, replaces });
    return {
      row,
      values: values as Record<string, string | null>,
      score: errors.length === 0 ? score : null,
      replaces,
      errors,
    };
  });
  const invalid = previewRows.filter((r) => r.errors.length > 0).length;
  return {
    preview: {
      fileName,
      format,
      sheet,
      rows: previewRows,
      totals: {
        rows: previewRows.length,
        valid: previewRows.length - invalid,
        invalid,
        errors: previewRows.reduce((sum, r) => sum + r.errors.length, 0),
      },
    },
    valid: invalid === 0 && problems.length === 0 ? valid : [],
  };
}

/** A 422 for a sheet that cannot be imported, naming the first error; nothing is written. */
export function surveyImportRefusal(preview: SurveyImportPreview): PortalError {
  if (preview.sheet.problems.length > 0)
    return new PortalError('E_VALIDATION', {
      key: 'surveyImport.mapping.invalid',
      params: { problems: preview.sheet.problems.map((p) => p.message).join('; ') },
    });
  const bad = preview.rows.filter((r) => r.errors.length > 0);
  return new PortalError('E_VALIDATION', {
    key: 'surveyImport.invalid',
    params: {
      count: preview.totals.errors,
      rows: bad.length,
      first: bad[0]?.errors[0]?.message ?? '',
    },
    fields: bad.flatMap((r) => r.errors).slice(0, 50),
  });
}
