import { deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  checkXlsxArchive,
  readCsvTable,
  readXlsxTable,
  SheetFileError,
  type XlsxArchiveCheck,
} from './index';
import { deflatedSpaces, MiB, zip } from '../../../test/support/zip-bomb';

async function refusal(run: () => Promise<unknown>): Promise<SheetFileError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(SheetFileError);
    return err as SheetFileError;
  }
  throw new Error('expected a SheetFileError');
}

const limits = { maxUnpackedBytes: 32 * MiB, maxEntries: 500 };
const freshCost = (): XlsxArchiveCheck => ({ entries: 0, unpackedBytes: 0, inflatedBytes: 0 });

describe('the XLSX archive guard', () => {
  // 1,536 MiB of spaces deflate to about 1.6 MB: the bomb is under the 2 MB upload limit.
  const bombData = deflatedSpaces(1536);

  it('builds a bomb under 2 MB whose data inflates to 1 MiB per block', () => {
    expect(bombData.length).toBeLessThan(2 * 1000 * 1000);
    const small = inflateRawSync(deflatedSpaces(3));
    expect(small.length).toBe(3 * MiB);
    expect(small.every((byte) => byte === 0x20)).toBe(true);
  });

  it('refuses a 2 MB file that declares 1.5 GB unpacked from its directory alone, inflating nothing', async () => {
    const file = zip([
      { name: '[Content_Types].xml', data: deflateRawSync('<Types/>'), declaredSize: 8 },
      { name: 'xl/worksheets/sheet1.xml', data: bombData, declaredSize: 1536 * MiB },
    ]);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const cost = freshCost();
    const err = await refusal(() => checkXlsxArchive(file, limits, cost));
    expect([err.reason, err.params]).toEqual([
      'unpackedTooLarge',
      { max: '32 MB', maxEntries: 500 },
    ]);
    expect(cost.inflatedBytes).toBe(0);
    // readXlsxTable refuses it the same way, before ExcelJS sees it.
    expect((await refusal(() => readXlsxTable(file))).reason).toBe('unpackedTooLarge');
  });

  it('stops inflating a bomb that lies about its size once it passes the declared size', async () => {
    const file = zip([{ name: 'xl/worksheets/sheet1.xml', data: bombData, declaredSize: 4 * MiB }]);
    const cost = freshCost();
    const err = await refusal(() => checkXlsxArchive(file, limits, cost));
    expect(err.reason).toBe('unsupported');
    // The declared 4 MiB, plus what zlib had produced in the chunk that crossed it (at most
    // a few of its 16 KiB chunks): nowhere near the 1.5 GB the data holds.
    expect(cost.inflatedBytes).toBeGreaterThan(4 * MiB);
    expect(cost.inflatedBytes).toBeLessThan(4 * MiB + MiB);
    expect((await refusal(() => readXlsxTable(file))).reason).toBe('unsupported');
  });

  it('refuses more entries than the limit before reading any of them', async () => {
    const entries = Array.from({ length: 501 }, (_, i) => ({
      name: `xl/media/image${i}.png`,
      data: Buffer.alloc(0),
      declaredSize: 0,
      stored: true,
    }));
    const cost = freshCost();
    const err = await refusal(() => checkXlsxArchive(zip(entries), limits, cost));
    expect(err.reason).toBe('unpackedTooLarge');
    expect(cost).toEqual(freshCost());
  });

  it('refuses an encrypted entry, an unknown method and a damaged directory as unsupported', async () => {
    const encrypted = zip([
      { name: 'a.xml', data: deflateRawSync('x'), declaredSize: 1, encrypted: true },
    ]);
    expect((await refusal(() => checkXlsxArchive(encrypted))).reason).toBe('unsupported');
    const stored = zip([
      { name: 'a.xml', data: Buffer.from('abc'), declaredSize: 2, stored: true },
    ]);
    expect((await refusal(() => checkXlsxArchive(stored))).reason).toBe('unsupported');
    const short = zip([{ name: 'a.xml', data: deflateRawSync('abcdef'), declaredSize: 7 }]);
    expect((await refusal(() => checkXlsxArchive(short))).reason).toBe('unsupported');
    const truncated = zip([{ name: 'a.xml', data: deflateRawSync('x'), declaredSize: 1 }]);
    expect(
      (await refusal(() => checkXlsxArchive(truncated.subarray(0, truncated.length - 30)))).reason,
    ).toBe('unsupported');
  });

  it('passes an XLSX that Excel or ExcelJS writes, inflating each entry exactly once', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['Mã', 'Tên']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const cost = await checkXlsxArchive(file);
    expect(cost.entries).toBeGreaterThan(5);
    expect(cost.inflatedBytes).toBeGreaterThan(0);
    expect(cost.inflatedBytes).toBeLessThanOrEqual(cost.unpackedBytes);
  });
});

describe('the row limit while reading', () => {
  it('refuses a CSV past the limit, counting the rows it does not keep', () => {
    const csv = Buffer.from(['Mã,Tên', 'A,1', '', 'B,2', 'C,3'].join('\n'));
    expect(readCsvTable(csv, { maxRows: 4 })).toHaveLength(5);
    let err: SheetFileError | undefined;
    try {
      readCsvTable(csv, { maxRows: 3 });
    } catch (e) {
      err = e as SheetFileError;
    }
    // Four non-blank rows, one of them the header: three data rows.
    expect([err?.reason, err?.params]).toEqual(['tooManyRows', { count: 3 }]);
  });

  it('refuses an XLSX past the limit, and keeps a lone far cell from costing a million rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['Mã', 'Tên']);
    sheet.addRow(['A', 'x']);
    sheet.getCell('B1048576').value = 'far';
    sheet.getCell('XFD2').value = 'wide';
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const table = await readXlsxTable(file, undefined, { maxRows: 3 });
    expect(table).toHaveLength(1_048_576);
    expect(table[1]).toHaveLength(2);
    expect(table[1_048_575]).toEqual(['', 'far']);
    expect(new Set(table.slice(2, -1)).size).toBe(1);

    const err = await refusal(() => readXlsxTable(file, undefined, { maxRows: 2 }));
    expect([err.reason, err.params]).toEqual(['tooManyRows', { count: 2 }]);
  });
});
