import fc from 'fast-check';
import type { ScoringRule } from '@par/contracts';
import { leafScore, type LeafInputs } from './leaf-score';
import { treeMaxima, treeScores, type TotalsNode } from './tree-totals';

const manual = (max: number): ScoringRule => ({ type: 'manual', min: 0, max, step: 25 });
const deduction: ScoringRule = { type: 'deduction', step: 25, maxDeduction: 200 };
const node = (
  code: string,
  parentCode: string | null,
  maxScore: number,
  rule: ScoringRule | null = manual(maxScore),
): TotalsNode => ({ code, parentCode, maxScore, rule });

/**
 * Area 1 (10) → 1.1 (6), 1.2 (4), 1.3 a deduction; area 2 capped at 5 → 2.1 (4), 2.2 (3).
 * Effective maxima: 1 → 10, 2 → 5 (not 7); total 15.
 */
const sample: TotalsNode[] = [
  node('1', null, 1000, null),
  node('1.1', '1', 600),
  node('1.2', '1', 400),
  node('1.3', '1', 0, deduction),
  node('2', null, 500, null),
  node('2.1', '2', 400),
  node('2.2', '2', 300),
];
const byCode = (nodes: readonly TotalsNode[], values: readonly (number | null)[]) =>
  Object.fromEntries(nodes.map((n, i) => [n.code, values[i]]));

describe('treeMaxima', () => {
  it('caps a parent at its maximum and lets a deduction add nothing', () => {
    const { childrenSum, effectiveMax, totalMax } = treeMaxima(sample);
    expect(byCode(sample, childrenSum)).toEqual({
      '1': 1000,
      '1.1': null,
      '1.2': null,
      '1.3': null,
      '2': 700,
      '2.1': null,
      '2.2': null,
    });
    expect(byCode(sample, effectiveMax)).toEqual({
      '1': 1000,
      '1.1': 600,
      '1.2': 400,
      '1.3': 0,
      '2': 500,
      '2.1': 400,
      '2.2': 300,
    });
    expect(totalMax).toBe(1500);
  });

  it('totals an area by what its children can give when its own maximum says more', () => {
    // Area 1 says 15 over 10 + 4.5: it gives 14.5. Area 2 says 5 over 3 + 3: it gives 5.
    const nodes = [
      node('1', null, 1500, null),
      node('1.1', '1', 1000),
      node('1.2', '1', 450),
      node('2', null, 500, null),
      node('2.1', '2', 300),
      node('2.2', '2', 300),
    ];
    const { effectiveMax, totalMax } = treeMaxima(nodes);
    expect([effectiveMax[0], effectiveMax[3]]).toEqual([1450, 500]);
    expect(totalMax).toBe(1950);
  });

  it('sums a deeper tree bottom-up, a nested cap included', () => {
    // 1 (10) → 1.1 capped at 3 over 4 + 4, and 1.2 (6): 1's children give 9.
    const nodes = [
      node('1', null, 1000, null),
      node('1.1', '1', 300, null),
      node('1.1.1', '1.1', 400),
      node('1.1.2', '1.1', 400),
      node('1.2', '1', 600),
    ];
    const { childrenSum, effectiveMax, totalMax } = treeMaxima(nodes);
    expect(childrenSum.slice(0, 2)).toEqual([900, 800]);
    expect(effectiveMax.slice(0, 2)).toEqual([900, 300]);
    expect(totalMax).toBe(900);
  });

  it('leaves nodes outside the tree (duplicate code, missing parent) out of the total', () => {
    const nodes = [node('1', null, 500), node('1', null, 700), node('9.1', '9', 300)];
    expect(treeMaxima(nodes).totalMax).toBe(500);
  });
});

