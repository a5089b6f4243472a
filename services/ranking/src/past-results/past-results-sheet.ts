/**
 * A past period's results sheet: one row per unit × leaf criterion with its self score (optional)
 * and appraised score. Read like the other imports (`readMappedSheet`); every row is checked
 * against the past period (a participating unit, a leaf of its group's set, each score one the
 * leaf's rule can give, by `checkFinalScore` of @par/scoring, no pair twice).
 */
import {
  PAST_RESULTS_IMPORT_MAX_BYTES,
  PAST_RESULTS_IMPORT_MAX_ROWS,
  type Locale,
  type MessageKey,
  type PastResultsImportPreview,
  type PastResultsSheetField,
  type PastResultsSheetMapping,
} from '@par/contracts';
import {
  checkFinalScore,
  formatHundredths,
  leafRangeText,
  parseHundredths,
  possibleScores,
  type ScoredLeaf,
} from '@par/scoring';
import { PortalError } from '@par/service-kit';
import { pastResultsSheetRoleDefinitions, type SheetFailure } from '@par/sheets';
import type { PeriodScope } from '../consolidation/consolidation-inputs';
import type { PastResultLine } from '../models/past-results-import.model';
import { messagesIn, readMappedSheet } from '../sheets/mapped-sheet';

const failureKeys: Record<SheetFailure, MessageKey> = {
  unsupported: 'pastResults.file.unsupported',
  empty: 'pastResults.file.empty',
  tooLarge: 'pastResults.file.tooLarge',
  unpackedTooLarge: 'pastResults.file.unpackedTooLarge',
  tooManyRows: 'pastResults.file.tooManyRows',
  headerMissing: 'pastResults.header.missing',
};

export interface ReadPastResultsSheet {
  preview: Omit<PastResultsImportPreview, 'replaces'>;
  /** Every row's result when no row has an error; else empty. */
  valid: PastResultLine[];
}

/** Each group's leaves: criterion code → what its score depends on. */
export function leavesByGroup(scope: PeriodScope): Map<string, Map<string, ScoredLeaf>> {
  return new Map(
    scope.criteriaSets.map((set) => {
      const parents = new Set(set.nodes.map((n) => n.parentCode).filter((c) => c !== null));
      return [
        set.unitGroup,
        new Map(
          set.nodes
            .filter((n) => !parents.has(n.code))
            .map((n) => [n.code, { maxScore: n.maxScore, rule: n.rule }]),
        ),
      ];
    }),
  );
}

/** A score as written: points with at most two decimals, a deduction with a minus sign. */
function parseSignedHundredths(text: string): number | null | 'unparsable' {
  const trimmed = text.trim();
  const negative = /^[-−]/.test(trimmed);
  const parsed = parseHundredths(negative ? trimmed.slice(1) : trimmed, { thousandsDots: false });
  if (parsed === null) return negative ? 'unparsable' : null;
  if (typeof parsed !== 'number') return 'unparsable';
  return negative ? -parsed : parsed;
}

