import fc from 'fast-check';
import type { ScoringRule } from '@par/contracts';
import { leafRangeText, leafScore, linkedScore, type ScoredLeaf, surveyScore } from './leaf-score';

const leaf = (maxScore: number, rule: ScoringRule | null): ScoredLeaf => ({ maxScore, rule });

describe('leafScore', () => {
  describe('manual', () => {
    // 0 … 2 points in quarter points.
    const quarters = leaf(200, { type: 'manual', min: 0, max: 200, step: 25 });

    it('takes a value on a step within the range', () => {
      expect(leafScore(quarters, { value: 0 })).toEqual({ ok: true, score: 0 });
      expect(leafScore(quarters, { value: 175 })).toEqual({ ok: true, score: 175 });
      expect(leafScore(quarters, { value: 200 })).toEqual({ ok: true, score: 200 });
    });

    it('refuses a value off the range or between steps', () => {
      expect(leafScore(quarters, { value: 225 })).toEqual({
        ok: false,
        reason: 'outOfRange',
        field: 'value',
      });
      expect(leafScore(quarters, { value: 110 })).toEqual({
        ok: false,
        reason: 'offStep',
        field: 'value',
      });
    });

    it('counts steps from the minimum and always allows the maximum', () => {
      // 0,5 … 2 in steps of 0,4: 0,5 0,9 1,3 1,7 and 2.
      const odd = leaf(200, { type: 'manual', min: 50, max: 200, step: 40 });
      expect(leafScore(odd, { value: 130 })).toEqual({ ok: true, score: 130 });
      expect(leafScore(odd, { value: 200 })).toEqual({ ok: true, score: 200 });
      expect(leafScore(odd, { value: 40 })).toMatchObject({ reason: 'outOfRange' });
      expect(leafScore(odd, { value: 120 })).toMatchObject({ reason: 'offStep' });
    });

    it('says what is missing or not a number of hundredths', () => {
      expect(leafScore(quarters, {})).toEqual({
        ok: false,
        reason: 'missingInput',
        field: 'value',
      });
      expect(leafScore(quarters, { value: null })).toMatchObject({ reason: 'missingInput' });
      expect(leafScore(quarters, { value: 12.5 })).toMatchObject({ reason: 'notHundredths' });
      expect(leafScore(quarters, { value: -25 })).toMatchObject({ reason: 'notHundredths' });
    });
  });

  describe('options', () => {
    const onTime = leaf(100, {
      type: 'options',
      options: [
        { key: 'A', label: 'Đúng hạn', score: 100 },
        { key: 'B', label: 'Chậm dưới 10 ngày', score: 50 },
        { key: 'C', label: 'Chậm trên 10 ngày', score: 0 },
      ],
    });

    it('scores the chosen option', () => {
      expect(leafScore(onTime, { optionKey: 'B' })).toEqual({ ok: true, score: 50 });
      expect(leafScore(onTime, { optionKey: 'C' })).toEqual({ ok: true, score: 0 });
    });

    it('refuses an option the rule does not have, and a missing choice', () => {
      expect(leafScore(onTime, { optionKey: 'D' })).toEqual({
        ok: false,
        reason: 'unknownOption',
        field: 'optionKey',
      });
      expect(leafScore(onTime, { optionKey: '' })).toMatchObject({ reason: 'missingInput' });
    });
  });

  describe('ratio', () => {
    const ratio = (scale: Extract<ScoringRule, { type: 'ratio' }>['scale']): ScoringRule => ({
      type: 'ratio',
      numeratorLabel: 'Số hồ sơ giải quyết đúng hạn',
      denominatorLabel: 'Tổng số hồ sơ',
      scale,
    });
    // ≥ 90 %: 2 points, ≥ 70 %: 1 point, below: 0 (bands given out of order on purpose).
    const banded = leaf(
      200,
      ratio({
        kind: 'bands',
        bands: [
          { minPercent: 7000, score: 100 },
          { minPercent: 9000, score: 200 },
        ],
      }),
    );
    // 0 at or below 50 %, 1,5 points at or above 100 %.
    const linear = leaf(150, ratio({ kind: 'linear', fromPercent: 5000, toPercent: 10000 }));

    it('takes the highest band the percentage reaches, 0 below every band', () => {
      expect(leafScore(banded, { numerator: 9, denominator: 10 })).toEqual({
        ok: true,
        score: 200,
        percent: 9000,
      });
      expect(leafScore(banded, { numerator: 17, denominator: 20 })).toEqual({
        ok: true,
        score: 100,
        percent: 8500,
      });
      expect(leafScore(banded, { numerator: 2, denominator: 3 })).toEqual({
        ok: true,
        score: 0,
        percent: 6667,
      });
    });

    it('rounds the percentage half up before the bands: 8999,5 reaches 90 %', () => {
      // 17 999 of 20 000 is 89.995 % → 9000 hundredths of a percent.
      expect(leafScore(banded, { numerator: 17999, denominator: 20000 })).toEqual({
        ok: true,
        score: 200,
        percent: 9000,
      });
    });

    it('scales linearly between the two percentages, rounding the score half up', () => {
      expect(leafScore(linear, { numerator: 1, denominator: 2 })).toMatchObject({ score: 0 });
      expect(leafScore(linear, { numerator: 3, denominator: 4 })).toMatchObject({
        score: 75,
        percent: 7500,
      });
      // 2/3 = 66.67 %: 150 × 1667 / 5000 = 50.01 → 50.
      expect(leafScore(linear, { numerator: 2, denominator: 3 })).toMatchObject({
        score: 50,
        percent: 6667,
      });
      // 51 %: 150 × 100 / 5000 = 3.
      expect(leafScore(linear, { numerator: 51, denominator: 100 })).toMatchObject({ score: 3 });
      // 50.01 %: 150 × 1 / 5000 = 0.03 → 0; 50.17 %: 150 × 17 / 5000 = 0.51 → 1.
      expect(leafScore(linear, { numerator: 5001, denominator: 10000 })).toMatchObject({
        score: 0,
      });
      expect(leafScore(linear, { numerator: 5017, denominator: 10000 })).toMatchObject({
        score: 1,
      });
      expect(leafScore(linear, { numerator: 7, denominator: 7 })).toMatchObject({ score: 150 });
      expect(leafScore(linear, { numerator: 0, denominator: 7 })).toMatchObject({
        score: 0,
        percent: 0,
      });
    });

    it('refuses a zero denominator, even 0 ÷ 0, and a share above the whole', () => {
      expect(leafScore(linear, { numerator: 0, denominator: 0 })).toEqual({
        ok: false,
        reason: 'zeroDenominator',
        field: 'denominator',
      });
      expect(leafScore(linear, { numerator: 11, denominator: 10 })).toEqual({
        ok: false,
        reason: 'numeratorAboveDenominator',
        field: 'numerator',
      });
      expect(leafScore(linear, { numerator: 1 })).toEqual({
        ok: false,
        reason: 'missingInput',
        field: 'denominator',
      });
    });
  });

  it('scores yes and no with their own scores', () => {
    const published = leaf(50, { type: 'boolean', yesScore: 50, noScore: 0 });
    expect(leafScore(published, { yes: true })).toEqual({ ok: true, score: 50 });
    expect(leafScore(published, { yes: false })).toEqual({ ok: true, score: 0 });
    expect(leafScore(published, {})).toEqual({ ok: false, reason: 'missingInput', field: 'yes' });
  });

  it('turns a penalty into a negative score, in steps up to the maximum deduction', () => {
    const late = leaf(0, { type: 'deduction', step: 50, maxDeduction: 200 });
    expect(leafScore(late, { penalty: 150 })).toEqual({ ok: true, score: -150 });
    expect(leafScore(late, { penalty: 0 })).toEqual({ ok: true, score: 0 });
    expect(Object.is((leafScore(late, { penalty: 0 }) as { score: number }).score, -0)).toBe(false);
    expect(leafScore(late, { penalty: 250 })).toEqual({
      ok: false,
      reason: 'outOfRange',
      field: 'penalty',
    });
    expect(leafScore(late, { penalty: 75 })).toMatchObject({ reason: 'offStep' });
  });

  it('takes survey and linked values from outside, within the leaf maximum', () => {
    const survey = leaf(350, { type: 'survey', source: 'SIPAS' });
    const linked = leaf(100, { type: 'linked', indexCode: 'PAR', criterionCode: '3.2.1' });
    expect(leafScore(survey, { value: 287 })).toEqual({ ok: true, score: 287 });
    expect(leafScore(survey, { value: 351 })).toMatchObject({ reason: 'outOfRange' });
    expect(leafScore(linked, { value: 100 })).toEqual({ ok: true, score: 100 });
    expect(leafScore(linked, {})).toMatchObject({ reason: 'missingInput', field: 'value' });
  });

  it('gives a reason for a leaf without a rule instead of throwing', () => {
    expect(leafScore(leaf(100, null), { value: 50 })).toEqual({
      ok: false,
      reason: 'noRule',
      field: null,
    });
  });

  it('matches a BigInt reference for the linear scale on any figures', () => {
    // The reference, written here: percent = ⌊(2·n·10000 + d) / 2d⌋, then the same for the score.
    const halfUp = (a: bigint, b: bigint, c: bigint) => (2n * a * b + c) / (2n * c);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 10000 }),
        (maxScore, denominator, rawNumerator, from, width) => {
          const numerator = rawNumerator % (denominator + 1);
          const to = Math.min(10000, from + width);
          if (to <= from) return;
          const rule = leaf(maxScore, {
            type: 'ratio',
            numeratorLabel: 'a',
            denominatorLabel: 'b',
            scale: { kind: 'linear', fromPercent: from, toPercent: to },
          });
          const percent = halfUp(BigInt(numerator), 10000n, BigInt(denominator));
          const expected =
            percent <= BigInt(from)
              ? 0n
              : percent >= BigInt(to)
                ? BigInt(maxScore)
                : halfUp(BigInt(maxScore), percent - BigInt(from), BigInt(to - from));
          const result = leafScore(rule, { numerator, denominator });
          expect(result).toEqual({ ok: true, score: Number(expected), percent: Number(percent) });
        },
      ),
    );
  });
});

