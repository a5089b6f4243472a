import { hundredthsToInput, parseHundredths, unparsable } from './score-input';

describe('score input', () => {
  it('reads a decimal comma as Vietnamese sheets write it', () => {
    expect(parseHundredths('14,5')).toBe(1450);
    expect(parseHundredths(' 0,25 ')).toBe(25);
    expect(parseHundredths('3,05')).toBe(305);
  });

  it('reads a decimal point too, since people paste from English sheets', () => {
    expect(parseHundredths('14.5')).toBe(1450);
    expect(parseHundredths('7.25')).toBe(725);
  });

  it('reads a dot before three digits as the vi-VN thousands separator (DTI scale)', () => {
    expect(parseHundredths('1.000')).toBe(100000);
    expect(parseHundredths('1.000,5')).toBe(100050);
    expect(parseHundredths('1 000')).toBe(100000);
  });

  it('is exact where binary floats are not (0,29 × 100 is 28.999… in floating point)', () => {
    expect(parseHundredths('0,29')).toBe(29);
    expect(parseHundredths('1,1')).toBe(110);
    expect(parseHundredths('4,35')).toBe(435);
  });

  it('treats an empty input as "not given" and refuses what is not a score', () => {
    expect(parseHundredths('')).toBeNull();
    expect(parseHundredths('  ')).toBeNull();
    for (const text of ['-1', '1,234', '1,2,3', 'abc', '1.2.3', '12,5.0', ',', '1e3']) {
      expect(parseHundredths(text)).toBe(unparsable);
    }
  });

  it('writes hundredths back as text that parses to the same value', () => {
    expect(hundredthsToInput(1450)).toBe('14,5');
    expect(hundredthsToInput(1405)).toBe('14,05');
    expect(hundredthsToInput(100000)).toBe('1000');
    expect(hundredthsToInput(0)).toBe('0');
    expect(hundredthsToInput(null)).toBe('');
    for (const value of [0, 5, 29, 110, 1450, 99999, 100000]) {
      expect(parseHundredths(hundredthsToInput(value))).toBe(value);
    }
    expect(() => hundredthsToInput(14.5)).toThrow(RangeError);
  });
});
