/**
 * How many citizens a unit's direct survey needs: Yamane's n = N ÷ (1 + N·e²) from the number of
 * dossiers N and the margin of error e, rounded up (a fraction of a person is one more person).
 * The admin's page and the survey service both call it.
 */

/** The largest number of dossiers accepted (well inside exact integer arithmetic). */
export const SAMPLE_POPULATION_MAX = 10_000_000;
/** The margin of error in hundredths of a percent: 1 % to 20 % (500 is 5 %). */
export const SAMPLE_MARGIN_MIN = 100;
export const SAMPLE_MARGIN_MAX = 2000;

/**
 * n = ⌈N ÷ (1 + N·e²)⌉ with e = `marginHundredthsOfPercent` ÷ 10 000, computed in integers:
 * ⌈N·10⁸ ÷ (10⁸ + N·m²)⌉, so 5 % of 1,000 dossiers gives ⌈285.71…⌉ = 286, never a float's 285.99….
 */
export function sampleSize(population: number, marginHundredthsOfPercent: number): number {
  if (!Number.isInteger(population) || population < 0 || population > SAMPLE_POPULATION_MAX)
    throw new RangeError(
      `sampleSize: population must be an integer in [0, ${SAMPLE_POPULATION_MAX}]`,
    );
  const m = marginHundredthsOfPercent;
  if (!Number.isInteger(m) || m < SAMPLE_MARGIN_MIN || m > SAMPLE_MARGIN_MAX)
    throw new RangeError(
      `sampleSize: margin must be an integer in [${SAMPLE_MARGIN_MIN}, ${SAMPLE_MARGIN_MAX}] hundredths of a percent`,
    );
  // In BigInt: a float's division could round a quotient just below an integer up to it.
  const numerator = BigInt(population) * 100_000_000n;
  const denominator = 100_000_000n + BigInt(population) * BigInt(m) * BigInt(m);
  return Number((numerator + denominator - 1n) / denominator);
}