export async function readPastResultsSheet(
  fileName: string,
  contentBase64: string,
  mapping: PastResultsSheetMapping | undefined,
  scope: PeriodScope,
  locale: Locale,
): Promise<ReadPastResultsSheet> {
  const msg = messagesIn(locale);
  const { format, sheet, rows, samples } = await readMappedSheet(fileName, contentBase64, {
    definitions: pastResultsSheetRoleDefinitions,
    maxBytes: PAST_RESULTS_IMPORT_MAX_BYTES,
    maxRows: PAST_RESULTS_IMPORT_MAX_ROWS,
    failureKeys,
    mapping,
    roleLabel: (role) => msg(`pastResultsSheetRole.${role}`),
    locale,
  });
  const units = new Map(scope.units.map((u) => [u.code, u]));
  const leaves = leavesByGroup(scope);
  const points = (h: number) => formatHundredths(h, locale);
  const firstRowOf = new Map<string, number>();
  const valid: PastResultLine[] = [];

  const previewRows = rows.map(({ row, values }) => {
    const errors: Array<{ field: string; message: string }> = [];
    const fail = (field: PastResultsSheetField, key: MessageKey, params = {}) =>
      errors.push({
        field,
        message: msg('surveyImport.cell', {
          row,
          column: msg(`pastResultsSheetRole.${field}`),
          message: msg(key, params),
        }),
      });
    const unitCode = (values.unitCode ?? '').trim().toUpperCase();
    const criterionCode = (values.criterionCode ?? '').trim();
    const unit = units.get(unitCode);
    if (!unit) fail('unitCode', 'pastResults.unit.unknown', { code: unitCode });
    const leaf = unit ? leaves.get(unit.unitGroup)?.get(criterionCode) : undefined;
    if (unit && !leaf)
      fail('criterionCode', 'pastResults.criterion.notLeaf', {
        code: criterionCode,
        group: unit.unitGroup,
      });
    /** The column's score checked against the leaf's rule; null when absent or refused. */
    const scoreOf = (field: 'selfScore' | 'appraisedScore'): number | null => {
      const text = values[field] ?? '';
      const parsed = parseSignedHundredths(text);
      if (parsed === 'unparsable') {
        fail(field, 'pastResults.score.invalid', { value: text });
        return null;
      }
      if (parsed === null) {
        if (field === 'appraisedScore') fail(field, 'pastResults.score.appraisedMissing');
        return null;
      }
      if (!leaf) return null;
      const checked = checkFinalScore(leaf, parsed);
      if (checked.ok) return checked.score;
      if (checked.reason === 'unknownOption')
        fail(field, 'pastResults.score.notOption', {
          value: points(parsed),
          code: criterionCode,
          options: (possibleScores(leaf) ?? []).map(points).join('; '),
        });
      else {
        const range = leafRangeText(leaf, locale);
        const deduction = leaf.rule?.type === 'deduction';
        fail(field, 'pastResults.score.outOfRange', {
          value: points(parsed),
          code: criterionCode,
          min: deduction ? `-${range.max}` : range.min,
          max: deduction ? points(0) : range.max,
          step: range.step,
        });
      }
      return null;
    };
    const selfScore = scoreOf('selfScore');
    const appraisedScore = scoreOf('appraisedScore');
    const key = `${unitCode} ${criterionCode}`;
    const first = firstRowOf.get(key);
    if (first !== undefined)
      fail('criterionCode', 'pastResults.row.duplicate', {
        unit: unitCode,
        code: criterionCode,
        first,
      });
    else firstRowOf.set(key, row);
    const ok = errors.length === 0 && appraisedScore !== null;
    if (ok) valid.push({ unitCode, criterionCode, selfScore, appraisedScore });
    return {
      row,
      values: values as Record<string, string | null>,
      selfScore: ok ? selfScore : null,
      appraisedScore: ok ? appraisedScore : null,
      errors,
    };
  });
  const invalid = previewRows.filter((r) => r.errors.length > 0).length;
  return {
    preview: {
      fileName,
      format,
      sheet: { ...sheet, rows: samples },
      rows: previewRows,
      totals: {
        rows: previewRows.length,
        valid: previewRows.length - invalid,
        invalid,
        errors: previewRows.reduce((sum, r) => sum + r.errors.length, 0),
      },
    },
    valid: invalid === 0 && sheet.problems.length === 0 ? valid : [],
  };
}

/** A 422 for a sheet that cannot be imported, naming the first error; nothing is written. */
export function pastResultsRefusal(preview: ReadPastResultsSheet['preview']): PortalError {
  if (preview.sheet.problems.length > 0)
    return new PortalError('E_VALIDATION', {
      key: 'pastResults.mapping.invalid',
      params: { problems: preview.sheet.problems.map((p) => p.message).join('; ') },
    });
  const bad = preview.rows.filter((r) => r.errors.length > 0);
  return new PortalError('E_VALIDATION', {
    key: bad.length > 0 ? 'pastResults.invalid' : 'pastResults.file.empty',
    params: {
      count: preview.totals.errors,
      rows: bad.length,
      first: bad[0]?.errors[0]?.message ?? '',
    },
    fields: bad.flatMap((r) => r.errors).slice(0, 50),
  });
}
