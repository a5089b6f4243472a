/**
 * A criteria sheet as provinces have it, read into the portal's columns: which column is which
 * (guessed from the header and the cells), each cell cleaned, and the tree built from what the
 * sheet gives — dotted codes, a column of area names, roman numerals or letters as area codes,
 * missing parents made from their children, the rule chosen for leaves that name none. Pure: the
 * admin page runs it for the instant preview and the assessment service for the import.
 */
import {
  formatMessage,
  type CriteriaCellChange,
  type CriteriaDefaultRule,
  type CriteriaImportField,
  type CriteriaSheetRole,
  type Locale,
  type MessageKey,
} from '@par/contracts';
import { hundredthsToInput, parseHundredths, sumHundredths } from '@par/scoring';
import { cleanCell } from './sheet-cells';
import {
  checkSheetRoles,
  describeSheetProblems,
  shareMatching,
  type SheetRoleDefinition,
  type SheetRoles,
} from './sheet-mapping';

const codeLike = /^([IVXLC]+|[A-Za-z]|\d+(\.\d+)*)\.?$/;
const numberLike = /^\d+([.,]\d+)?$/;
const averageLength = (cells: readonly string[]) =>
  cells.reduce((sum, c) => sum + c.length, 0) / Math.max(1, cells.length);

/**
 * The roles, with the headers provinces write for them. Headers are compared without diacritics
 * and punctuation, so "Điểm chuẩn" also matches "diem chuan" and "ĐIỂM CHUẨN".
 */
export const criteriaSheetRoleDefinitions: ReadonlyArray<SheetRoleDefinition<CriteriaSheetRole>> = [
  {
    role: 'code',
    required: false,
    headers: [
      'Mã tiêu chí',
      'Mã',
      'Mã số',
      'STT',
      'TT',
      'Số thứ tự',
      'Số TT',
      'Ký hiệu',
      'Code',
      'Criterion code',
      'No',
      'Number',
      'ID',
    ],
    keywords: ['mã tiêu chí', 'stt', 'số thứ tự', 'code'],
    content: (cells) => shareMatching(cells, codeLike),
  },
  {
    role: 'parentCode',
    required: false,
    headers: ['Mã tiêu chí cha', 'Mã cha', 'Tiêu chí cha', 'Parent code', 'Parent'],
    keywords: ['mã cha', 'cha', 'parent'],
    content: (cells) => shareMatching(cells, codeLike),
  },
  {
    role: 'title',
    required: true,
    headers: [
      'Tên tiêu chí',
      'Nội dung',
      'Nội dung tiêu chí',
      'Nội dung đánh giá',
      'Chỉ tiêu',
      'Tiêu chí',
      'Tiêu chí, tiêu chí thành phần',
      'Lĩnh vực, tiêu chí',
      'Lĩnh vực/tiêu chí',
      'Tên',
      'Title',
      'Name',
      'Criterion',
      'Criteria',
      'Content',
      'Description',
    ],
    keywords: ['nội dung', 'tiêu chí', 'chỉ tiêu', 'title', 'criteria', 'criterion'],
    content: (cells) => Math.min(1, averageLength(cells) / 30),
  },
  {
    role: 'maxScore',
    required: true,
    headers: [
      'Điểm tối đa',
      'Điểm chuẩn',
      'Thang điểm',
      'Điểm',
      'Số điểm',
      'Điểm tối đa được chấm',
      'Max score',
      'Maximum',
      'Max',
      'Max points',
      'Points',
    ],
    keywords: ['tối đa', 'điểm chuẩn', 'thang điểm', 'max', 'maximum'],
    content: (cells) => shareMatching(cells, numberLike),
  },
  {
    role: 'area',
    required: false,
    headers: ['Lĩnh vực', 'Tên lĩnh vực', 'Nhóm tiêu chí', 'Nhóm', 'Area', 'Area name', 'Domain'],
    keywords: ['lĩnh vực', 'area'],
  },
  {
    role: 'selfScore',
    required: false,
    headers: ['Điểm tự chấm', 'Tự chấm', 'Tự đánh giá', 'Điểm tự đánh giá', 'Self score'],
    keywords: ['tự chấm', 'tự đánh giá', 'self'],
    content: (cells) => shareMatching(cells, numberLike),
  },
  {
    role: 'appraisedScore',
    required: false,
    headers: [
      'Điểm thẩm định',
      'Thẩm định',
      'Kết quả thẩm định',
      'Điểm hội đồng thẩm định',
      'Appraised score',
      'Appraisal',
    ],
    keywords: ['điểm thẩm định', 'kết quả thẩm định', 'hội đồng', 'appraised'],
    content: (cells) => shareMatching(cells, numberLike),
  },
  {
    role: 'capped',
    required: false,
    headers: ['Giới hạn điểm', 'Capped'],
  },
  {
    role: 'ruleType',
    required: false,
    headers: ['Cách chấm', 'Cách chấm điểm', 'Phương pháp chấm', 'Rule type', 'Rule'],
    keywords: ['cách chấm', 'phương pháp chấm'],
  },
  {
    role: 'ruleDetails',
    required: false,
    headers: ['Chi tiết cách chấm', 'Rule details', 'Details'],
    keywords: ['chi tiết cách chấm'],
  },
  {
    role: 'evidenceMin',
    required: false,
    headers: ['Số TLKC tối thiểu', 'Evidence min', 'Min evidence'],
  },
  {
    role: 'evidenceMax',
    required: false,
    headers: ['Số TLKC tối đa', 'Evidence max', 'Max evidence'],
  },
  {
    role: 'explanationRequired',
    required: false,
    headers: ['Bắt buộc giải trình', 'Explanation required'],
  },
  {
    role: 'appraiserUnitCode',
    required: false,
    headers: ['Đơn vị thẩm định', 'Cơ quan thẩm định', 'Appraiser unit', 'Appraiser unit code'],
    keywords: ['đơn vị thẩm định', 'cơ quan thẩm định'],
  },
  {
    role: 'guidanceForUnits',
    required: false,
    headers: ['Hướng dẫn cho đơn vị', 'Hướng dẫn', 'Tài liệu kiểm chứng', 'Guidance for units'],
    keywords: ['hướng dẫn cho đơn vị', 'hướng dẫn chấm', 'tài liệu kiểm chứng'],
  },
  {
    role: 'guidanceForAppraisers',
    required: false,
    headers: ['Hướng dẫn thẩm định', 'Guidance for appraisers'],
    keywords: ['hướng dẫn thẩm định'],
  },
];

