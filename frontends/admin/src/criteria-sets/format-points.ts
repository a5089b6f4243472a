/** Scores for the page in the reader's language: `14,5` in Vietnamese, `14.5` in English. */
import { currentLanguage, formatScore } from '@par/ui';

export const formatPoints = (hundredths: number): string =>
  formatScore(hundredths, currentLanguage());
