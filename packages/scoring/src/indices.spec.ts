import fc from 'fast-check';
import { indexWithoutSurvey, scoreIndex, subIndices } from './indices';
import { mulDivRoundHalfUp } from './round-half-up';

describe('scoreIndex', () => {
  it('gives total ÷ maximum × 100 in hundredths of a percent, halves rounded up', () => {
    // [total, max, index], worked out by hand.
    const table: Array<[number, number, number]> = [
      [8750, 10000, 8750], // 87,5 of 100 points: 87.5 %
      [10000, 10000, 10000],
      [0, 10000, 0],
      [100, 300, 3333], // 33.333… %
      [200, 300, 6667], // 66.666… %
      [100, 800, 1250], // exactly 12.5 %
      [1, 20000, 1], // 0.005 %: a half, rounded up
      [1, 20001, 0], // just below a half
      [72345, 100000, 7235], // DTI scale: 723,45 of 1.000 points = 72.345 % → 72.35 %
      [1450, 1450, 10000],
      [3300, 3350, 9851], // 98.507… %
    ];
    for (const [total, max, index] of table) {
      expect(scoreIndex({ total, max })).toEqual({ ok: true, index });
    }
  });

  it('says zeroMaximum when nothing could be scored, never NaN', () => {
    expect(scoreIndex({ total: 0, max: 0 })).toEqual({ ok: false, reason: 'zeroMaximum' });
  });

  it('refuses figures that tree totals can never give', () => {
    expect(() => scoreIndex({ total: 101, max: 100 })).toThrow(RangeError);
    expect(() => scoreIndex({ total: -1, max: 100 })).toThrow(RangeError);
    expect(() => scoreIndex({ total: 1.5, max: 100 })).toThrow(RangeError);
  });

  it('matches the BigInt reference formula on any totals, however large', () => {
    const reference = (total: bigint, max: bigint) => (2n * total * 10000n + max) / (2n * max);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (max, share) => {
          const total = Math.min(max, Math.floor(max * share));
          const result = scoreIndex({ total, max });
          expect(result).toEqual({
            ok: true,
            index: Number(reference(BigInt(total), BigInt(max))),
          });
        },
      ),
    );
  });
});

describe('subIndices', () => {
  it('gives each area its own share, keyed by code', () => {
    const areas = subIndices([
      { code: 'I', total: 450, max: 500 },
      { code: 'II', total: 0, max: 0 },
      { code: 'III', total: 233, max: 350 },
    ]);
    expect([...areas]).toEqual([
      ['I', { ok: true, index: 9000 }],
      ['II', { ok: false, reason: 'zeroMaximum' }],
      ['III', { ok: true, index: 6657 }], // 66.571… %
    ]);
  });
});

describe('indexWithoutSurvey', () => {
  it('rescales the non-survey part to 100', () => {
    // 80 of 100 points, of which the survey gave 20 of 33,5: 60 of 66,5 = 90.225… %.
    expect(indexWithoutSurvey({ total: 8000, max: 10000 }, { total: 2000, max: 3350 })).toEqual({
      ok: true,
      index: 9023,
    });
    expect(indexWithoutSurvey({ total: 500, max: 500 }, { total: 0, max: 0 })).toEqual({
      ok: true,
      index: 10000,
    });
  });

  it('says zeroMaximum for an index made only of survey criteria', () => {
    expect(indexWithoutSurvey({ total: 30, max: 100 }, { total: 30, max: 100 })).toEqual({
      ok: false,
      reason: 'zeroMaximum',
    });
  });

  it('refuses a survey part larger than the whole', () => {
    expect(() => indexWithoutSurvey({ total: 10, max: 100 }, { total: 20, max: 50 })).toThrow(
      RangeError,
    );
  });
});

describe('mulDivRoundHalfUp', () => {
  it('matches the BigInt formula beyond safe products', () => {
    const reference = (a: bigint, b: bigint, c: bigint) => (2n * a * b + c) / (2n * c);
    const safe = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, safe, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (a, b, c) => {
        const expected = reference(BigInt(a), BigInt(b), BigInt(c));
        if (expected > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => mulDivRoundHalfUp(a, b, c)).toThrow(RangeError);
        } else {
          expect(mulDivRoundHalfUp(a, b, c)).toBe(Number(expected));
        }
      }),
    );
  });

  it('rounds halves up and the rest to the nearest', () => {
    expect(mulDivRoundHalfUp(1, 1, 2)).toBe(1);
    expect(mulDivRoundHalfUp(1, 1, 3)).toBe(0);
    expect(mulDivRoundHalfUp(2, 1, 3)).toBe(1);
    expect(mulDivRoundHalfUp(5, 1, 2)).toBe(3);
    expect(() => mulDivRoundHalfUp(1, 1, 0)).toThrow(RangeError);
  });
});
