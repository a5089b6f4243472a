import type { ScoredLeaf } from './leaf-score';
import { checkFinalScore, possibleScores } from './final-score';

const manual: ScoredLeaf = { maxScore: 200, rule: { type: 'manual', min: 0, max: 200, step: 25 } };
const options: ScoredLeaf = {
  maxScore: 150,
  rule: {
    type: 'options',
    options: [
      { key: 'A', label: 'Đầy đủ', score: 150 },
      { key: 'B', label: 'Chưa đầy đủ', score: 50 },
    ],
  },
};
const deduction: ScoredLeaf = {
  maxScore: 0,
  rule: { type: 'deduction', maxDeduction: 100, step: 50 },
};
const banded: ScoredLeaf = {
  maxScore: 100,
  rule: {
    type: 'ratio',
    numeratorLabel: 'a',
    denominatorLabel: 'b',
    scale: {
      kind: 'bands',
      bands: [
        { minPercent: 9000, score: 100 },
        { minPercent: 5000, score: 50 },
      ],
    },
  },
} as ScoredLeaf;
const survey = { maxScore: 50, rule: { type: 'survey', source: 'SIPAS' } } as ScoredLeaf;

const verdict = (leaf: ScoredLeaf, score: number) => {
  const r = checkFinalScore(leaf, score);
  return r.ok ? r.score : r.reason;
};

describe('checkFinalScore', () => {
  it('takes a manual score on a step of its range, the maximum included', () => {
    expect([0, 75, 200, 130, 225, -25].map((s) => verdict(manual, s))).toEqual([
      0,
      75,
      200,
      'offStep',
      'outOfRange',
      'outOfRange',
    ]);
  });

  it("takes only an option's, a yes/no or a ratio band's score (0 below every band)", () => {
    expect([150, 50, 100].map((s) => verdict(options, s))).toEqual([150, 50, 'unknownOption']);
    expect([0, 50, 100, 75].map((s) => verdict(banded, s))).toEqual([0, 50, 100, 'unknownOption']);
    expect(possibleScores(options)).toEqual([150, 50]);
  });

  it('takes a deduction as a negative score down to its most, in steps', () => {
    expect([0, -50, -100, -150, -25, 50].map((s) => verdict(deduction, s))).toEqual([
      0,
      -50,
      -100,
      'outOfRange',
      'offStep',
      'outOfRange',
    ]);
  });

  it("takes a survey score from 0 to the leaf's maximum, never a fraction of a hundredth", () => {
    expect([0, 50, 51, 0.5].map((s) => verdict(survey, s))).toEqual([
      0,
      50,
      'outOfRange',
      'notHundredths',
    ]);
  });
});
