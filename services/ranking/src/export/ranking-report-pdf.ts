/**
 * The ranking report the council submits, as PDF (`@par/reports`): title, index and period,
 * which version it is, each group's ranking table and a bar chart of its indices, the units
 * left out, the signature block. Numbers as vi-VN writes them (`91,67 %`).
 */
import { formatVietnamDateTime } from '@par/contracts';
import {
  drawBarChart,
  drawSignatureBlock,
  drawTableRow,
  openPdfReport,
  type PdfColumn,
} from '@par/reports';
import { formatHundredths, formatPercent } from '@par/scoring';
import type { RankingReport } from './ranking-report';

const points = (h: number | null) => (h === null ? '—' : formatHundredths(h, 'vi'));
const percent = (h: number | null) => (h === null ? '—' : formatPercent(h, 'vi'));
/** Percentage points, with the sign a change is read by. */
const change = (h: number | null) =>
  h === null ? '—' : `${h > 0 ? '+' : ''}${formatHundredths(h, 'vi')}`;

const columns: PdfColumn[] = [
  { width: 80, align: 'center' },
  { width: 90 },
  { width: 250 },
  { width: 80, align: 'right' },
  { width: 80, align: 'right' },
  { width: 60, align: 'center' },
  { width: 130, align: 'right' },
];
const headers = [
  'Hạng',
  'Mã đơn vị',
  'Đơn vị',
  'Tổng điểm',
  'Chỉ số',
  'Xếp loại',
  'Thay đổi so với năm trước (điểm %)',
];

const signatures = {
  place: '…………, ngày …… tháng …… năm ………',
  left: ['NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'],
  right: ['GIÁM ĐỐC SỞ NỘI VỤ', '(Ký, ghi rõ họ tên, đóng dấu)'],
} as const;

export function editionLabel(edition: RankingReport['edition']): string {
  const at = formatVietnamDateTime(edition.at);
  return edition.kind === 'draft'
    ? `Bản dự thảo tổng hợp lần ${edition.version} (lập lúc ${at}), chưa công bố`
    : `Bản công bố số ${edition.number} (công bố lúc ${at})${edition.reason ? `, lý do công bố lại: ${edition.reason}` : ''}`;
}

export function rankingReportPdf(report: RankingReport, now = new Date()): Promise<Buffer> {
  const pdf = openPdfReport({ title: `${report.title} — ${report.indexCode} ${report.year}` });
  const { doc } = pdf;
  doc.font('bold').fontSize(14).text(report.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(12);
  doc.text(`Chỉ số ${report.indexCode} năm ${report.year}`, { align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(10);
  doc.text(`Kỳ đánh giá: ${report.periodName}`);
  doc.text(
    `${editionLabel(report.edition)}. Xuất lúc ${formatVietnamDateTime(now)} (giờ Việt Nam).`,
  );

  for (const group of report.groups) {
    doc.moveDown(0.8).font('bold').fontSize(11);
    if (doc.y + 60 > pdf.bottom()) doc.addPage();
    doc.text(
      `Nhóm ${group.unitGroup}: ${group.rows.length} đơn vị, điểm tối đa ${points(group.totalMax)}`,
      pdf.left,
    );
    doc.moveDown(0.3);
    drawTableRow(pdf, columns, headers, { bold: true });
    for (const row of group.rows)
      drawTableRow(pdf, columns, [
        row.rank === null ? '—' : `${row.rank}${row.tied ? ' (đồng hạng)' : ''}`,
        row.unitCode,
        row.unitName,
        points(row.total),
        percent(row.index),
        row.band ?? '—',
        change(row.change),
      ]);
    doc.moveDown(0.8);
    drawBarChart(pdf, {
      title: `Biểu đồ chỉ số nhóm ${group.unitGroup} (%)`,
      bars: group.rows.map((row) => ({
        label: row.unitName,
        value: row.index ?? 0,
        text: percent(row.index),
      })),
      max: 10_000,
      scale: (value) => formatHundredths(Math.round(value), 'vi'),
    });
  }

  if (report.excludedUnits.length > 0) {
    doc.moveDown(0.5).font('bold').fontSize(10).text('Đơn vị không xếp hạng:', pdf.left);
    doc.font('regular');
    for (const unit of report.excludedUnits)
      doc.text(`• ${unit.unitName} (${unit.unitCode}): ${unit.reason}`);
  }
  drawSignatureBlock(pdf, signatures);
  return pdf.end();
}
