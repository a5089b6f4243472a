/**
 * Ranks with ties the way rankings are published (competition ranking: 1, 2, 2, 4), within a
 * group, with an optional tie-break; the result never depends on the order of the input.
 */

export interface RankOptions<T> {
  /** A unique identity (a unit's code): orders equal-ranked items, so the input order never shows. */
  key: (item: T) => string;
  /** What is ranked, higher first (an index or a total, in integer hundredths). */
  score: (item: T) => number;
  /**
   * Consulted only between equal scores: negative when `a` ranks ahead of `b`, positive when
   * behind, 0 when they stay tied. It must be a consistent ordering (transitive, antisymmetric).
   */
  tieBreak?: (a: T, b: T) => number;
}

export interface RankedItem<T> {
  item: T;
  /** 1 + the number of items strictly ahead. */
  rank: number;
  /** True when at least one other item has the same rank. */
  tied: boolean;
}

/**
 * Competition ranks: `[9000, 8500, 8500, 7000]` ranks 1, 2, 2, 4. Returns the items ordered by
 * rank, equal ranks by key. A duplicate key or a score that is not a finite number is a bug
 * (RangeError).
 */
export function rankWithTies<T>(items: readonly T[], options: RankOptions<T>): RankedItem<T>[] {
  const { key, score, tieBreak } = options;
  const keys = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (keys.has(k)) throw new RangeError(`rankWithTies: duplicate key ${k}`);
    keys.add(k);
    if (!Number.isFinite(score(item))) {
      throw new RangeError(`rankWithTies: the score of ${k} is not a number`);
    }
  }
  const ahead = (a: T, b: T): number => score(b) - score(a) || (tieBreak ? tieBreak(a, b) : 0);
  const byKey = (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const sorted = [...items].sort((a, b) => ahead(a, b) || byKey(a, b));

  const ranked: RankedItem<T>[] = [];
  sorted.forEach((item, position) => {
    const previous = ranked[position - 1];
    const rank = previous && ahead(previous.item, item) === 0 ? previous.rank : position + 1;
    if (previous && previous.rank === rank) previous.tied = true;
    ranked.push({ item, rank, tied: previous?.rank === rank });
  });
  return ranked;
}

/**
 * {@link rankWithTies} within each group (units rank within their unit group), groups in the
 * order of their names.
 */
export function rankWithinGroups<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  options: RankOptions<T>,
): Map<string, RankedItem<T>[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groupOf(item);
    const members = groups.get(group);
    if (members) members.push(item);
    else groups.set(group, [item]);
  }
  return new Map(
    [...groups.keys()]
      .sort()
      .map((group) => [group, rankWithTies(groups.get(group)!, options)] as const),
  );
}
