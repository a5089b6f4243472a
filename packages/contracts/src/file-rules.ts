/**
 * The pure rules of a stored file, shared by the evidence service and the consultations'
 * attachments: its display name, its size verdict, how it is served.
 */
import type { EvidenceKind } from './evidence.actions';

/**
 * The name shown for a file: the last part of what the browser sent (some send a path), with
 * control characters removed. Only ever displayed or put in a download's header, never a key.
 */
export function displayName(given: string): string {
  const last = given.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 255);
}

export type SizeVerdict = 'ok' | 'empty' | 'tooLarge';

/** Whether a size is acceptable: at least one byte, at most `maxBytes`. */
export function checkSize(size: number, maxBytes: number): SizeVerdict {
  if (size <= 0) return 'empty';
  if (size > maxBytes) return 'tooLarge';
  return 'ok';
}

/** PDF and images open in the page (preview); everything else downloads. */
export function dispositionOf(kind: EvidenceKind): 'inline' | 'attachment' {
  return kind === 'pdf' || kind === 'png' || kind === 'jpeg' ? 'inline' : 'attachment';
}

/**
 * A `Content-Disposition` value that keeps a Vietnamese name (RFC 6266/5987): an ASCII
 * fallback for old clients and the UTF-8 name for the rest.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
