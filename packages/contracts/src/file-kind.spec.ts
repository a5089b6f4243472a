import { crc32 } from 'node:zlib';
import { claimedKind, detectKind, kindLabels, kindMatches, zipEntryNames } from './file-kind';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

/** A ZIP of stored (uncompressed) entries, written by hand from the format's specification. */
function zip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const office = (folder: string) =>
  zip({
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': '<Relationships/>',
    [`${folder}/x.xml`]: '<x/>',
  });

describe('detectKind: the real type by the bytes', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'png'],
    ['a JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'), 'jpeg'],
    ['a JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1, 0, 16], 'Exif'), 'jpeg'],
    [
      'a Word 97 document (OLE2)',
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'msOffice',
    ],
    ['a .docx', office('word'), 'docx'],
    ['a .xlsx', office('xl'), 'xlsx'],
    ['a .pptx', office('ppt'), 'pptx'],
    [
      'an OpenDocument text (.odt)',
      zip({
        mimetype: 'application/vnd.oasis.opendocument.text',
        'content.xml': '<office:document-content/>',
      }),
      'odt',
    ],
    [
      'an OpenDocument spreadsheet (not a text)',
      zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
      'zip',
    ],
    ['a ZIP of scans', zip({ 'scan-1.pdf': '%PDF-1.4', 'scan-2.pdf': '%PDF-1.4' }), 'zip'],
    ['an empty ZIP', bytes([0x50, 0x4b, 0x05, 0x06], new Array(18).fill(0)), 'zip'],
    ['a ZIP with a word/ folder but no [Content_Types].xml', zip({ 'word/a.txt': 'a' }), 'zip'],
  ] as const)('recognises %s', (_what, input, kind) => {
    expect(detectKind(input)).toBe(kind);
  });

  it.each([
    [
      'a Windows executable renamed .pdf',
      bytes('MZ', [0x90, 0, 3, 0], 'This program cannot be run in DOS mode'),
    ],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n')],
    ['an HTML page', bytes('<!DOCTYPE html><script>alert(1)</script>')],
    ['a GIF (not accepted)', bytes('GIF89a')],
    ['PDF magic not at the start', bytes(' %PDF-1.7')],
    [
      'a truncated ZIP (no central directory)',
      bytes([0x50, 0x4b, 0x03, 0x04], new Array(40).fill(0)),
    ],
    ['nothing', bytes()],
  ])('knows no kind for %s', (_what, input) => {
    expect(detectKind(input)).toBeNull();
  });
});

describe('zipEntryNames', () => {
  it('lists the names in the central directory, in order', () => {
    expect(zipEntryNames(zip({ 'a.txt': 'x', 'thư mục/b.txt': 'yy' }))).toEqual([
      'a.txt',
      'thư mục/b.txt',
    ]);
  });
});

describe('claimedKind: what the declared type or the name claims', () => {
  it.each([
    ['Báo cáo.pdf', 'application/pdf', 'pdf'],
    ['scan.PDF', '', 'pdf'],
    [
      'Quyết định.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
    ],
    ['bảng.xlsx', 'application/octet-stream', 'xlsx'],
    ['slides.pptx', '', 'pptx'],
    ['cu.doc', 'application/msword', 'msOffice'],
    ['cu.xls', '', 'msOffice'],
    ['anh.JPG', '', 'jpeg'],
    ['anh.jpeg', 'image/jpeg', 'jpeg'],
    ['anh.png', 'image/png; charset=binary', 'png'],
    ['hoso.zip', 'application/x-zip-compressed', 'zip'],
    // The declared type wins over the name when both are known.
    ['tệp.pdf', 'image/png', 'png'],
  ] as const)('%s declared as "%s" claims %s', (name, type, kind) => {
    expect(claimedKind(name, type)).toBe(kind);
  });

  it.each([
    ['virus.exe', 'application/x-msdownload'],
    ['ghi-chu.txt', 'text/plain'],
    ['khong-duoi', ''],
    ['trang.html', 'text/html'],
  ])('%s declared as "%s" claims nothing we accept', (name, type) => {
    expect(claimedKind(name, type)).toBeNull();
  });
});

describe('kindMatches', () => {
  it.each([
    ['pdf', 'pdf', true],
    ['pdf', 'png', false],
    ['docx', 'zip', false],
    ['zip', 'docx', true],
    ['zip', 'pdf', false],
    ['jpeg', 'png', false],
  ] as const)('a claim of %s is honoured by %s bytes: %s', (claimed, detected, ok) => {
    expect(kindMatches(claimed, detected)).toBe(ok);
  });
});

describe('kindLabels', () => {
  it('names the kinds for a message', () => {
    expect(kindLabels(['pdf', 'png', 'msOffice'])).toBe(
      'PDF, PNG, Word/Excel/PowerPoint 97–2003 (.doc, .xls, .ppt)',
    );
  });
});
