/**
 * The rules a criteria file must follow before anything is written: each row readable on its
 * own (code, title, maximum, rule), codes unique, parents present, no loops, every leaf scored,
 * the total row (if any) equal to the computed total. Set-level issues (sums, scores above a
 * maximum) do not stop an import: they come back in the view, as in the editor. Pure.
 */
import {
  CriterionCode,
  CriterionNode,
  formatMessage,
  isMessageKey,
  scoringRuleTypes,
  type CriteriaImportField,
  type CriteriaImportPreview,
  type CriteriaImportRow,
  type CriterionNode as CriterionNodeValue,
  type Locale,
  type MessageKey,
  type ScoringRuleType,
} from '@par/contracts';
import { buildCriteriaTree, formatHundredths, validateCriteriaNodes } from '@par/scoring';
import {
  readRuleDetails,
  readRuleType,
  readSheetHundredths,
  RuleTextError,
} from './criteria-rule-text';
import {
  CriteriaFileError,
  criteriaColumnHeader,
  criteriaSheetColumns,
  type ReadCriteriaFile,
  type SheetRow,
} from './criteria-sheet';
import { CRITERIA_JSON_FORMAT, nodeToCells, NO, YES } from './criteria-sheet-writer';

export type CheckedCriteriaFile = Omit<CriteriaImportPreview, 'fileName'> & {
  /** The nodes to write, in file order; null unless every row is valid. */
  nodes: CriterionNodeValue[] | null;
};

interface WorkRow {
  row: number;
  created: boolean;
  values: CriteriaImportRow['values'];
  cleaned: CriteriaImportRow['cleaned'];
  errors: Array<{ field: string; message: string }>;
  code: string | null;
  parentCode: string | null;
  hasRule: boolean;
  /** The node as read from the row alone (input shape, before the schema's defaults). */
  input: Record<string, unknown> | null;
  node: CriterionNodeValue | null;
}

export function checkCriteriaFile(
  read: ReadCriteriaFile,
  locale: Locale = 'vi',
): CheckedCriteriaFile {
  const msg = (key: MessageKey, params?: Record<string, string | number>) =>
    formatMessage(key, params, locale);
  // A column is named as the sheet names it, when the admin's sheet has its own headers.
  const column = (field: string) =>
    (read.format === 'json' ? undefined : read.columnNames[field as CriteriaImportField]) ??
    criteriaColumnHeader(field);
  const work =
    read.format === 'json'
      ? jsonRows(read.document, msg)
      : read.rows.map((r) => sheetRow(r, msg, column));

  // The tree across rows: duplicates, missing parents, loops, leaves without a rule.
  const placed = work.filter((w) => w.code !== null);
  const tree = buildCriteriaTree(placed.map((w) => ({ code: w.code!, parentCode: w.parentCode })));
  placed.forEach((w, i) => {
    const first = tree.duplicateOf.get(i);
    // A collision found while cleaning already names both rows.
    if (first !== undefined && !w.errors.some((e) => e.field === 'code')) {
      w.errors.push({
        field: 'code',
        message: msg('criteriaImport.code.duplicate', {
          code: w.code!,
          otherRow: placed[first]!.row,
        }),
      });
    }
    if (tree.missingParent.has(i)) {
      w.errors.push({
        field: 'parentCode',
        message: msg('criteriaImport.parent.notFound', { parentCode: w.parentCode ?? '' }),
      });
    }
    const loop = tree.cycle.get(i);
    if (loop)
      w.errors.push({
        field: 'parentCode',
        message: msg('criteriaImport.parent.cycle', { path: loop }),
      });
    const isLeaf = tree.children[i]!.length === 0 && !tree.cycle.has(i);
    if (
      isLeaf &&
      !w.hasRule &&
      read.format !== 'json' &&
      !w.errors.some((e) => e.field === 'ruleType')
    ) {
      w.errors.push({
        field: 'ruleType',
        message: msg('criteriaImport.cell.required', { column: column('ruleType') }),
      });
    }
  });

  for (const w of work) {
    if (w.errors.length > 0 || w.input === null) continue;
    const parsed = CriterionNode.safeParse(w.input);
    if (parsed.success) w.node = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        w.errors.push({
          field: fieldOfPath(issue.path.map(String)),
          message: isMessageKey(issue.message) ? msg(issue.message) : issue.message,
        });
      }
    }
  }

  const mappingUsable = read.format === 'json' || read.sheet.problems.length === 0;
  const allValid = mappingUsable && work.every((w) => w.errors.length === 0 && w.node !== null);
  const nodes = allValid ? work.map((w) => w.node!) : null;
  const view = nodes ? validateCriteriaNodes(nodes, locale) : null;

  let totalRow: CheckedCriteriaFile['totalRow'] = null;
  if (read.format !== 'json' && read.total) {
    const computed =
      view?.totalMax ??
      work.reduce(
        (sum, w) =>
          sum +
          (w.parentCode === null && w.code
            ? (readSheetHundredths(w.values.maxScore ?? '') ?? 0)
            : 0),
        0,
      );
    const value = read.total.value === null ? null : readSheetHundredths(read.total.value);
    const matches = value === null || value === computed;
    totalRow = {
      row: read.total.row,
      value,
      computed,
      matches,
      errors: matches
        ? []
        : [
            {
              field: 'maxScore',
              message: msg('criteriaImport.total.mismatch', {
                value: formatHundredths(value, locale),
                computed: formatHundredths(computed, locale),
              }),
            },
          ],
    };
  }

  const rows: CriteriaImportRow[] = work.map((w) => ({
    row: w.row,
    created: w.created,
    values: w.values,
    cleaned: w.cleaned,
    node: w.errors.length === 0 ? w.node : null,
    errors: w.errors,
  }));
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  const totalErrors = totalRow?.errors.length ?? 0;
  return {
    format: read.format,
    meta: read.format === 'json' ? jsonMeta(read.document) : null,
    sheet: read.format === 'json' ? null : read.sheet,
    rows,
    totalRow,
    view: totalErrors === 0 ? view : null,
    nodes: totalErrors === 0 ? nodes : null,
    totals: {
      rows: rows.length,
      valid: rows.length - invalid,
      invalid,
      errors: rows.reduce((sum, r) => sum + r.errors.length, 0) + totalErrors,
      cleaned: rows.filter((r) => r.cleaned.length > 0).length,
    },
  };
}

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;

