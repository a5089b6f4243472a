/** The evidence files' own rule: their storage key (the shared file rules are in `@par/contracts`). */

/**
 * The object key: period, unit and a random id chosen by the service. The unit code comes from
 * the token and matches `[A-Za-z0-9._-]`, the period id is hex, so the key needs no escaping.
 */
export function storageKey(periodId: string, unitCode: string, randomId: string): string {
  return `${periodId}/${unitCode}/${randomId}`;
}
