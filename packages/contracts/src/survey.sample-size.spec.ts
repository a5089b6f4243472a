import { sampleSize } from './survey.sample-size';

describe('the sample size of a direct survey, n = N ÷ (1 + N·e²) rounded up', () => {
  // Worked by hand: 1000 ÷ (1 + 1000·0.05²) = 1000 ÷ 3.5 = 285.71 → 286, and so on.
  it.each([
    [0, 500, 0],
    [1, 500, 1],
    [100, 500, 80], // 100 ÷ 1.25 = 80 exactly: not rounded up to 81
    [400, 500, 200], // 400 ÷ 2 = 200 exactly
    [1000, 500, 286], // 1000 ÷ 3.5 = 285.71…
    [10_000, 500, 385], // 10000 ÷ 26 = 384.61…
    [1000, 1000, 91], // 1000 ÷ 11 = 90.90…
    [5000, 300, 910], // 5000 ÷ (1 + 5000·0.03²) = 5000 ÷ 5.5 = 909.09…
  ])('N = %i, e = %i hundredths of a percent → %i', (population, margin, expected) => {
    expect(sampleSize(population, margin)).toBe(expected);
  });

  it('approaches 1 ÷ e² for a very large N and never exceeds it', () => {
    // 1 ÷ 0.05² = 400; N = 10,000,000: 10⁷ ÷ (1 + 25,000) = 399.98… → 400.
    expect(sampleSize(10_000_000, 500)).toBe(400);
  });

  it('refuses a fractional or negative N and a margin outside 1 %–20 %', () => {
    expect(() => sampleSize(10.5, 500)).toThrow(RangeError);
    expect(() => sampleSize(-1, 500)).toThrow(RangeError);
    expect(() => sampleSize(100, 99)).toThrow(RangeError);
    expect(() => sampleSize(100, 2001)).toThrow(RangeError);
  });
});