function sheetRow(
  { row, values, cleaned, created, errors: treeErrors }: SheetRow,
  msg: Msg,
  column: (field: string) => string,
): WorkRow {
  const errors: WorkRow['errors'] = [...treeErrors];
  const err = (field: string, key: MessageKey, params?: Record<string, string | number>) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: msg(key, params) });
  };
  const outValues = { ...values };
  const outCleaned = [...cleaned];
  const markCleaned = (
    field: (typeof criteriaSheetColumns)[number]['field'],
    original: string,
    change: 'decimalComma',
  ) => {
    const existing = outCleaned.find((c) => c.field === field);
    if (existing) existing.changes.push(change);
    else outCleaned.push({ field, original, changes: [change] });
  };

  for (const c of criteriaSheetColumns) {
    if (c.required && !values[c.field])
      err(c.field, 'criteriaImport.cell.required', { column: column(c.field) });
  }

  let code: string | null = null;
  if (values.code) {
    const parsed = CriterionCode.safeParse(values.code);
    if (parsed.success) code = parsed.data;
    else err('code', 'criterion.code.format');
  }
  // A parent left empty was already taken from a dotted code (3.2.1 under 3.2) with the tree.
  let parentCode: string | null = null;
  if (values.parentCode) {
    const parsed = CriterionCode.safeParse(values.parentCode);
    if (parsed.success) parentCode = parsed.data;
    else err('parentCode', 'criterion.code.format');
  }
  if (values.title && values.title.length > 2000) {
    err('title', 'criteriaImport.cell.tooLong', { column: column('title'), max: 2000 });
  }

  const number = (field: 'maxScore'): number | null => {
    const text = values[field];
    if (!text) return null;
    const value = readSheetHundredths(text);
    if (value === null) {
      err(field, 'criteriaImport.number.invalid', { column: column(field), value: text });
      return null;
    }
    if (text.includes(',')) {
      outValues[field] = text.replace(',', '.');
      markCleaned(field, text, 'decimalComma');
    }
    return value;
  };
  const maxScore = number('maxScore');

  const count = (field: 'evidenceMin' | 'evidenceMax', fallback: number): number => {
    const text = values[field];
    if (!text) return fallback;
    if (!/^\d{1,2}$/.test(text) || Number(text) > 20) {
      err(field, 'criteriaImport.count.invalid', { column: column(field), value: text });
      return fallback;
    }
    return Number(text);
  };
  const yesNo = (field: 'capped' | 'explanationRequired', fallback: boolean): boolean => {
    const text = values[field]?.toLowerCase();
    if (!text) return fallback;
    if ([YES, 'x', 'yes', 'true', '1', 'co'].includes(text)) return true;
    if ([NO, 'no', 'false', '0', 'khong'].includes(text)) return false;
    err(field, 'criteriaImport.boolean.invalid', { column: column(field), value: values[field]! });
    return fallback;
  };

  let rule: unknown = null;
  let ruleType: ScoringRuleType | null = null;
  if (values.ruleType) {
    ruleType = readRuleType(values.ruleType);
    if (ruleType === null) {
      err('ruleType', 'criteriaImport.rule.type', {
        value: values.ruleType,
        types: scoringRuleTypes.join(', '),
      });
    } else if (maxScore !== null) {
      try {
        rule = readRuleDetails(ruleType, values.ruleDetails ?? '', maxScore);
      } catch (e) {
        if (!(e instanceof RuleTextError)) throw e;
        err('ruleDetails', 'criteriaImport.rule.details', {
          value: values.ruleDetails ?? '',
          reason: msg(e.key, e.params),
        });
      }
    }
  }

  const input = {
    code,
    parentCode,
    title: values.title,
    guidanceForUnits: values.guidanceForUnits ?? '',
    guidanceForAppraisers: values.guidanceForAppraisers ?? '',
    maxScore,
    capped: yesNo('capped', false),
    rule,
    evidence: { min: count('evidenceMin', 1), max: count('evidenceMax', 2) },
    explanationRequired: yesNo('explanationRequired', true),
    appraiserUnitCode: values.appraiserUnitCode ?? null,
  };
  return {
    row,
    created,
    values: outValues,
    cleaned: outCleaned,
    errors,
    code,
    parentCode,
    hasRule: ruleType !== null,
    input: errors.length === 0 ? input : null,
    node: null,
  };
}

