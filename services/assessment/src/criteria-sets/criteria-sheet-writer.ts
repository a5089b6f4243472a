/**
 * Writing a criteria set in the import format (CSV, XLSX, JSON), the canonical form the shipped
 * templates are kept in, so that an export imports back unchanged. Pure.
 */
import type { CriteriaImportField, CriterionNode } from '@par/contracts';
import { writeSheetCsv, writeSheetXlsx } from '@par/sheets';
import { writeRuleDetails, writeSheetHundredths } from './criteria-rule-text';
import { criteriaSheetColumns } from './criteria-sheet';

export type CriteriaSheetValues = Record<CriteriaImportField, string>;

export const YES = 'có';
export const NO = 'không';

/** One node as the cells of its row. */
export function nodeToCells(node: CriterionNode): CriteriaSheetValues {
  return {
    code: node.code,
    parentCode: node.parentCode ?? '',
    title: node.title,
    maxScore: writeSheetHundredths(node.maxScore),
    capped: node.capped ? YES : '',
    ruleType: node.rule?.type ?? '',
    ruleDetails: writeRuleDetails(node.rule),
    evidenceMin: String(node.evidence.min),
    evidenceMax: String(node.evidence.max),
    explanationRequired: node.explanationRequired ? YES : NO,
    appraiserUnitCode: node.appraiserUnitCode ?? '',
    guidanceForUnits: node.guidanceForUnits,
    guidanceForAppraisers: node.guidanceForAppraisers,
  };
}

/** CSV, UTF-8 with a BOM (so Excel reads the diacritics), comma-separated, CRLF, nodes in order. */
export function writeCriteriaCsv(nodes: readonly CriterionNode[]): Buffer {
  return writeSheetCsv(criteriaSheetColumns, nodes.map(nodeToCells));
}

export async function writeCriteriaXlsx(nodes: readonly CriterionNode[]): Promise<Buffer> {
  return writeSheetXlsx(criteriaSheetColumns, nodes.map(nodeToCells), {
    sheetName: 'Bộ tiêu chí',
    width: (c) => (c.field === 'title' || c.field.startsWith('guidance') ? 60 : 16),
    // A fixed date keeps two exports of the same set identical.
    fixedDate: new Date(0),
  });
}

/** What the JSON export says about its set besides the nodes. */
export interface CriteriaJsonMeta {
  indexCode: string;
  year: number;
  unitGroup: string;
  name: string;
  description: string | null;
}

export const CRITERIA_JSON_FORMAT = 'par-criteria-set';
export const CRITERIA_JSON_FORMAT_VERSION = 1;

export function writeCriteriaJson(meta: CriteriaJsonMeta, nodes: readonly CriterionNode[]): Buffer {
  const document = {
    format: CRITERIA_JSON_FORMAT,
    formatVersion: CRITERIA_JSON_FORMAT_VERSION,
    indexCode: meta.indexCode,
    year: meta.year,
    unitGroup: meta.unitGroup,
    name: meta.name,
    description: meta.description,
    nodes,
  };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