describe('treeScores', () => {
  const scoresOf = (nodes: readonly TotalsNode[], leaves: Record<string, number>) => {
    const { scores, total } = treeScores(nodes, new Map(Object.entries(leaves)));
    return { ...byCode(nodes, scores), total };
  };

  it.each<{ when: string; leaves: Record<string, number>; expected: Record<string, number> }>([
    {
      when: 'every leaf at its maximum: the capped area gives 5, not 7',
      leaves: { '1.1': 600, '1.2': 400, '1.3': 0, '2.1': 400, '2.2': 300 },
      expected: { '1': 1000, '2': 500, total: 1500 },
    },
    {
      when: 'a penalty of 1 (−100) under area 1: 5.5 + 2 − 1',
      leaves: { '1.1': 550, '1.2': 200, '1.3': -100, '2.1': 100, '2.2': 150 },
      expected: { '1': 650, '2': 250, total: 900 },
    },
    {
      when: 'a penalty above the area’s points: the area floors at 0, area 2 is untouched',
      leaves: { '1.1': 50, '1.2': 0, '1.3': -200, '2.1': 400, '2.2': 300 },
      expected: { '1': 0, '2': 500, total: 500 },
    },
    {
      when: 'unscored leaves count 0',
      leaves: { '1.1': 600 },
      expected: { '1': 600, '2': 0, total: 600 },
    },
    {
      when: 'a leaf scored above its maximum counts its maximum',
      leaves: { '1.1': 900, '1.2': 400, '2.1': 400, '2.2': 0 },
      expected: { '1': 1000, '2': 400, total: 1400 },
    },
  ])('scores the sample when $when', ({ leaves, expected }) => {
    expect(scoresOf(sample, leaves)).toMatchObject(expected);
  });

  it('caps a parent before taking its penalty, so a cap cannot swallow a penalty', () => {
    // Capped at 5 over 4 + 3 with a penalty of 1: min(7, 5) − 1 = 4, not min(7 − 1, 5) = 5.
    const nodes = [
      node('1', null, 500, null),
      node('1.1', '1', 400),
      node('1.2', '1', 300),
      node('1.3', '1', 0, deduction),
    ];
    expect(scoresOf(nodes, { '1.1': 400, '1.2': 300, '1.3': -100 })).toEqual({
      '1': 400,
      '1.1': 400,
      '1.2': 300,
      '1.3': -100,
      total: 400,
    });
  });

  it('takes a penalty at its own parent only, deep in the tree', () => {
    // 1.1 = 3 + 2 − 1 = 4; 1 = 4 + 4 = 8.
    const nodes = [
      node('1', null, 1000, null),
      node('1.1', '1', 600, null),
      node('1.1.1', '1.1', 300),
      node('1.1.2', '1.1', 300),
      node('1.1.3', '1.1', 0, deduction),
      node('1.2', '1', 400),
    ];
    const leaves = { '1.1.1': 300, '1.1.2': 200, '1.1.3': -100, '1.2': 400 };
    expect(scoresOf(nodes, leaves)).toMatchObject({ '1.1': 400, '1': 800, total: 800 });
  });

  it('takes leaf scores as leafScore gives them, a penalty negative', () => {
    const given = (code: string, inputs: LeafInputs) => {
      const result = leafScore(
        sample.find((n) => n.code === code)!,
        inputs,
      );
      if (!result.ok) throw new Error(result.reason);
      return [code, result.score] as const;
    };
    const leaves = new Map([
      given('1.1', { value: 500 }),
      given('1.2', { value: 400 }),
      given('1.3', { penalty: 150 }),
    ]);
    // 5 + 4 − 1,5 = 7,5.
    expect(treeScores(sample, leaves).scores[0]).toBe(750);
  });

  it('takes a top-level penalty from the total, which floors at 0', () => {
    const nodes = [node('1', null, 1000), node('2', null, 0, deduction)];
    expect(scoresOf(nodes, { '1': 800, '2': -100 }).total).toBe(700);
    expect(scoresOf(nodes, { '1': 300, '2': -500 }).total).toBe(0);
  });

  it('refuses a score that is not integer hundredths, negative points and a positive penalty', () => {
    expect(() => treeScores(sample, new Map([['1.1', 12.5]]))).toThrow(RangeError);
    expect(() => treeScores(sample, new Map([['1.1', -100]]))).toThrow(RangeError);
    expect(() => treeScores(sample, new Map([['1.3', 100]]))).toThrow(RangeError);
  });
});

// Properties: random trees against a reference written on the nested shape, in BigInt.

interface Spec {
  max: number;
  /** Deduction leaves only: their score is a penalty. */
  deduction: boolean;
  /** A leaf's points as given (possibly above its maximum), a deduction's penalty (≥ 0). */
  score: number;
  children: Spec[];
}

const hundredths = fc.integer({ min: 0, max: 1_000_000 });
const { spec } = fc.letrec<{ spec: Spec; leaf: Spec; parent: Spec }>((tie) => ({
  spec: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('parent')),
  leaf: fc.record({
    max: hundredths,
    deduction: fc.boolean(),
    score: hundredths,
    children: fc.constant([]),
  }),
  parent: fc.record({
    max: hundredths,
    deduction: fc.constant(false),
    score: fc.constant(0),
    children: fc.array(tie('spec'), { minLength: 1, maxLength: 4 }),
  }),
}));
const forest = fc.array(spec, { minLength: 1, maxLength: 5 });

