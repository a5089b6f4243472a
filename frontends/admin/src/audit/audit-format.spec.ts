import { auditQuery, formatAuditChanges, formatAuditTime, formatAuditValue } from './audit-format';

describe('audit-format', () => {
  it('shows a UTC instant in Asia/Ho_Chi_Minh, seven hours ahead', () => {
    const shown = formatAuditTime('2026-11-23T20:05:09.000Z');
    expect(shown).toContain('03:05:09');
    expect(shown).toContain('24/11/2026');
  });

  it('formats values compactly', () => {
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue([])).toBe('—');
    expect(formatAuditValue(['admin', 'appraisal'])).toBe('admin, appraisal');
    expect(formatAuditValue(false)).toBe('✗');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
  });

  it('writes a change as before → after, and a creation as its value', () => {
    expect(
      formatAuditChanges([
        { field: 'unit', before: 'SNV', after: 'STP' },
        { field: 'code', before: null, after: 'XA1' },
      ]),
    ).toEqual(['unit: SNV → STP', 'code: XA1']);
  });

  it('reads filters and page from the URL', () => {
    expect(auditQuery(new URLSearchParams('unit=SNV&page=3'), 50)).toEqual({
      unit: 'SNV',
      account: undefined,
      limit: 50,
      offset: 100,
      page: 3,
    });
    expect(auditQuery(new URLSearchParams('page=x'), 50).offset).toBe(0);
  });
});
