import { formatScore } from './format-score';

describe('formatScore', () => {
  it('writes hundredths with a decimal comma in Vietnamese', () => {
    expect(formatScore(1250)).toBe('12,5');
    expect(formatScore(1234)).toBe('12,34');
    expect(formatScore(1205)).toBe('12,05');
  });

  it('drops the decimals of whole scores', () => {
    expect(formatScore(0)).toBe('0');
    expect(formatScore(1000)).toBe('10');
  });

  it('groups thousands with a dot in Vietnamese (DTI scale)', () => {
    expect(formatScore(100000)).toBe('1.000');
    expect(formatScore(123456789)).toBe('1.234.567,89');
  });

  it('keeps the sign of deductions', () => {
    expect(formatScore(-50)).toBe('-0,5');
    expect(formatScore(-1250)).toBe('-12,5');
  });

  it('uses a decimal point in English', () => {
    expect(formatScore(1250, 'en')).toBe('12.5');
    expect(formatScore(100000, 'en')).toBe('1,000');
  });

  it('refuses values that are not integer hundredths', () => {
    expect(() => formatScore(12.5)).toThrow(RangeError);
    expect(() => formatScore(Number.NaN)).toThrow(RangeError);
  });
});