interface Flat {
  nodes: TotalsNode[];
  leaves: Map<string, number>;
  specs: Spec[];
}

function flatten(areas: readonly Spec[]): Flat {
  const flat: Flat = { nodes: [], leaves: new Map(), specs: [] };
  const walk = (s: Spec, code: string, parentCode: string | null) => {
    const leaf = s.children.length === 0;
    const rule = !leaf ? null : s.deduction ? deduction : manual(s.max);
    flat.nodes.push({ code, parentCode, maxScore: s.deduction && leaf ? 0 : s.max, rule });
    flat.specs.push(s);
    // As leafScore gives them: a deduction's penalty as a negative number.
    if (leaf) flat.leaves.set(code, s.deduction ? -s.score : s.score);
    s.children.forEach((child, i) => walk(child, `${code}.${i + 1}`, code));
  };
  areas.forEach((area, i) => walk(area, String(i + 1), null));
  return flat;
}

const big = (n: number) => BigInt(n);
const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
const isPenalty = (s: Spec) => s.deduction && s.children.length === 0;

function referenceMax(s: Spec): bigint {
  if (s.children.length === 0) return s.deduction ? 0n : big(s.max);
  return minBig(
    big(s.max),
    s.children.map(referenceMax).reduce((a, b) => a + b, 0n),
  );
}

/** Points given and penalty taken by a list of siblings, and what remains, floored at 0. */
function referenceSum(children: readonly Spec[], cap: bigint | null): bigint {
  let points = 0n;
  let penalty = 0n;
  for (const child of children) {
    if (isPenalty(child)) penalty += big(child.score);
    else points += referenceScore(child);
  }
  const capped = cap === null ? points : minBig(points, cap);
  return capped > penalty ? capped - penalty : 0n;
}

function referenceScore(s: Spec): bigint {
  if (s.children.length === 0)
    return s.deduction ? -big(s.score) : minBig(big(s.score), big(s.max));
  return referenceSum(s.children, big(s.max));
}

describe('tree totals, for any tree', () => {
  it('match a BigInt reference: every effective maximum, every score and both totals', () => {
    fc.assert(
      fc.property(forest, (areas) => {
        const { nodes, leaves, specs } = flatten(areas);
        const maxima = treeMaxima(nodes);
        const { scores, total } = treeScores(nodes, leaves);
        specs.forEach((s, i) => {
          expect(big(maxima.effectiveMax[i]!)).toBe(referenceMax(s));
          expect(big(scores[i]!)).toBe(referenceScore(s));
        });
        expect(big(maxima.totalMax)).toBe(areas.map(referenceMax).reduce((a, b) => a + b, 0n));
        expect(big(total)).toBe(referenceSum(areas, null));
      }),
    );
  });

  it('keep every score an integer between 0 and its maximum, and the total within the total maximum', () => {
    fc.assert(
      fc.property(forest, (areas) => {
        const { nodes, leaves, specs } = flatten(areas);
        const { effectiveMax, totalMax } = treeMaxima(nodes);
        const { scores, total } = treeScores(nodes, leaves);
        scores.forEach((score, i) => {
          expect(Number.isSafeInteger(score)).toBe(true);
          if (isPenalty(specs[i]!)) return;
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(nodes[i]!.maxScore);
          expect(score).toBeLessThanOrEqual(effectiveMax[i]!);
        });
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(totalMax);
      }),
    );
  });

  it('do not depend on the order of the list', () => {
    fc.assert(
      fc.property(
        forest.chain((areas) => {
          const { nodes } = flatten(areas);
          return fc.tuple(
            fc.constant(areas),
            fc.shuffledSubarray(nodes, { minLength: nodes.length }),
          );
        }),
        ([areas, shuffled]) => {
          const { nodes, leaves } = flatten(areas);
          const scoreByCode = (list: readonly TotalsNode[]) => {
            const { scores, total } = treeScores(list, leaves);
            return { total, byCode: new Map(list.map((n, i) => [n.code, scores[i]])) };
          };
          expect(scoreByCode(shuffled)).toEqual(scoreByCode(nodes));
          expect(treeMaxima(shuffled).totalMax).toBe(treeMaxima(nodes).totalMax);
        },
      ),
    );
  });
});
