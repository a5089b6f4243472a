/**
 * ZIP files for the tests of hostile uploads: a minimal writer (sizes as declared, CRCs left at
 * 0, which no guard before inflation reads) and deflate data that inflates to gigabytes.
 */
import { constants, deflateRawSync } from 'node:zlib';

export const MiB = 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** Raw deflate data, or the bytes themselves when `stored`. */
  data: Buffer;
  /** The unpacked size the archive declares (a bomb may lie). */
  declaredSize: number;
  stored?: boolean;
  encrypted?: boolean;
}

/** A minimal ZIP writer: local headers, data, central directory, end record (CRCs left at 0). */
export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.stored ? 0 : 8;
    const flags = entry.encrypted ? 1 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, entry.data);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * Raw deflate data that inflates to `mebibytes` MiB of spaces, built without deflating them:
 * one flushed (non-final) block for 1 MiB, repeated, then an empty final block.
 */
export function deflatedSpaces(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MiB, 0x20), {
    level: 9,
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array<Buffer>(mebibytes).fill(block), last]);
}

/** A 1.6 MB XLSX-named ZIP whose worksheet inflates to 1.5 GiB; `declaredSize` may lie. */
export function xlsxBomb(declaredSize = 1536 * MiB): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: deflateRawSync('<Types/>'), declaredSize: 8 },
    { name: 'xl/worksheets/sheet1.xml', data: deflatedSpaces(1536), declaredSize },
  ]);
}
