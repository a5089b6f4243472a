/**
 * Writing a criteria set in the import format (CSV, XLSX, JSON), the canonical form the shipped
 * templates are kept in, so that an export imports back unchanged. Pure.
 */
import ExcelJS from 'exceljs';
import type { CriteriaImportField, CriterionNode } from '@par/contracts';
import { writeHundredths, writeRuleDetails } from './criteria-rule-text';
import { criteriaSheetColumns, guardFormula } from './criteria-sheet';

export type CriteriaSheetValues = Record<CriteriaImportField, string>;

export const YES = 'có';
export const NO = 'không';

/** One node as the cells of its row. */
export function nodeToCells(node: CriterionNode): CriteriaSheetValues {
  return {
    code: node.code,
    parentCode: node.parentCode ?? '',
    title: node.title,
    maxScore: writeHundredths(node.maxScore),
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
  const lines = [
    criteriaSheetColumns.map((c) => quote(c.header)).join(','),
    ...nodes.map((node) => {
      const cells = nodeToCells(node);
      return criteriaSheetColumns.map((c) => quote(guardFormula(cells[c.field]))).join(',');
    }),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function writeCriteriaXlsx(nodes: readonly CriterionNode[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bộ tiêu chí');
  sheet.columns = criteriaSheetColumns.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.field === 'title' || c.field.startsWith('guidance') ? 60 : 16,
  }));
  // Text cells, so codes such as 1.10 and maxima such as 14.50 stay as written.
  for (const node of nodes) sheet.addRow(nodeToCells(node)).numFmt = '@';
  sheet.getRow(1).font = { bold: true };
  // A fixed date keeps two exports of the same set identical.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return Buffer.from(await workbook.xlsx.writeBuffer());
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

function quote(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
