/**
 * Column mappings kept in this browser by the header they were made for, so the next file with
 * the same header comes back mapped as the admin left it. Each import keeps its own.
 */
import { headerSignature } from '@par/sheets/mapping';

const storageKey = (kind: string, header: readonly string[]) =>
  `par.${kind}.mapping:${headerSignature(header)}`;

export function rememberMapping(kind: string, header: readonly string[], mapping: unknown): void {
  try {
    window.localStorage.setItem(storageKey(kind, header), JSON.stringify(mapping));
  } catch {
    // A browser without storage just guesses again next time.
  }
}

/** What was kept for this header, with its roles checked against the header and `roles`. */
export function recallMapping<M extends { roles: Array<string | null> }>(
  kind: string,
  header: readonly string[],
  roles: readonly string[],
): M | null {
  try {
    const text = window.localStorage.getItem(storageKey(kind, header));
    if (!text) return null;
    const kept = JSON.parse(text) as M;
    const fits =
      Array.isArray(kept.roles) &&
      kept.roles.length === header.length &&
      kept.roles.every((r) => r === null || roles.includes(r));
    return fits ? kept : null;
  } catch {
    return null;
  }
}
