/**
 * Scores for people (`12,5`, `1.000`; `12.5` in English): the scoring kernel's formatter, under
 * the name the pages use, so there is one way to write a score.
 */
export { formatHundredths as formatScore } from '@par/scoring';
