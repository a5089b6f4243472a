import { checkSize, contentDisposition, dispositionOf, displayName } from './file-rules';
import { formatBytes } from './file-size';

const MB = 1024 * 1024;

describe('checkSize: at least one byte, at most the limit', () => {
  it.each([
    [0, 'empty'],
    [-1, 'empty'],
    [1, 'ok'],
    [20 * MB, 'ok'],
    [20 * MB + 1, 'tooLarge'],
    [100 * MB, 'tooLarge'],
  ] as const)('%i bytes against 20 MiB: %s', (size, verdict) => {
    expect(checkSize(size, 20 * MB)).toBe(verdict);
  });
});

describe('formatBytes', () => {
  it.each([
    [12, '12 byte'],
    [1023, '1023 byte'],
    [1024, '1 KB'],
    [1025, '1,1 KB'],
    [839_680, '820 KB'],
    [1_572_864, '1,5 MB'],
    [20 * MB, '20 MB'],
    [20 * MB + 1, '20,1 MB'],
    [1024 * MB, '1 GB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('displayName', () => {
  it.each([
    ['Báo cáo CCHC 2025.pdf', 'Báo cáo CCHC 2025.pdf'],
    ['C:\\Users\\can bo\\Quyết định số 12.docx', 'Quyết định số 12.docx'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['  tên\u0000có\u001fký tự lạ.png  ', 'têncóký tự lạ.png'],
    ['thư-mục/', ''],
  ])('%j is shown as %j', (given, shown) => {
    expect(displayName(given)).toBe(shown);
  });

  it('keeps at most 255 characters', () => {
    expect(displayName(`${'a'.repeat(300)}.pdf`)).toHaveLength(255);
  });
});

describe('dispositionOf: PDF and images preview in the page', () => {
  it.each([
    ['pdf', 'inline'],
    ['png', 'inline'],
    ['jpeg', 'inline'],
    ['docx', 'attachment'],
    ['xlsx', 'attachment'],
    ['msOffice', 'attachment'],
    ['zip', 'attachment'],
  ] as const)('%s: %s', (kind, disposition) => {
    expect(dispositionOf(kind)).toBe(disposition);
  });
});

describe('contentDisposition', () => {
  it('keeps a Vietnamese name in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('inline', 'Quyết định (số 1).pdf')).toBe(
      'inline; filename="Quyet dinh (so 1).pdf"; filename*=UTF-8\'\'Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20%28s%E1%BB%91%201%29.pdf',
    );
  });

  it('cannot be broken out of by quotes in the name', () => {
    expect(contentDisposition('attachment', 'a"b\\c.zip')).toBe(
      'attachment; filename="a_b_c.zip"; filename*=UTF-8\'\'a%22b%5Cc.zip',
    );
  });
});
