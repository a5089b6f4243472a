/**
 * Scores and percentages as people type them (`14,5`, `1.000`, `7.25`) ⇄ the integer hundredths
 * the API carries. Works on the digits as text, so no binary float ever touches a score.
 */

/** A typed number that is not a non-negative decimal with at most two places. */
export const unparsable = Symbol('unparsable');

const groupedThousands = /^\d{1,3}(\.\d{3})+$/;

/**
 * `"14,5"` → `1450`, `"14.5"` → `1450`, `"1.000"` → `100000` (vi-VN groups thousands with a dot),
 * `"1.000,5"` → `100050`, `""` → `null`; anything else (negative, three decimals, letters) →
 * `unparsable`.
 */
export function parseHundredths(text: string): number | null | typeof unparsable {
  let value = text.replace(/[\s\u00a0]/g, '');
  if (value === '') return null;
  if (value.includes(',')) {
    // With a decimal comma every dot is a thousands separator.
    if (/,.*[.,]/.test(value)) return unparsable;
    const [whole = '', decimals = ''] = value.split(',');
    if (whole.includes('.') && !groupedThousands.test(whole)) return unparsable;
    value = `${whole.replace(/\./g, '')}.${decimals}`;
  } else if (groupedThousands.test(value)) {
    value = value.replace(/\./g, '');
  }
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(value);
  if (!match) return unparsable;
  const whole = match[1] ?? '0';
  const decimals = (match[2] ?? '').padEnd(2, '0');
  const hundredths = Number(whole) * 100 + Number(decimals);
  return Number.isSafeInteger(hundredths) ? hundredths : unparsable;
}

/**
 * Hundredths as the text an input shows: `1450` → `"14,5"`, `100000` → `"1000"` (no grouping, so
 * the text parses back to the same value), `null` → `""`.
 */
export function hundredthsToInput(
  hundredths: number | null | undefined,
  decimalSeparator = ',',
): string {
  if (hundredths === null || hundredths === undefined) return '';
  if (!Number.isSafeInteger(hundredths) || hundredths < 0) {
    throw new RangeError(
      `hundredthsToInput expects non-negative integer hundredths, got ${hundredths}`,
    );
  }
  const fraction = hundredths % 100;
  const whole = (hundredths - fraction) / 100;
  if (fraction === 0) return String(whole);
  return `${whole}${decimalSeparator}${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}
