import { cleanCell, guardFormula, unguardFormula } from './sheet-cells';

describe('cleaning a cell', () => {
  it('leaves a clean cell alone', () => {
    expect(cleanCell('Sở Nội vụ')).toEqual({ value: 'Sở Nội vụ', changes: [] });
  });

  it('joins lines, trims and collapses spaces, saying which it did', () => {
    expect(cleanCell(' a\r\n  b\t\tc\u00A0d ')).toEqual({
      value: 'a b c d',
      changes: ['lineBreaks', 'trimmed', 'spaces'],
    });
  });

  it('keeps paragraphs when asked, as CRLF-free lines', () => {
    expect(cleanCell('Bước 1\r\nBước  2\n', true)).toEqual({
      value: 'Bước 1\nBước  2',
      changes: ['trimmed'],
    });
  });

  it('composes decomposed Vietnamese letters', () => {
    expect(cleanCell('Vu\u0303').value).toBe('Vũ');
  });

  it('drops the apostrophe the export put before a formula-like text, and only that one', () => {
    expect(cleanCell("'=HYPERLINK(1)").value).toBe('=HYPERLINK(1)');
    expect(cleanCell("'abc").value).toBe("'abc");
    expect(guardFormula('-1')).toBe("'-1");
    expect(guardFormula('@a')).toBe("'@a");
    expect(guardFormula('a=b')).toBe('a=b');
    expect(unguardFormula(guardFormula('+84'))).toBe('+84');
  });
});
