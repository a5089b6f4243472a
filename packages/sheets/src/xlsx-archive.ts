/**
 * The guard an XLSX passes before any parser inflates it: a ZIP whose entry count or unpacked
 * size exceeds a limit (a "zip bomb": 2 MB that inflate past 1 GB) is refused from its central
 * directory alone, and an entry that inflates past the size it declares is cut off at that size,
 * so no file costs more than the limit in bytes inflated or in memory.
 */
import { createInflateRaw } from 'node:zlib';
import { SheetFileError } from './sheet-error';

export interface XlsxArchiveLimits {
  /** Sum of the entries' unpacked sizes. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

/**
 * A 5,000-row units sheet packs to 240 KB and unpacks to 3.2 MB (measured); text packs three to
 * five fold, so even a full 2 MB upload of text unpacks to about 10 MB. Excel writes about a
 * dozen entries; a workbook with many sheets and images some hundreds.
 */
export const xlsxArchiveLimits: XlsxArchiveLimits = {
  maxUnpackedBytes: 32 * 1024 * 1024,
  maxEntries: 500,
};

/** What the check cost: bytes inflated to verify the declared sizes. */
export interface XlsxArchiveCheck {
  entries: number;
  unpackedBytes: number;
  inflatedBytes: number;
}

interface Entry {
  method: number;
  flags: number;
  packedSize: number;
  unpackedSize: number;
  localHeaderAt: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Refuses the archive (`unpackedTooLarge`, or `unsupported` for a damaged, encrypted or ZIP64
 * one) unless every limit holds; inflates each entry once, counting and discarding the output.
 */
export async function checkXlsxArchive(
  content: Buffer,
  limits: XlsxArchiveLimits = xlsxArchiveLimits,
  /** Filled as the check goes, also when it refuses the file (tests read the cost from it). */
  cost: XlsxArchiveCheck = { entries: 0, unpackedBytes: 0, inflatedBytes: 0 },
): Promise<XlsxArchiveCheck> {
  const entries = centralDirectory(content, limits);
  cost.entries = entries.length;
  for (const entry of entries) {
    cost.unpackedBytes += entry.unpackedSize;
    if (cost.unpackedBytes > limits.maxUnpackedBytes) throw tooLarge(limits);
  }
  for (const entry of entries) {
    const data = entryData(content, entry);
    if (entry.method === STORED) {
      if (entry.packedSize !== entry.unpackedSize) throw new SheetFileError('unsupported');
      continue;
    }
    await inflateCounting(data, entry.unpackedSize, (bytes) => (cost.inflatedBytes += bytes));
  }
  return cost;
}

function tooLarge(limits: XlsxArchiveLimits): SheetFileError {
  return new SheetFileError('unpackedTooLarge', {
    max: `${Math.round(limits.maxUnpackedBytes / 1024 / 1024)} MB`,
    maxEntries: limits.maxEntries,
  });
}

function centralDirectory(content: Buffer, limits: XlsxArchiveLimits): Entry[] {
  const end = findEndOfCentralDirectory(content);
  if (end >= 20 && content.readUInt32LE(end - 20) === ZIP64_LOCATOR_SIGNATURE) {
    throw new SheetFileError('unsupported');
  }
  const count = content.readUInt16LE(end + 10);
  if (count > limits.maxEntries) throw tooLarge(limits);
  let at = content.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new SheetFileError('unsupported');
    }
    const entry: Entry = {
      flags: content.readUInt16LE(at + 8),
      method: content.readUInt16LE(at + 10),
      packedSize: content.readUInt32LE(at + 20),
      unpackedSize: content.readUInt32LE(at + 24),
      localHeaderAt: content.readUInt32LE(at + 42),
    };
    // Encrypted entries, other methods and ZIP64 sizes are nothing Excel writes for a sheet.
    const encrypted = (entry.flags & 0x1) !== 0;
    const zip64 = [entry.packedSize, entry.unpackedSize, entry.localHeaderAt].includes(0xffffffff);
    if (encrypted || zip64 || (entry.method !== STORED && entry.method !== DEFLATED)) {
      throw new SheetFileError('unsupported');
    }
    entries.push(entry);
    at +=
      46 +
      content.readUInt16LE(at + 28) +
      content.readUInt16LE(at + 30) +
      content.readUInt16LE(at + 32);
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus a comment of at most 64 KiB. */
function findEndOfCentralDirectory(content: Buffer): number {
  const lowest = Math.max(0, content.length - 22 - 0xffff);
  for (let at = content.length - 22; at >= lowest; at--) {
    if (content.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new SheetFileError('unsupported');
}

/** The packed bytes of an entry, found as parsers find them: after its local header. */
function entryData(content: Buffer, entry: Entry): Buffer {
  const at = entry.localHeaderAt;
  if (at + 30 > content.length || content.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new SheetFileError('unsupported');
  }
  const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
  if (start + entry.packedSize > content.length) throw new SheetFileError('unsupported');
  return content.subarray(start, start + entry.packedSize);
}

/**
 * Inflates and drops the output chunk by chunk; an entry that yields more than it declared is a
 * lie about its size and is refused as soon as it passes that size.
 */
function inflateCounting(
  data: Buffer,
  declared: number,
  count: (bytes: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    let settled = false;
    const fail = (err: SheetFileError) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      count(chunk.length);
      if (size > declared) fail(new SheetFileError('unsupported'));
    });
    inflate.on('error', () => fail(new SheetFileError('unsupported')));
    inflate.on('end', () => {
      if (settled) return;
      settled = true;
      if (size === declared) resolve();
      else reject(new SheetFileError('unsupported'));
    });
    inflate.end(data);
  });
}
