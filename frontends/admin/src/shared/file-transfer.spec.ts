import { base64OfDataUrl, errorsByField } from './file-transfer';

describe('file transfer helpers', () => {
  it('keeps only the base64 part of a data URL', () => {
    expect(base64OfDataUrl('data:text/csv;base64,YSxi')).toBe('YSxi');
    expect(base64OfDataUrl('no comma')).toBe('');
  });

  it('groups a row errors by field, in order, so each cell shows all of its own', () => {
    const byField = errorsByField([
      { field: 'code', message: 'Mã trống' },
      { field: 'name', message: 'Tên trống' },
      { field: 'code', message: 'Mã trùng' },
    ]);
    expect(byField.get('code')).toEqual(['Mã trống', 'Mã trùng']);
    expect(byField.get('name')).toEqual(['Tên trống']);
    expect(byField.has('kind')).toBe(false);
  });
});
