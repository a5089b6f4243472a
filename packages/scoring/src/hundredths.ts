/**
 * Scores (and percentages) as integer hundredths ⇄ text: what people type, what they read, what
 * an input shows. Works on the digits as text, so no binary float ever touches a score.
 */
import type { Locale } from '@par/contracts';

/** What {@link parseHundredths} returns for text that is not a score (the failure value). */
export const unparsable: unique symbol = Symbol('unparsable');
export type Unparsable = typeof unparsable;

export interface ParseHundredthsOptions {
  /**
   * Whether a dot before groups of exactly three digits separates thousands, as vi-VN writes
   * them (`1.000` is one thousand). True by default, for what people type in the portal. Sheets
   * turn it off: there `1.234` may be an English decimal, so it is refused rather than guessed.
   */
  thousandsDots?: boolean;
}

const groupedThousands = /^\d{1,3}(\.\d{3})+$/;
// Spaces people or number formats put between digit groups: space, no-break, narrow no-break.
const spaces = /[\s\u00a0\u202f]/g;

/**
 * `"14,5"` → `1450`, `"14.5"` → `1450`, `"0,25"` → `25`, `"1.000"` → `100000`,
 * `"1.000,5"` → `100050`, `"1 000"` → `100000`; `""` (or only spaces) → `null`, "not given";
 * anything else (negative, three decimals, letters, exponents) → {@link unparsable}.
 */
export function parseHundredths(
  text: string,
  options: ParseHundredthsOptions = {},
): number | null | Unparsable {
  const thousandsDots = options.thousandsDots ?? true;
  let value = text.replace(spaces, '');
  if (value === '') return null;
  if (value.includes(',')) {
    // With a decimal comma every dot is a thousands separator.
    if (/,.*[.,]/.test(value)) return unparsable;
    const [whole = '', decimals = ''] = value.split(',');
    if (whole.includes('.') && !(thousandsDots && groupedThousands.test(whole))) return unparsable;
    value = `${whole.replace(/\./g, '')}.${decimals}`;
  } else if (thousandsDots && groupedThousands.test(value)) {
    value = value.replace(/\./g, '');
  }
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(value);
  if (!match) return unparsable;
  const whole = match[1] ?? '0';
  const decimals = (match[2] ?? '').padEnd(2, '0');
  const hundredths = Number(whole) * 100 + Number(decimals);
  return Number.isSafeInteger(hundredths) ? hundredths : unparsable;
}

/** True when `value` is a number of hundredths the kernel computes with (a safe integer). */
export function isHundredths(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function assertHundredths(value: number, caller: string): void {
  if (!isHundredths(value)) {
    throw new RangeError(`${caller} expects integer hundredths, got ${value}`);
  }
}

const decimalSeparators: Record<Locale, string> = { vi: ',', en: '.' };
const groupFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};

/** Whole part and the decimals as written: `1405` → `["14", "05"]`, `1450` → `["14", "5"]`. */
function split(hundredths: number): { sign: string; whole: number; decimals: string } {
  const magnitude = Math.abs(hundredths);
  const fraction = magnitude % 100;
  return {
    sign: hundredths < 0 ? '-' : '',
    whole: (magnitude - fraction) / 100,
    decimals: fraction === 0 ? '' : String(fraction).padStart(2, '0').replace(/0$/, ''),
  };
}

/**
 * Hundredths for people to read: `1250` → `"12,5"`, `100000` → `"1.000"`, `-50` → `"-0,5"`
 * (a deduction); in English `"12.5"`, `"1,000"`. Trailing zeros of the decimals are dropped, as
 * score sheets write them. A value that is not integer hundredths is a bug: RangeError.
 */
export function formatHundredths(hundredths: number, locale: Locale = 'vi'): string {
  assertHundredths(hundredths, 'formatHundredths');
  const { sign, whole, decimals } = split(hundredths);
  return (
    sign +
    groupFormats[locale].format(whole) +
    (decimals ? decimalSeparators[locale] + decimals : '')
  );
}

/** A change for people, signed: `125` → `"+1,25"`, `-50` → `"-0,5"`, `0` → `"0"`. */
export function formatChange(hundredths: number, locale: Locale = 'vi'): string {
  const text = formatHundredths(hundredths, locale);
  return hundredths > 0 ? `+${text}` : text;
}

/**
 * Hundredths of a percent for people: `8750` → `"87,5 %"` (vi-VN puts a space before the sign),
 * `"87.5%"` in English.
 */
export function formatPercent(basisPoints: number, locale: Locale = 'vi'): string {
  assertHundredths(basisPoints, 'formatPercent');
  return `${formatHundredths(basisPoints, locale)}${locale === 'vi' ? ' %' : '%'}`;
}

/**
 * Hundredths as the text an input (or a sheet cell) holds: `1450` → `"14,5"` (`"14.5"` in
 * English), `100000` → `"1000"`, with no grouping, so that {@link parseHundredths} reads it back
 * to the same value; `null` → `""`.
 */
export function hundredthsToInput(
  hundredths: number | null | undefined,
  locale: Locale = 'vi',
): string {
  if (hundredths === null || hundredths === undefined) return '';
  assertHundredths(hundredths, 'hundredthsToInput');
  const { sign, whole, decimals } = split(hundredths);
  return sign + String(whole) + (decimals ? decimalSeparators[locale] + decimals : '');
}

/** The exact sum of hundredths; a total beyond a safe integer is refused (RangeError), never rounded. */
export function sumHundredths(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) {
    assertHundredths(value, 'sumHundredths');
    total += value;
    if (!Number.isSafeInteger(total)) {
      throw new RangeError('sumHundredths: the total is beyond a safe integer');
    }
  }
  return total;
}
