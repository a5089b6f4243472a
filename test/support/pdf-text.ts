/**
 * What poppler (installed by deploy/local/install.sh) makes of a PDF: its text (pdftotext) and
 * its first page rendered as PNG (pdftoppm), the way a reader would show it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withPdfFile<T>(bytes: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'par-export-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of the whole document, or of its first `pages` pages; with `layout`, a table's row
 * reads as one line, as it is printed.
 */
export function pdfText(
  bytes: Buffer,
  { pages, layout = false }: { pages?: number; layout?: boolean } = {},
): string {
  return withPdfFile(bytes, (file) =>
    execFileSync(
      'pdftotext',
      [
        '-enc',
        'UTF-8',
        ...(layout ? ['-layout'] : []),
        ...(pages ? ['-f', '1', '-l', String(pages)] : []),
        file,
        '-',
      ],
      { encoding: 'utf8' },
    ),
  );
}

/** The first page as a PNG at `dpi`, with its size in pixels read from the PNG header. */
export function pdfFirstPagePng(
  bytes: Buffer,
  dpi = 72,
): { png: Buffer; width: number; height: number } {
  return withPdfFile(bytes, (file, dir) => {
    const out = path.join(dir, 'page');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      out,
    ]);
    const png = readFileSync(`${out}.png`);
    // IHDR: the width and height, big-endian, right after the 8-byte signature and chunk header.
    return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  });
}
