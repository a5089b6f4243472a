/** The kernel's one rounding rule: a × b ÷ c to the nearest integer, halves up, exactly. */

/**
 * `a × b ÷ c` rounded half up, computed on integers as `floor((2·a·b + c) / (2·c))`, so no binary
 * fraction ever appears: `mulDivRoundHalfUp(1, 10_000, 3)` is 3333, `mulDivRoundHalfUp(1, 10_000, 8)`
 * (exactly 1250) is 1250, `mulDivRoundHalfUp(1, 1, 2)` (one half) is 1.
 *
 * `a` and `b` are non-negative safe integers, `c` a positive one; anything else is a caller's bug
 * and throws a RangeError. While `2·a·b + c` stays a safe integer the work is done in Numbers
 * (exact there); beyond, in BigInt, so the result is exact for every input.
 */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  for (const [name, value] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(
        `mulDivRoundHalfUp expects a non-negative safe integer ${name}, got ${value}`,
      );
    }
  }
  if (!Number.isSafeInteger(c) || c <= 0) {
    throw new RangeError(`mulDivRoundHalfUp expects a positive safe integer divisor, got ${c}`);
  }
  const product = a * b;
  if (Number.isSafeInteger(product) && product <= (Number.MAX_SAFE_INTEGER - c) / 2) {
    const numerator = 2 * product + c;
    const denominator = 2 * c;
    // Both safe integers: `%` is exact, and the difference divides exactly.
    return (numerator - (numerator % denominator)) / denominator;
  }
  const result = (2n * BigInt(a) * BigInt(b) + BigInt(c)) / (2n * BigInt(c));
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`mulDivRoundHalfUp: ${a} × ${b} ÷ ${c} is beyond a safe integer`);
  }
  return Number(result);
}