// ---------------------------------------------------------------------------------------------
// Cells

export type CriteriaSheetValues = Record<CriteriaImportField, string | null>;
export interface CriteriaCellCleaned {
  field: CriteriaImportField;
  original: string;
  changes: CriteriaCellChange[];
}

/** Fields that keep their line breaks (paragraphs of guidance); others are one line. */
const multiline: ReadonlySet<CriteriaImportField> = new Set([
  'guidanceForUnits',
  'guidanceForAppraisers',
]);

export function cleanCriteriaCell(
  field: CriteriaImportField,
  original: string,
): { value: string; changes: CriteriaCellChange[] } {
  if (field === 'ruleDetails') return cleanDetails(original);
  if (field === 'code' || field === 'parentCode') return cleanCode(original);
  return cleanCell(original, multiline.has(field));
}

/** Codes are often typed as `1.` or `2.3.`; the trailing dot carries nothing and is dropped. */
function cleanCode(original: string): { value: string; changes: CriteriaCellChange[] } {
  const { value, changes } = cleanCell(original);
  if (!/^[0-9A-Za-z.]+\.$/.test(value)) return { value, changes };
  return {
    value: value.replace(/\.+$/, ''),
    changes: changes.includes('trimmed') ? changes : [...changes, 'trimmed'],
  };
}

/** Rule details: a line break is an item separator, so it becomes ` | ` rather than a space. */
function cleanDetails(original: string): { value: string; changes: CriteriaCellChange[] } {
  if (!/[\r\n]/.test(original)) return cleanCell(original);
  const joined = original
    .split(/\r\n|\r|\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' | ');
  const { value, changes } = cleanCell(joined);
  return { value, changes: ['lineBreaks', ...changes] };
}