describe('linkedScore', () => {
  // [source score, source max, this leaf's max, expected] in hundredths, worked by hand.
  it.each([
    [150, 200, 200, 150], // same maximum: the source's score as it is
    [150, 200, 300, 225], // 1,50 of 2,00 is three quarters of 3,00
    [100, 300, 200, 67], // 2 × 1/3 = 0,666… → 0,67
    [50, 300, 100, 17], // 1 × 1/6 = 0,1666… → 0,17
    [100, 800, 100, 13], // 1 × 1/8 = 0,125 → 0,13 (half up)
    [300, 300, 150, 150], // full marks stay full marks
    [0, 300, 150, 0],
    [350, 300, 150, 150], // a source over its maximum counts as its maximum
    [-20, 300, 150, 0],
    [100, 0, 150, 0], // a source out of nothing gives nothing
  ])('scales %i of %i to a maximum of %i as %i', (score, sourceMax, max, expected) => {
    expect(linkedScore(score, sourceMax, max)).toBe(expected);
  });
});

describe('leafRangeText', () => {
  it('quotes a manual rule its own range and step, in points as people read them', () => {
    const manual = leaf(200, { type: 'manual', min: 50, max: 200, step: 25 });
    expect(leafRangeText(manual)).toEqual({ min: '0,5', max: '2', step: '0,25', next: '0,75' });
    expect(leafRangeText(manual, 'en')).toEqual({
      min: '0.5',
      max: '2',
      step: '0.25',
      next: '0.75',
    });
  });

  it('quotes a deduction from 0 to the most it takes off, in its steps', () => {
    const deduction = leaf(300, { type: 'deduction', maxDeduction: 100, step: 50 });
    expect(leafRangeText(deduction)).toEqual({ min: '0', max: '1', step: '0,5', next: '0,5' });
  });

  it('quotes any other rule from 0 to the leaf maximum in hundredths', () => {
    expect(leafRangeText(leaf(150, { type: 'boolean', yesScore: 150, noScore: 0 }))).toEqual({
      min: '0',
      max: '1,5',
      step: '0,01',
      next: '0,01',
    });
  });
});

describe('surveyScore', () => {
  it('takes the satisfied share of the leaf’s maximum, rounded half up to the hundredth', () => {
    // 87,5 % of 2 points = 1,75; 66,67 % of 1,5 = 1,00005 → 1; 33,33 % of 0,25 → 0,083325 → 0,08.
    expect(surveyScore(8750, 200)).toBe(175);
    expect(surveyScore(6667, 150)).toBe(100);
    expect(surveyScore(3333, 25)).toBe(8);
    // 50 % of 0,25 = 0,125 → half up to 0,13; none and all.
    expect(surveyScore(5000, 25)).toBe(13);
    expect(surveyScore(0, 300)).toBe(0);
    expect(surveyScore(10_000, 300)).toBe(300);
  });
});
