import fc from 'fast-check';
import { rankWithTies, rankWithinGroups } from './ranks';

interface Unit {
  code: string;
  group: string;
  index: number;
  /** A tie-break figure (e.g. the survey part): higher first. */
  survey: number;
}

const unit = (code: string, index: number, survey = 0, group = 'so-nganh'): Unit => ({
  code,
  group,
  index,
  survey,
});
const byIndex = { key: (u: Unit) => u.code, score: (u: Unit) => u.index };
const ranksOf = (ranked: ReturnType<typeof rankWithTies<Unit>>) =>
  ranked.map((r) => [r.item.code, r.rank, r.tied]);

describe('rankWithTies', () => {
  it('shares a rank between equal scores and skips the ranks they take (1, 2, 2, 4)', () => {
    const ranked = rankWithTies(
      [unit('STP', 8500), unit('SNV', 9000), unit('SYT', 7000), unit('SGD', 8500)],
      byIndex,
    );
    expect(ranksOf(ranked)).toEqual([
      ['SNV', 1, false],
      ['SGD', 2, true],
      ['STP', 2, true],
      ['SYT', 4, false],
    ]);
  });

  it('breaks ties with the comparator, and keeps those it leaves equal tied', () => {
    const ranked = rankWithTies(
      [unit('A', 8000, 10), unit('B', 8000, 30), unit('C', 8000, 10), unit('D', 7000, 50)],
      { ...byIndex, tieBreak: (a, b) => b.survey - a.survey },
    );
    expect(ranksOf(ranked)).toEqual([
      ['B', 1, false],
      ['A', 2, true],
      ['C', 2, true],
      ['D', 4, false],
    ]);
  });

  it('ranks everyone first when all are equal, and nothing when empty', () => {
    expect(rankWithTies([unit('A', 0), unit('B', 0)], byIndex).map((r) => r.rank)).toEqual([1, 1]);
    expect(rankWithTies([], byIndex)).toEqual([]);
  });

  it('refuses a duplicate key', () => {
    expect(() => rankWithTies([unit('A', 1), unit('A', 2)], byIndex)).toThrow(RangeError);
  });

  it('does not depend on input order, and ties count as competition ranking says', () => {
    const units = fc.uniqueArray(
      fc.record({
        code: fc.string({ minLength: 1, maxLength: 4 }),
        group: fc.constant('g'),
        index: fc.integer({ min: 0, max: 20 }),
        survey: fc.integer({ min: 0, max: 3 }),
      }),
      { selector: (u) => u.code, maxLength: 30 },
    );
    const listAndShuffle = units.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
      ),
    );
    fc.assert(
      fc.property(listAndShuffle, fc.boolean(), ([list, reordered], withTieBreak) => {
        const options = withTieBreak
          ? { ...byIndex, tieBreak: (a: Unit, b: Unit) => b.survey - a.survey }
          : byIndex;
        const ranked = rankWithTies(list, options);
        const shuffled = rankWithTies(reordered, options);
        expect(ranksOf(shuffled)).toEqual(ranksOf(ranked));
        // Reference: 1 + how many are strictly ahead, counted pair by pair.
        const strictlyAhead = (a: Unit, b: Unit) =>
          a.index > b.index || (withTieBreak && a.index === b.index && a.survey > b.survey);
        for (const { item, rank, tied } of ranked) {
          expect(rank).toBe(1 + list.filter((other) => strictlyAhead(other, item)).length);
          const same = ranked.filter((r) => r.rank === rank).length;
          expect(tied).toBe(same > 1);
        }
      }),
    );
  });
});

describe('rankWithinGroups', () => {
  it('ranks each group on its own', () => {
    const ranked = rankWithinGroups(
      [
        unit('X-THANHBA', 7000, 0, 'xa-phuong'),
        unit('STP', 8000),
        unit('X-PHUNINH', 9000, 0, 'xa-phuong'),
        unit('SNV', 8000),
      ],
      (u) => u.group,
      byIndex,
    );
    expect([...ranked.keys()]).toEqual(['so-nganh', 'xa-phuong']);
    expect(ranksOf(ranked.get('so-nganh')!)).toEqual([
      ['SNV', 1, true],
      ['STP', 1, true],
    ]);
    expect(ranksOf(ranked.get('xa-phuong')!)).toEqual([
      ['X-PHUNINH', 1, false],
      ['X-THANHBA', 2, false],
    ]);
  });
});
