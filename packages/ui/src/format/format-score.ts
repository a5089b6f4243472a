/** Formats scores, which travel as integer hundredths, for people; never through binary floats. */
import type { Locale } from '@par/contracts';

const groupFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};
const decimalSeparators: Record<Locale, string> = { vi: ',', en: '.' };

/**
 * `formatScore(1250)` → `"12,5"`; `formatScore(100000)` → `"1.000"`; `formatScore(1234, 'en')` → `"12.34"`.
 * Trailing zeros of the decimals are dropped, as score sheets write them.
 */
export function formatScore(hundredths: number, locale: Locale = 'vi'): string {
  if (!Number.isSafeInteger(hundredths)) {
    throw new RangeError(`formatScore expects integer hundredths, got ${hundredths}`);
  }
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  const fraction = magnitude % 100;
  const whole = (magnitude - fraction) / 100;
  const decimals = fraction === 0 ? '' : String(fraction).padStart(2, '0').replace(/0$/, '');
  return (
    sign +
    groupFormats[locale].format(whole) +
    (decimals ? decimalSeparators[locale] + decimals : '')
  );
}
