import { bandsToRows, rowsToBands, serverErrorsByRow } from './band-table';

describe('band table editor rows', () => {
  it('shows bounds as vi-VN percent with a decimal comma, and in English with a dot', () => {
    const bands = [
      { label: 'Xuất sắc', minIndex: 8750 },
      { label: 'Tốt', minIndex: 7005 },
      { label: 'Khá', minIndex: 0 },
    ];
    expect(bandsToRows(bands, 'vi').map((r) => r.minText)).toEqual(['87,5', '70,05', '0']);
    expect(bandsToRows(bands, 'en').map((r) => r.minText)).toEqual(['87.5', '70.05', '0']);
    expect(bandsToRows(bands, 'vi').map((r) => r.key)).toEqual(['b0', 'b1', 'b2']);
  });

  it('reads what the admin typed into hundredths of a percent', () => {
    const result = rowsToBands([
      { key: 'a', label: ' A ', minText: '87,5' },
      { key: 'b', label: 'B', minText: '70.25 %' },
      { key: 'c', label: 'C', minText: '100' },
      { key: 'd', label: 'D', minText: '0' },
    ]);
    expect(result).toEqual({
      bands: [
        { label: 'A', minIndex: 8750 },
        { label: 'B', minIndex: 7025 },
        { label: 'C', minIndex: 10000 },
        { label: 'D', minIndex: 0 },
      ],
      problems: null,
    });
  });

  it('names each row that cannot be sent: no name, no bound, over 100 %, three decimals, thousands', () => {
    const result = rowsToBands([
      { key: 'a', label: '  ', minText: '90' },
      { key: 'b', label: 'B', minText: '' },
      { key: 'c', label: 'C', minText: '100,01' },
      { key: 'd', label: 'D', minText: '7,125' },
      { key: 'e', label: 'E', minText: '1.000' },
      { key: 'f', label: '', minText: 'abc' },
      { key: 'g', label: 'G', minText: '0' },
    ]);
    expect(result).toEqual({
      bands: null,
      problems: {
        a: ['labelRequired'],
        b: ['minInvalid'],
        c: ['minInvalid'],
        d: ['minInvalid'],
        e: ['minInvalid'],
        f: ['labelRequired', 'minInvalid'],
      },
    });
  });

  it("puts the server's field errors on their rows, the table's own apart", () => {
    const rows = bandsToRows(
      [
        { label: 'A', minIndex: 8000 },
        { label: 'A', minIndex: 9000 },
        { label: 'C', minIndex: 100 },
      ],
      'vi',
    );
    const errors = serverErrorsByRow(
      [
        { field: 'bands.1', message: 'trùng tên' },
        { field: 'bands.1', message: 'trùng tên' },
        { field: 'bands.1.minIndex', message: 'sai thứ tự' },
        { field: 'bands.2', message: 'không bắt đầu từ 0' },
        { field: 'bands', message: 'bảng rỗng' },
        { field: 'bands.7', message: 'ngoài bảng' },
      ],
      rows,
    );
    expect(errors).toEqual({
      rows: { b1: ['trùng tên', 'sai thứ tự'], b2: ['không bắt đầu từ 0'] },
      table: ['bảng rỗng', 'ngoài bảng'],
    });
  });
});
