/**
 * Whether a leaf's final score, given as a number (an imported past result, say), is one the
 * leaf's rule can give: the same ranges and steps `leafScore` applies to what is entered.
 */
import { leafScore, type LeafScore, type ScoredLeaf } from './leaf-score';

/** The scores a rule can only give a few of: its options, yes/no, a ratio's bands (and 0 below). */
export function possibleScores(leaf: ScoredLeaf): number[] | null {
  const rule = leaf.rule;
  if (rule?.type === 'options') return [...new Set(rule.options.map((o) => o.score))];
  if (rule?.type === 'boolean') return [...new Set([rule.yesScore, rule.noScore])];
  if (rule?.type === 'ratio' && rule.scale.kind === 'bands')
    return [...new Set([0, ...rule.scale.bands.map((b) => b.score)])];
  return null;
}

/**
 * `score` (hundredths; a deduction's penalty as a negative number) checked against the leaf's
 * rule: `manual` its range and step, `deduction` 0 down to minus its most in steps, `options`,
 * `boolean` and a banded `ratio` one of `possibleScores` (`unknownOption` otherwise), a linear
 * `ratio`, `survey` and `linked` 0 to the leaf's maximum.
 */
export function checkFinalScore(leaf: ScoredLeaf, score: number): LeafScore {
  const rule = leaf.rule;
  if (!Number.isSafeInteger(score)) return { ok: false, reason: 'notHundredths', field: 'value' };
  if (rule === null) return { ok: false, reason: 'noRule', field: null };
  if (rule.type === 'deduction')
    return score > 0
      ? { ok: false, reason: 'outOfRange', field: 'penalty' }
      : leafScore(leaf, { penalty: -score });
  if (score < 0) return { ok: false, reason: 'outOfRange', field: 'value' };
  const few = possibleScores(leaf);
  if (few)
    return few.includes(score)
      ? { ok: true, score }
      : { ok: false, reason: 'unknownOption', field: 'value' };
  if (rule.type === 'manual') return leafScore(leaf, { value: score });
  return score <= leaf.maxScore
    ? { ok: true, score }
    : { ok: false, reason: 'outOfRange', field: 'value' };
}
