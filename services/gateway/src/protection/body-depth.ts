/**
 * How deeply a parsed JSON body nests. A body of 20,000 nested arrays parses, but overflows the
 * stack of the JSON.stringify that puts it on the bus: it is refused before, as not valid.
 * Walked with an explicit stack, so measuring it cannot overflow either.
 */
export const MAX_BODY_DEPTH = 32;

export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
