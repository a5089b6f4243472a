/**
 * An A4 PDF report as the portal prints them (pdfkit): the DejaVu Sans fonts embedded, so that
 * Vietnamese diacritics print the same on every reader; bordered table rows that move to a new
 * page when they do not fit; a horizontal bar chart; the signature block at the foot.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const fontFile = (name: string) =>
  createRequire(__filename).resolve(`dejavu-fonts-ttf/ttf/${name}`);

/** The document being written, where its content box is, and how to finish it. */
export interface PdfReport {
  doc: PDFKit.PDFDocument;
  /** The left margin and the width between the margins. */
  left: number;
  width: number;
  /** Where the content of the current page must end. */
  bottom(): number;
  /** Ends the document and resolves to its bytes. */
  end(): Promise<Buffer>;
}

/** A new report, fonts `regular` and `bold` registered, its title in the document's metadata. */
export function openPdfReport({
  title,
  layout = 'landscape',
}: {
  title: string;
  layout?: 'landscape' | 'portrait';
}): PdfReport {
  const doc = new PDFDocument({ size: 'A4', layout, margin: 36, bufferPages: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontFile('DejaVuSans.ttf'));
  doc.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  doc.info.Title = title;
  const { left, right } = doc.page.margins;
  return {
    doc,
    left,
    width: doc.page.width - left - right,
    bottom: () => doc.page.height - doc.page.margins.bottom,
    end: () => {
      doc.end();
      return done;
    },
  };
}

/** A column of a table: its width in points and how its cells are aligned. */
export interface PdfColumn {
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * One bordered row at the current position, as tall as its tallest cell; on a new page when it
 * does not fit on this one.
 */
export function drawTableRow(
  report: PdfReport,
  columns: readonly PdfColumn[],
  cells: readonly string[],
  { bold = false, fontSize = 8 }: { bold?: boolean; fontSize?: number } = {},
): void {
  const { doc, left } = report;
  doc.font(bold ? 'bold' : 'regular').fontSize(fontSize);
  const height =
    Math.max(
      ...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: columns[i]!.width - 6 })),
    ) + 6;
  if (doc.y + height > report.bottom()) doc.addPage();
  const top = doc.y;
  let x = left;
  cells.forEach((cell, i) => {
    const { width, align = 'left' } = columns[i]!;
    doc.text(cell, x + 3, top + 3, { width: width - 6, align });
    doc.rect(x, top, width, height).stroke('#888888');
    x += width;
  });
  doc.x = left;
  doc.y = top + height;
}

/** Who signs: each side's title and the note under it, and the place-and-date line above. */
export interface PdfSignatures {
  place: string;
  left: readonly [string, string];
  right: readonly [string, string];
}

/** The signature block, two columns under the place and date, kept whole on one page. */
export function drawSignatureBlock(report: PdfReport, signatures: PdfSignatures): void {
  const { doc, left } = report;
  if (doc.y + 110 > report.bottom()) doc.addPage();
  doc.moveDown(1.5).font('regular').fontSize(10);
  const half = report.width / 2;
  const top = doc.y;
  doc.text(signatures.place, left + half, top, { width: half, align: 'center' });
  doc.font('bold').text(signatures.left[0], left, top + 16, { width: half, align: 'center' });
  doc.text(signatures.right[0], left + half, top + 16, { width: half, align: 'center' });
  doc.font('regular').text(signatures.left[1], left, top + 30, { width: half, align: 'center' });
  doc.text(signatures.right[1], left + half, top + 30, { width: half, align: 'center' });
  doc.x = left;
  doc.y = top + 90;
}

/** One bar: what it is, its length on the chart's scale, and the value printed after it. */
export interface PdfBar {
  label: string;
  value: number;
  text: string;
}

/**
 * A horizontal bar chart drawn in the PDF (vectors, not an image): a title, one bar per item on
 * a scale from 0 to `max` with lines at each quarter, the value printed after each bar.
 */
export function drawBarChart(
  report: PdfReport,
  {
    title,
    bars,
    max,
    scale,
  }: { title: string; bars: readonly PdfBar[]; max: number; scale: (value: number) => string },
): void {
  const { doc, left } = report;
  const barHeight = 12;
  const gap = 4;
  const labelWidth = Math.min(220, report.width * 0.3);
  const textWidth = 60;
  const plotLeft = left + labelWidth + 6;
  const plotWidth = report.width - labelWidth - 6 - textWidth;
  const height = 18 + bars.length * (barHeight + gap) + 14;
  if (doc.y + height > report.bottom()) doc.addPage();
  doc.font('bold').fontSize(9).text(title, left, doc.y);
  const top = doc.y + 4;
  const plotHeight = bars.length * (barHeight + gap);
  for (let quarter = 0; quarter <= 4; quarter++) {
    const x = plotLeft + (plotWidth * quarter) / 4;
    doc
      .moveTo(x, top)
      .lineTo(x, top + plotHeight)
      .lineWidth(0.5)
      .stroke(quarter === 0 ? '#444444' : '#cccccc');
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#444444')
      .text(scale((max * quarter) / 4), x - 30, top + plotHeight + 2, {
        width: 60,
        align: 'center',
      });
  }
  bars.forEach((bar, i) => {
    const y = top + i * (barHeight + gap) + gap / 2;
    const length = max > 0 ? (plotWidth * Math.max(0, Math.min(bar.value, max))) / max : 0;
    doc.fillColor('#000000').font('regular').fontSize(8);
    doc.text(bar.label, left, y + 2, {
      width: labelWidth,
      align: 'right',
      lineBreak: false,
      ellipsis: true,
    });
    doc.rect(plotLeft, y, length, barHeight).fill('#1f5fa8');
    doc
      .fillColor('#000000')
      .text(bar.text, plotLeft + length + 4, y + 2, { width: textWidth, lineBreak: false });
  });
  doc.fillColor('#000000').lineWidth(1);
  doc.x = left;
  doc.y = top + plotHeight + 16;
}