function jsonRows(document: unknown, msg: Msg): WorkRow[] {
  const doc = document as { format?: unknown; nodes?: unknown };
  if (
    typeof doc !== 'object' ||
    doc === null ||
    doc.format !== CRITERIA_JSON_FORMAT ||
    !Array.isArray(doc.nodes)
  ) {
    throw new CriteriaFileError('criteriaImport.json.invalid', {
      reason: `format ≠ ${CRITERIA_JSON_FORMAT}`,
    });
  }
  if (doc.nodes.length === 0) throw new CriteriaFileError('criteriaImport.file.empty');
  return doc.nodes.map((raw: unknown, i) => {
    const parsed = CriterionNode.safeParse(raw);
    const loose = (raw ?? {}) as Record<string, unknown>;
    const text = (v: unknown) =>
      typeof v === 'string' || typeof v === 'number' ? String(v) : null;
    const values = parsed.success
      ? (Object.fromEntries(
          Object.entries(nodeToCells(parsed.data)).map(([k, v]) => [k, v === '' ? null : v]),
        ) as CriteriaImportRow['values'])
      : (Object.fromEntries(
          criteriaSheetColumns.map((c) => [c.field, text(loose[c.field])]),
        ) as CriteriaImportRow['values']);
    const errors = parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({
          field: fieldOfPath(issue.path.map(String)),
          message: isMessageKey(issue.message) ? msg(issue.message) : issue.message,
        }));
    return {
      row: i + 1,
      created: false,
      values,
      cleaned: [],
      errors,
      code: parsed.success ? parsed.data.code : null,
      parentCode: parsed.success ? parsed.data.parentCode : null,
      hasRule: parsed.success && parsed.data.rule !== null,
      input: parsed.success ? (raw as Record<string, unknown>) : null,
      node: null,
    };
  });
}

function jsonMeta(document: unknown): CriteriaImportPreview['meta'] {
  const doc = document as Record<string, unknown>;
  const ok =
    typeof doc.indexCode === 'string' &&
    typeof doc.year === 'number' &&
    typeof doc.unitGroup === 'string' &&
    typeof doc.name === 'string';
  if (!ok) return null;
  return {
    indexCode: doc.indexCode as string,
    year: doc.year as number,
    unitGroup: doc.unitGroup as string,
    name: doc.name as string,
    description: typeof doc.description === 'string' ? doc.description : null,
  };
}

/** A schema path of a node (`rule.options.0.score`) as the column a person would fix. */
function fieldOfPath(path: string[]): string {
  const [head, second] = path;
  if (head === 'rule') return second === 'type' ? 'ruleType' : 'ruleDetails';
  if (head === 'evidence') return second === 'max' ? 'evidenceMax' : 'evidenceMin';
  return head ?? 'code';
}
