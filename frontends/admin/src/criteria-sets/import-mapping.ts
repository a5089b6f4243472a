/**
 * The mapping step's state of the criteria import: the mapping the admin is building, the
 * preview re-read under it at once (the same @par/sheets/mapping the service runs), and the
 * mappings remembered in this browser by the header they were made for.
 */
import {
  criteriaSheetRoles,
  formatMessage,
  type CriteriaDefaultRule,
  type CriteriaImportPreview,
  type CriteriaSheetRole,
  type Locale,
} from '@par/contracts';
import { mapCriteriaSheet } from '@par/sheets/mapping';
import { recallMapping, rememberMapping } from '../shared/remembered-mapping';

export interface CriteriaMapping {
  roles: Array<CriteriaSheetRole | null>;
  defaultRule: CriteriaDefaultRule;
  areaCodes: Record<string, string>;
}

export type SheetInfo = NonNullable<CriteriaImportPreview['sheet']>;

/** The roles offered, the portal's main columns first. */
export const mappingRoleOptions: readonly CriteriaSheetRole[] = [
  'code',
  'title',
  'maxScore',
  'area',
  'parentCode',
  'selfScore',
  'appraisedScore',
  ...criteriaSheetRoles.filter(
    (r) =>
      !['code', 'title', 'maxScore', 'area', 'parentCode', 'selfScore', 'appraisedScore'].includes(
        r,
      ),
  ),
];

export const roleLabel = (role: CriteriaSheetRole, locale: Locale) =>
  formatMessage(`criteriaSheetRole.${role}`, {}, locale);

export const sameMapping = (a: CriteriaMapping, b: CriteriaMapping) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The server's preview as it will be under `mapping`: the rows re-read at once. Until the
 * server has checked them, a row carries only the errors of the tree (the rest come with the
 * check, which the dialog runs again meanwhile).
 */
export function remapPreview(
  preview: CriteriaImportPreview,
  mapping: CriteriaMapping | null,
  locale: Locale,
): CriteriaImportPreview {
  const sheet = preview.sheet;
  if (!sheet || !mapping || sameMapping(mapping, sheet.mapping)) return preview;
  const mapped = mapCriteriaSheet(sheet.header, sheet.rows, mapping, locale);
  const rows = mapped.rows.map((r) => ({ ...r, node: null }));
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return {
    ...preview,
    sheet: {
      ...sheet,
      mapping,
      problems: mapped.problems,
      areas: mapped.areas,
      keptAside: mapped.keptAside,
    },
    rows,
    totalRow: null,
    view: null,
    totals: {
      rows: rows.length,
      valid: rows.length - invalid,
      invalid,
      errors: rows.reduce((sum, r) => sum + r.errors.length, 0),
      cleaned: rows.filter((r) => r.cleaned.length > 0).length,
    },
  };
}

/** Keeps the mapping for the next file with the same header (in this browser). */
export const rememberCriteriaMapping = (header: readonly string[], mapping: CriteriaMapping) =>
  rememberMapping('criteriaImport', header, mapping);

/** The mapping kept for this header, if it still fits it. */
export function recallCriteriaMapping(header: readonly string[]): CriteriaMapping | null {
  const kept = recallMapping<CriteriaMapping>('criteriaImport', header, criteriaSheetRoles);
  return kept
    ? {
        roles: kept.roles,
        defaultRule: kept.defaultRule ?? 'manual',
        areaCodes: kept.areaCodes ?? {},
      }
    : null;
}
