import fc from 'fast-check';
import {
  formatChange,
  formatHundredths,
  formatPercent,
  hundredthsToInput,
  isHundredths,
  parseHundredths,
  sumHundredths,
  unparsable,
} from './hundredths';

describe('parseHundredths', () => {
  it('reads a decimal comma as Vietnamese sheets write it', () => {
    expect(parseHundredths('14,5')).toBe(1450);
    expect(parseHundredths(' 0,25 ')).toBe(25);
    expect(parseHundredths('3,05')).toBe(305);
  });

  it('reads a decimal point too, since people paste from English sheets', () => {
    expect(parseHundredths('14.5')).toBe(1450);
    expect(parseHundredths('7.25')).toBe(725);
    expect(parseHundredths('0.29')).toBe(29);
  });

  it('reads a dot before three digits as the vi-VN thousands separator (DTI scale)', () => {
    expect(parseHundredths('1.000')).toBe(100000);
    expect(parseHundredths('1.000,5')).toBe(100050);
    expect(parseHundredths('12.345.678,9')).toBe(1234567890);
    expect(parseHundredths('1 000')).toBe(100000);
    expect(parseHundredths('1\u00a0000,25')).toBe(100025);
    expect(parseHundredths('1\u202f000')).toBe(100000);
  });

  it('refuses a dot before three digits where thousands dots are off (sheets)', () => {
    const sheet = { thousandsDots: false };
    expect(parseHundredths('1.234', sheet)).toBe(unparsable);
    expect(parseHundredths('1.000,5', sheet)).toBe(unparsable);
    expect(parseHundredths('14,5', sheet)).toBe(1450);
    expect(parseHundredths('1000', sheet)).toBe(100000);
  });

  it('is exact where binary floats are not (0,29 × 100 is 28.999… in floating point)', () => {
    expect(parseHundredths('0,29')).toBe(29);
    expect(parseHundredths('1,1')).toBe(110);
    expect(parseHundredths('4,35')).toBe(435);
    expect(parseHundredths('1,10')).toBe(110);
  });

  it('treats an empty input as "not given" and refuses what is not a score', () => {
    expect(parseHundredths('')).toBeNull();
    expect(parseHundredths('  ')).toBeNull();
    for (const text of [
      '-1',
      '1,234',
      '1,2,3',
      'abc',
      'mười',
      '1.2.3',
      '12,5.0',
      ',',
      '1e3',
      '+1',
      '99999999999999999',
    ]) {
      expect(parseHundredths(text)).toBe(unparsable);
    }
  });
});

describe('formatHundredths', () => {
  it('writes hundredths with a decimal comma in Vietnamese', () => {
    expect(formatHundredths(1250)).toBe('12,5');
    expect(formatHundredths(1234)).toBe('12,34');
    expect(formatHundredths(1205)).toBe('12,05');
    expect(formatHundredths(5)).toBe('0,05');
  });

  it('drops the decimals of whole scores', () => {
    expect(formatHundredths(0)).toBe('0');
    expect(formatHundredths(1000)).toBe('10');
  });

  it('groups thousands with a dot in Vietnamese (DTI scale)', () => {
    expect(formatHundredths(100000)).toBe('1.000');
    expect(formatHundredths(123456789)).toBe('1.234.567,89');
  });

  it('keeps the sign of deductions', () => {
    expect(formatHundredths(-50)).toBe('-0,5');
    expect(formatHundredths(-1250)).toBe('-12,5');
  });

  it('signs a change both ways, and not a zero one', () => {
    expect(formatChange(125)).toBe('+1,25');
    expect(formatChange(-50)).toBe('-0,5');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(416, 'en')).toBe('+4.16');
  });

  it('uses a decimal point and comma groups in English', () => {
    expect(formatHundredths(1250, 'en')).toBe('12.5');
    expect(formatHundredths(1425, 'en')).toBe('14.25');
    expect(formatHundredths(100000, 'en')).toBe('1,000');
  });

  it('refuses values that are not integer hundredths', () => {
    expect(() => formatHundredths(12.5)).toThrow(RangeError);
    expect(() => formatHundredths(Number.NaN)).toThrow(RangeError);
    expect(() => formatHundredths(2 ** 53)).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it('writes hundredths of a percent the way each language does', () => {
    expect(formatPercent(8750)).toBe('87,5 %');
    expect(formatPercent(10000)).toBe('100 %');
    expect(formatPercent(3333, 'en')).toBe('33.33%');
  });
});

describe('hundredthsToInput', () => {
  it('writes hundredths back as text that parses to the same value', () => {
    expect(hundredthsToInput(1450)).toBe('14,5');
    expect(hundredthsToInput(1405)).toBe('14,05');
    expect(hundredthsToInput(100000)).toBe('1000');
    expect(hundredthsToInput(0)).toBe('0');
    expect(hundredthsToInput(null)).toBe('');
    expect(hundredthsToInput(undefined)).toBe('');
    for (const value of [0, 5, 29, 110, 1450, 99999, 100000]) {
      expect(parseHundredths(hundredthsToInput(value))).toBe(value);
    }
    expect(() => hundredthsToInput(14.5)).toThrow(RangeError);
  });

  it('writes the canonical sheet form in English: a decimal point, no grouping', () => {
    expect(hundredthsToInput(1450, 'en')).toBe('14.5');
    expect(hundredthsToInput(100000, 'en')).toBe('1000');
    expect(hundredthsToInput(-1425, 'en')).toBe('-14.25');
  });
});

describe('sumHundredths', () => {
  it('adds exactly where binary floats drift (0,1 + 0,2)', () => {
    expect(sumHundredths([10, 20])).toBe(30);
    expect(sumHundredths([1450, 1000, 450, -50])).toBe(2850);
    expect(sumHundredths([])).toBe(0);
  });

  it('refuses fractions and a total beyond a safe integer', () => {
    expect(() => sumHundredths([1, 0.5])).toThrow(RangeError);
    expect(() => sumHundredths([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('hundredths properties', () => {
  // The reference: the decimal text of a BigInt number of hundredths, written by hand here.
  const decimalText = (hundredths: bigint, separator: string): string => {
    const whole = hundredths / 100n;
    const fraction = hundredths % 100n;
    if (fraction === 0n) return whole.toString();
    return `${whole}${separator}${fraction.toString().padStart(2, '0')}`;
  };
  const score = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

  it('parse ∘ input text is the identity, in both languages', () => {
    fc.assert(
      fc.property(score, fc.constantFrom('vi' as const, 'en' as const), (value, locale) => {
        expect(parseHundredths(hundredthsToInput(value, locale))).toBe(value);
      }),
    );
  });

  it('reads a decimal written with two places, either separator, as its exact hundredths', () => {
    fc.assert(
      fc.property(score, fc.constantFrom(',', '.'), (value, separator) => {
        expect(parseHundredths(decimalText(BigInt(value), separator))).toBe(value);
      }),
    );
  });

  it('parse ∘ format for people is the identity when grouping is read back', () => {
    fc.assert(
      fc.property(score, (value) => {
        expect(parseHundredths(formatHundredths(value))).toBe(value);
      }),
    );
  });

  it('sums never drift from the BigInt sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })), (values) => {
        const reference = values.reduce((total, v) => total + BigInt(v), 0n);
        expect(BigInt(sumHundredths(values))).toBe(reference);
        expect(values.every(isHundredths)).toBe(true);
      }),
    );
  });
});
