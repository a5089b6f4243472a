/**
 * Which column of a sheet plays which role: guessed from the header words (Vietnamese with or
 * without diacritics, English, synonyms) and the cells below them, then confirmed or changed by
 * the admin. Pure, so the browser's instant preview and the service's import guess alike.
 */

import { formatMessage, type Locale, type MessageKey } from '@par/contracts';

/** One role a column can play, with the words that name it. */
export interface SheetRoleDefinition<R extends string> {
  role: R;
  /** A mapping without a column for this role cannot be imported. */
  required: boolean;
  /** Whole headers that name the role, written plainly (normalised before comparing). */
  headers: readonly string[];
  /** Words that, found inside a longer header, hint at the role. */
  keywords?: readonly string[];
  /** How well the cells of a column fit the role, from 0 to 1 (non-empty cells only). */
  content?: (cells: readonly string[]) => number;
}

/** The role of each column of the header, by position; null for a column left out. */
export type SheetRoles<R extends string> = Array<R | null>;

/** A problem of the mapping itself, before any row is read. */
export type SheetMappingProblem<R extends string> =
  { kind: 'roleMissing'; role: R } | { kind: 'roleTwice'; role: R; columns: number[] };

/**
 * A header as compared: Unicode letters without their marks (đ as d), lower case, punctuation as
 * spaces. "Điểm chuẩn (điểm)" and "diem chuan - diem" compare equal.
 */
export function normalizeHeaderText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const EXACT = 100;
const KEYWORD = 60;
const CONTENT = 30;
/** Below this a column is left for the admin to place: content alone never decides a role. */
const THRESHOLD = 50;

/** How strongly a column (its header and its cells) suggests a role; 0 when not at all. */
export function roleScore<R extends string>(
  definition: SheetRoleDefinition<R>,
  header: string,
  cells: readonly string[],
): number {
  const name = normalizeHeaderText(header);
  const filled = cells.filter((c) => c.trim() !== '');
  const content = definition.content && filled.length > 0 ? definition.content(filled) : 0;
  let base = 0;
  if (name !== '' && definition.headers.some((h) => normalizeHeaderText(h) === name)) base = EXACT;
  else if (name !== '') {
    const padded = ` ${name} `;
    const hits = (definition.keywords ?? [])
      .map(normalizeHeaderText)
      .filter((k) => k !== '' && padded.includes(` ${k} `));
    // A longer keyword is a more specific hint ("diem tu cham" over "diem").
    if (hits.length > 0) base = KEYWORD + Math.min(9, Math.max(...hits.map((k) => k.length)) / 3);
  }
  return base === 0 ? 0 : base + CONTENT * content;
}

/**
 * The best role of each column, one column per role: the strongest (column, role) pairs are
 * taken first; ties go to the column further left. Columns with nothing recognisable stay null.
 */
export function guessSheetRoles<R extends string>(
  definitions: ReadonlyArray<SheetRoleDefinition<R>>,
  header: readonly string[],
  columns: ReadonlyArray<readonly string[]>,
): SheetRoles<R> {
  const pairs: Array<{ column: number; role: R; score: number }> = [];
  header.forEach((text, column) => {
    for (const definition of definitions) {
      const score = roleScore(definition, text, columns[column] ?? []);
      if (score >= THRESHOLD) pairs.push({ column, role: definition.role, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const roles: SheetRoles<R> = header.map(() => null);
  const taken = new Set<R>();
  for (const { column, role } of pairs) {
    if (roles[column] !== null || taken.has(role)) continue;
    roles[column] = role;
    taken.add(role);
  }
  return roles;
}

/** Roles required and missing, and roles given to more than one column. */
export function checkSheetRoles<R extends string>(
  definitions: ReadonlyArray<SheetRoleDefinition<R>>,
  roles: ReadonlyArray<R | null>,
): SheetMappingProblem<R>[] {
  const problems: SheetMappingProblem<R>[] = [];
  for (const { role, required } of definitions) {
    const columns = roles.flatMap((r, i) => (r === role ? [i] : []));
    if (required && columns.length === 0) problems.push({ kind: 'roleMissing', role });
    if (columns.length > 1) problems.push({ kind: 'roleTwice', role, columns });
  }
  return problems;
}

/**
 * The first of the top `searchRows` rows that reads as a header: the most roles recognised,
 * provided every required role is among them; else the row with the most roles (the admin fixes
 * the rest), else the first row.
 */
export function findHeaderRow<R extends string>(
  definitions: ReadonlyArray<SheetRoleDefinition<R>>,
  table: ReadonlyArray<readonly string[]>,
  searchRows = 10,
): number {
  let best = 0;
  let bestCount = 0;
  for (let r = 0; r < Math.min(searchRows, table.length); r++) {
    const header = table[r]!;
    const below = columnsOf(table.slice(r + 1, r + 21), header.length);
    const roles = guessSheetRoles(definitions, header, below);
    const count = roles.filter((x) => x !== null).length;
    const complete = checkSheetRoles(definitions, roles).every((p) => p.kind !== 'roleMissing');
    if (complete && count > 0) return r;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}

/** The cells of a table by column (a short row's missing cells as empty text). */
export function columnsOf(rows: ReadonlyArray<readonly string[]>, width: number): string[][] {
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? ''));
}

/** The key a mapping is remembered under: the header as compared, so the same sheet finds it. */
export function headerSignature(header: readonly string[]): string {
  return header.map(normalizeHeaderText).join('|');
}

/** Share of cells matching a pattern (for the `content` of a role). */
export function shareMatching(cells: readonly string[], pattern: RegExp): number {
  return cells.length === 0 ? 0 : cells.filter((c) => pattern.test(c.trim())).length / cells.length;
}

/** The problems of a mapping as the admin reads them, each with the columns it is about. */
export function describeSheetProblems<R extends string>(
  problems: ReadonlyArray<SheetMappingProblem<R>>,
  header: readonly string[],
  roleLabel: (role: R) => string,
  locale: Locale = 'vi',
): Array<{ message: string; columns: number[] }> {
  const msg = (key: MessageKey, params: Record<string, string | number>) =>
    formatMessage(key, params, locale);
  const column = (i: number) =>
    msg('sheetMapping.column', { number: i + 1, header: header[i] ?? '' });
  return problems.map((p) =>
    p.kind === 'roleMissing'
      ? { message: msg('sheetMapping.roleMissing', { role: roleLabel(p.role) }), columns: [] }
      : {
          message: msg('sheetMapping.roleTwice', {
            role: roleLabel(p.role),
            columns: p.columns.map(column).join(', '),
          }),
          columns: p.columns,
        },
  );
}
