/**
 * What a file is, by its bytes, and what its name or declared type claims it is: the one check
 * of every file the portal stores (evidence files, consultation attachments). A magic-byte
 * table of our own rather than the `file-type` package: that one is ESM-only with a stream
 * tokenizer stack, tells hundreds of kinds apart, and we need nine, with Office Open XML told
 * from a plain ZIP by the archive's central directory (which this module reads itself) and an
 * OpenDocument text by its first entry, `mimetype`, stored uncompressed as the format requires.
 */
import { evidenceKinds, type EvidenceKind } from './evidence.actions';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;

/** The names of a ZIP archive's entries, from its central directory; null when it is not readable. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === ZIP_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ZIP_CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Office Open XML is a ZIP whose `[Content_Types].xml` sits beside `word/`, `xl/` or `ppt/`. */
function officeOpenXmlKind(names: readonly string[]): EvidenceKind | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return null;
}

const ODT_MIME = 'application/vnd.oasis.opendocument.text';

/** Whether a ZIP's first local entry is `mimetype` holding the OpenDocument text type. */
function isOpenDocumentText(bytes: Uint8Array): boolean {
  if (bytes.length < 30) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const decoder = new TextDecoder();
  if (decoder.decode(bytes.subarray(30, 30 + nameLength)) !== 'mimetype') return false;
  const at = 30 + nameLength + extraLength;
  return decoder.decode(bytes.subarray(at, at + ODT_MIME.length)) === ODT_MIME;
}

/** The kind the bytes show, or null when they are none of the kinds we know. */
export function detectKind(bytes: Uint8Array): EvidenceKind | null {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, OLE2)) return 'msOffice';
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) {
    const names = zipEntryNames(bytes);
    if (names === null) return null;
    if (isOpenDocumentText(bytes)) return 'odt';
    return officeOpenXmlKind(names) ?? 'zip';
  }
  return null;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

const kindEntries = Object.entries(evidenceKinds) as Array<
  [EvidenceKind, (typeof evidenceKinds)[EvidenceKind]]
>;

/**
 * The kind a file claims to be: its declared MIME type when we know it, else its name's
 * extension (browsers send an empty type for files they do not know); null when neither says.
 */
export function claimedKind(name: string, contentType: string): EvidenceKind | null {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  const byMime = kindEntries.find(([, k]) => (k.mimeTypes as readonly string[]).includes(mime));
  if (byMime) return byMime[0];
  const extension = extensionOf(name);
  const byExtension = kindEntries.find(([, k]) =>
    (k.extensions as readonly string[]).includes(extension),
  );
  return byExtension?.[0] ?? null;
}

/** Whether bytes of kind `detected` honour a claim of kind `claimed` (a claimed ZIP may be any ZIP). */
export function kindMatches(claimed: EvidenceKind, detected: EvidenceKind): boolean {
  if (claimed === detected) return true;
  return claimed === 'zip' && ['docx', 'xlsx', 'pptx', 'odt'].includes(detected);
}

/** The MIME type to store and serve for a detected kind (the first of its table row). */
export function mimeTypeOf(kind: EvidenceKind): string {
  return evidenceKinds[kind].mimeTypes[0];
}

/** Human names of the accepted kinds, for messages: "PDF, Word (.docx), PNG". */
export function kindLabels(kinds: readonly EvidenceKind[]): string {
  return kinds.map((kind) => evidenceKinds[kind].label).join(', ');
}