/** "Tổng cộng", "Tổng điểm", "Total" in the code or the title cell of a row without a real code. */
export function isCriteriaTotalRow(values: Pick<CriteriaSheetValues, 'code' | 'title'>): boolean {
  const code = values.code ?? '';
  const title = values.title ?? '';
  const looksTotal = (text: string) => /^(tổng|cộng|total)/i.test(text.normalize('NFC'));
  const hasCode = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/.test(code);
  return !hasCode && (looksTotal(code) || looksTotal(title));
}

// ---------------------------------------------------------------------------------------------
// Area codes written as roman numerals or letters

const romanDigits: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** `IV` → 4; null for anything that is not a well-formed roman numeral up to 399. */
export function romanValue(text: string): number | null {
  if (!/^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(text) || text === '') return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = romanDigits[text[i]!]!;
    const next = romanDigits[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * Which codes of a sheet number its areas: roman numerals I, II, III… or letters A, B, C…, in
 * that order from the first. Returns each such code's area number, or an empty map.
 */
export function areaNumbering(codes: ReadonlyArray<string | null>): Map<string, number> {
  const candidates = codes.filter(
    (c): c is string => c !== null && (romanValue(c) !== null || /^[A-Z]$/.test(c)),
  );
  const asRoman = candidates.map(romanValue);
  if (candidates.length > 0 && asRoman.every((v, i) => v === i + 1)) {
    return new Map(candidates.map((c, i) => [c, i + 1]));
  }
  const asLetter = candidates.map((c) => (/^[A-Z]$/.test(c) ? c.charCodeAt(0) - 64 : null));
  if (candidates.length > 0 && asLetter.every((v, i) => v === i + 1)) {
    return new Map(candidates.map((c, i) => [c, i + 1]));
  }
  return new Map();
}

// ---------------------------------------------------------------------------------------------
// The tree

export interface CriteriaSheetMappingInput {
  roles: SheetRoles<CriteriaSheetRole>;
  defaultRule: CriteriaDefaultRule;
  /** Codes the admin gave areas built from an area-name column, by area name. */
  areaCodes: Readonly<Record<string, string>>;
}

export interface MappedCriteriaRow {
  row: number;
  values: CriteriaSheetValues;
  cleaned: CriteriaCellCleaned[];
  /** A parent or area the sheet lacks, made from its children. */
  created: boolean;
  errors: Array<{ field: string; message: string }>;
}

export interface MappedCriteriaSheet {
  /** Problems of the mapping itself; when any, no row is read. */
  problems: Array<{ message: string; columns: number[] }>;
  rows: MappedCriteriaRow[];
  /** A "Tổng cộng" row found at the bottom, with its maximum cell. */
  total: { row: number; value: string | null } | null;
  areas: Array<{ name: string; code: string; suggested: string }>;
  keptAside: Array<{ column: number; header: string; role: 'selfScore' | 'appraisedScore' }>;
  /** The sheet's own header of each mapped field, for messages that name a column. */
  columnNames: Partial<Record<CriteriaImportField, string>>;
}

const criteriaFields: readonly CriteriaImportField[] = [
  'code',
  'parentCode',
  'title',
  'maxScore',
  'capped',
  'ruleType',
  'ruleDetails',
  'evidenceMin',
  'evidenceMax',
  'explanationRequired',
  'appraiserUnitCode',
  'guidanceForUnits',
  'guidanceForAppraisers',
];

/** What a leaf without a rule gets for each default: the type and its details cell. */
const defaultRuleCells: Record<Exclude<CriteriaDefaultRule, 'none'>, [string, string]> = {
  manual: ['manual', 'step=0.01'],
  boolean: ['boolean', ''],
};

interface WorkRow extends MappedCriteriaRow {
  area: string | null;
  originalCode: string;
}

/**
 * The sheet's data rows (cells as read, blank rows already left out) as the portal's rows under
 * a mapping: cells cleaned, codes made whole, areas and missing parents created, the default rule
 * on leaves without one. What the rows then mean (numbers, rules) is checked by the caller.
 */
export function mapCriteriaSheet(
  header: readonly string[],
  rows: ReadonlyArray<{ row: number; cells: readonly string[] }>,
  mapping: CriteriaSheetMappingInput,
  locale: Locale = 'vi',
): MappedCriteriaSheet {
  const msg = (key: MessageKey, params?: Record<string, string | number>) =>
    formatMessage(key, params, locale);
  const roles = header.map((_, i) => mapping.roles[i] ?? null);
  const roleLabel = (role: CriteriaSheetRole) => msg(`criteriaSheetRole.${role}`);
  const result: MappedCriteriaSheet = {
    problems: describeSheetProblems(
      checkSheetRoles(criteriaSheetRoleDefinitions, roles),
      header,
      roleLabel,
      locale,
    ),
    rows: [],
    total: null,
    areas: [],
    keptAside: roles.flatMap((role, column) =>
      role === 'selfScore' || role === 'appraisedScore'
        ? [{ column, header: header[column] ?? '', role }]
        : [],
    ),
    columnNames: Object.fromEntries(
      roles.flatMap((role, i) =>
        role && (criteriaFields as readonly string[]).includes(role)
          ? [[role, header[i] ?? roleLabel(role)]]
          : [],
      ),
    ),
  };
  if (result.problems.length > 0) return result;

  const columnOf = (role: CriteriaSheetRole) => roles.indexOf(role);
  const areaColumn = columnOf('area');
  const hasCodeColumn = columnOf('code') >= 0;

  // 1. Each row's cells in the portal's columns, cleaned; an area name carried down merged cells.
  let work: WorkRow[] = [];
  let lastArea: string | null = null;
  for (const { row, cells } of rows) {
    const values = {} as CriteriaSheetValues;
    const cleaned: CriteriaCellCleaned[] = [];
    let anything = false;
    for (const field of criteriaFields) {
      const index = columnOf(field);
      const original = index < 0 ? '' : (cells[index] ?? '');
      const { value, changes } = cleanCriteriaCell(field, original);
      values[field] = value === '' ? null : value;
      if (value !== '') anything = true;
      if (changes.length > 0) cleaned.push({ field, original, changes });
    }
    let area: string | null = null;
    if (areaColumn >= 0) {
      area = cleanCell(cells[areaColumn] ?? '').value || lastArea;
      lastArea = area;
    }
    if (!anything) continue;
    work.push({
      row,
      values,
      cleaned,
      created: false,
      errors: [],
      area,
      // The code as the sheet has it, to name it when two codes become one.
      originalCode: cleanCell(cells[columnOf('code')] ?? '').value,
    });
  }
  const last = work.at(-1);
  if (last && isCriteriaTotalRow(last.values)) {
    work.pop();
    result.total = { row: last.row, value: last.values.maxScore };
  }

  const note = (
    w: WorkRow,
    field: CriteriaImportField,
    original: string,
    change: CriteriaCellChange,
  ) => {
    const existing = w.cleaned.find((c) => c.field === field);
    if (existing) {
      if (!existing.changes.includes(change)) existing.changes.push(change);
    } else w.cleaned.push({ field, original, changes: [change] });
  };
  const setCode = (w: WorkRow, code: string, change: CriteriaCellChange) => {
    note(w, 'code', w.originalCode, change);
    w.values.code = code;
  };

  // 2. Codes made whole: areas from a column of names, or from roman numerals / letters.
  if (areaColumn >= 0)
    mapAreaColumn(work, mapping, result, msg, header[areaColumn] ?? '', setCode, hasCodeColumn);
  else {
    numberRomanAreas(work, setCode);
    if (!hasCodeColumn) work.forEach((w, i) => setCode(w, String(i + 1), 'codeGenerated'));
  }

  // 3. Parents from dotted codes where the sheet names none.
  for (const w of work) {
    const code = w.values.code;
    if (w.values.parentCode === null && code && code.includes('.')) {
      w.values.parentCode = code.slice(0, code.lastIndexOf('.'));
      note(w, 'parentCode', '', 'parentFromCode');
    }
  }

  // 4. Codes that became one once cleaned: named with both originals, nothing guessed.
  const firstOf = new Map<string, WorkRow>();
  for (const w of work) {
    const code = w.values.code;
    if (!code) continue;
    const other = firstOf.get(code);
    if (!other) firstOf.set(code, w);
    else if (other.originalCode !== code || w.originalCode !== code) {
      w.errors.push({
        field: 'code',
        message: msg('criteriaImport.code.collision', {
          original: w.originalCode,
          code,
          otherOriginal: other.originalCode,
          otherRow: other.row,
        }),
      });
    }
  }

  // 5. Missing parents (and areas) made from their children, just above the first of them.
  work = withCreatedParents(work, result.areas, msg);

  // 6. Maxima of parents left empty: the sum of their children.
  const childrenOf = new Map<string, WorkRow[]>();
  for (const w of work) {
    if (w.values.parentCode === null) continue;
    const list = childrenOf.get(w.values.parentCode) ?? [];
    list.push(w);
    childrenOf.set(w.values.parentCode, list);
  }
  const visiting = new Set<WorkRow>();
  const maxOf = (w: WorkRow): number => {
    const given = parseHundredths(w.values.maxScore ?? '', { thousandsDots: false });
    if (typeof given === 'number') return given;
    const children = w.values.code ? (childrenOf.get(w.values.code) ?? []) : [];
    if (given !== null || children.length === 0 || visiting.has(w)) return 0;
    visiting.add(w);
    const sum = sumHundredths(children.map(maxOf));
    visiting.delete(w);
    w.values.maxScore = hundredthsToInput(sum, 'en');
    note(w, 'maxScore', '', 'maxFromChildren');
    return sum;
  };
  work.forEach(maxOf);

  // 7. The rule chosen for the whole import, on every leaf that names none.
  if (mapping.defaultRule !== 'none') {
    const [type, details] = defaultRuleCells[mapping.defaultRule];
    for (const w of work) {
      const leaf = !w.values.code || !childrenOf.has(w.values.code);
      if (!leaf || w.values.ruleType !== null) continue;
      w.values.ruleType = type;
      w.values.ruleDetails = details === '' ? null : details;
      note(w, 'ruleType', '', 'ruleDefault');
    }
  }

  result.rows = work.map(({ row, values, cleaned, created, errors }) => ({
    row,
    values,
    cleaned,
    created,
    errors,
  }));
  return result;
}

type Msg = (key: MessageKey, params?: Record<string, string | number>) => string;
type SetCode = (w: WorkRow, code: string, change: CriteriaCellChange) => void;

/** Roman numerals or letters numbering areas become 1, 2, …; rows under them join their area. */
function numberRomanAreas(work: WorkRow[], setCode: SetCode): void {
  const numbering = areaNumbering(work.map((w) => w.values.code));
  if (numbering.size === 0) return;
  let area: { number: string; rows: WorkRow[] } | null = null;
  const areas: Array<{ number: string; rows: WorkRow[] }> = [];
  for (const w of work) {
    const number = w.values.code ? numbering.get(w.values.code) : undefined;
    if (number !== undefined) {
      setCode(w, String(number), 'codeNumbered');
      area = { number: String(number), rows: [] };
      areas.push(area);
    } else if (area) area.rows.push(w);
  }
  for (const { number, rows } of areas) prefixWithArea(number, rows, setCode);
}

/**
 * Codes under an area either already start with its number (`1.2` under area 1) or restart in
 * each area (`1`, `1.1` under area II); the latter get the area's number in front.
 */
function prefixWithArea(areaCode: string, rows: WorkRow[], setCode: SetCode): void {
  const coded = rows.filter((w) => w.values.code);
  const whole = coded.length > 0 && coded.every((w) => w.values.code!.startsWith(`${areaCode}.`));
  if (whole) return;
  let position = 0;
  for (const w of rows) {
    position += 1;
    if (w.values.code) setCode(w, `${areaCode}.${w.values.code}`, 'codeInArea');
    else setCode(w, `${areaCode}.${position}`, 'codeGenerated');
    if (w.values.parentCode) {
      w.values.parentCode = `${areaCode}.${w.values.parentCode}`;
    }
  }
}

/**
 * Areas from a column of names: one per distinct name in order of first appearance. With dotted
 * codes the codes say which area a row is in, and a name that disagrees is an error on that row;
 * with plain numbers the area's code (its position, or what the admin typed) goes in front.
 */
function mapAreaColumn(
  work: WorkRow[],
  mapping: CriteriaSheetMappingInput,
  result: MappedCriteriaSheet,
  msg: Msg,
  areaHeader: string,
  setCode: SetCode,
  hasCodeColumn: boolean,
): void {
  const names: string[] = [];
  for (const w of work) if (w.area && !names.includes(w.area)) names.push(w.area);
  const dotted = work.some((w) => w.values.code?.includes('.'));
  const top = (code: string) => code.split('.')[0]!;
  const suggested = new Map<string, string>();
  names.forEach((name, i) => {
    if (!dotted) return suggested.set(name, String(i + 1));
    // The top part most rows of this area start with.
    const counts = new Map<string, number>();
    for (const w of work) {
      if (w.area === name && w.values.code) {
        const t = top(w.values.code);
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    suggested.set(name, best ?? String(i + 1));
  });
  const codeOf = new Map<string, string>();
  const areaOfCode = new Map<string, string>();
  for (const name of names) {
    const code = (mapping.areaCodes[name] ?? '').trim() || suggested.get(name)!;
    codeOf.set(name, code);
    result.areas.push({ name, code, suggested: suggested.get(name)! });
    const rows = work.filter((w) => w.area === name);
    const first = rows[0]!;
    if (!/^[0-9A-Za-z]+$/.test(code)) {
      first.errors.push({
        field: 'area',
        message: msg('criteriaImport.area.codeInvalid', { code, area: name }),
      });
    } else if (areaOfCode.has(code)) {
      first.errors.push({
        field: 'area',
        message: msg('criteriaImport.area.codeTwice', {
          code,
          area: name,
          otherArea: areaOfCode.get(code)!,
        }),
      });
    } else areaOfCode.set(code, name);
  }

  for (const name of names) {
    const areaCode = codeOf.get(name)!;
    const rows = work.filter((w) => w.area === name);
    if (!dotted) {
      if (hasCodeColumn) prefixWithArea(areaCode, rows, setCode);
      else rows.forEach((w, i) => setCode(w, `${areaCode}.${i + 1}`, 'codeGenerated'));
      continue;
    }
    for (const w of rows) {
      const code = w.values.code;
      if (!code || code === areaCode || code.startsWith(`${areaCode}.`)) continue;
      w.errors.push({
        field: 'area',
        message: msg('criteriaImport.area.disagrees', {
          column: areaHeader,
          area: name,
          areaCode,
          code,
          codeArea: top(code),
        }),
      });
    }
  }
}

/**
 * Every parent code no row carries becomes a row of its own, created, placed just above its
 * first child (its own missing parents above it), titled by its area's name when it is one.
 */
function withCreatedParents(
  work: WorkRow[],
  areas: MappedCriteriaSheet['areas'],
  msg: Msg,
): WorkRow[] {
  const titles = new Map(areas.map((a) => [a.code, a.name]));
  const present = new Set(work.flatMap((w) => (w.values.code ? [w.values.code] : [])));
  const out: WorkRow[] = [];
  const make = (code: string, row: number) => {
    if (present.has(code)) return;
    present.add(code);
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    if (parentCode) make(parentCode, row);
    const values = Object.fromEntries(criteriaFields.map((f) => [f, null])) as CriteriaSheetValues;
    values.code = code;
    values.parentCode = parentCode;
    values.title = titles.get(code) ?? msg('criteriaImport.created.title', { code });
    out.push({
      row,
      values,
      cleaned: [],
      created: true,
      errors: [],
      area: null,
      originalCode: code,
    });
  };
  for (const w of work) {
    if (w.values.parentCode && w.errors.length === 0) make(w.values.parentCode, w.row);
    out.push(w);
  }
  return out;
}
