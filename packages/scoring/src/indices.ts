/**
 * The index and the areas' sub-indices: a total as a share of its maximum, in hundredths of a
 * percent, with the one rounding rule the kernel uses; and the index without the survey part.
 */
import { mulDivRoundHalfUp } from './round-half-up';

/** A total and the maximum it is scored against, both in integer hundredths of a point. */
export interface ScoreTotals {
  total: number;
  max: number;
}

/**
 * An index in hundredths of a percent (`8750` is 87.5 %), or why there is none: `zeroMaximum`
 * when nothing could be scored (an area, or a set without its survey part, worth 0 points).
 */
export type IndexResult = { ok: true; index: number } | { ok: false; reason: 'zeroMaximum' };

function assertPoints(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `scoreIndex expects non-negative integer hundredths as ${name}, got ${value}`,
    );
  }
}

/**
 * `total ÷ max × 100` in hundredths of a percent, rounded half up on exact integers:
 * `floor((2·total·10000 + max) / (2·max))`. So 1 of 3 points is 3333 (33.33 %), 2 of 3 is 6667,
 * 1 of 8 is 1250 exactly and 1 of 20,000 (0.005 %, a half) rounds up to 1. No binary
 * fraction is involved at any size (BigInt takes over beyond safe integers).
 *
 * A total above its maximum is refused (RangeError): tree totals cap every parent, so it can
 * only be a caller's bug, like a negative or fractional figure.
 */
export function scoreIndex({ total, max }: ScoreTotals): IndexResult {
  assertPoints(total, 'total');
  assertPoints(max, 'max');
  if (max === 0) return { ok: false, reason: 'zeroMaximum' };
  if (total > max) throw new RangeError(`scoreIndex: total ${total} is above its maximum ${max}`);
  return { ok: true, index: mulDivRoundHalfUp(total, 10_000, max) };
}

/** Each area's sub-index (its total ÷ its maximum × 100), keyed by the area's code, in input order. */
export function subIndices(
  areas: ReadonlyArray<ScoreTotals & { code: string }>,
): Map<string, IndexResult> {
  return new Map(areas.map((area) => [area.code, scoreIndex(area)]));
}

/**
 * The index of a set run without its survey part, rescaled to 100 as the methodology says: the
 * non-survey total over the non-survey maximum, i.e. `(total − survey.total) ÷ (max − survey.max)`.
 * `survey` is what tree totals give for the survey leaves; where a capped parent mixes survey and
 * other leaves, compute the non-survey totals on the tree without them and call `scoreIndex`.
 */
export function indexWithoutSurvey(all: ScoreTotals, survey: ScoreTotals): IndexResult {
  assertPoints(survey.total, 'survey total');
  assertPoints(survey.max, 'survey max');
  if (survey.total > all.total || survey.max > all.max) {
    throw new RangeError('indexWithoutSurvey: the survey part is larger than the whole');
  }
  return scoreIndex({ total: all.total - survey.total, max: all.max - survey.max });
}
