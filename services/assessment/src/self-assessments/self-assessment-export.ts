/**
 * The unit's self-assessment summary as a signed report, in Excel (ExcelJS, as the progress
 * board's export) and PDF (`@par/reports`: the DejaVu Sans font embedded, so Vietnamese
 * diacritics print the same on every reader): unit, period, each criterion with its maximum, self-score,
 * explanation and evidence file names, area totals, the unit's total, a signature block.
 */
import ExcelJS from 'exceljs';
import type { Context } from 'moleculer';
import {
  evidenceActions,
  formatVietnamDateTime,
  type EvidenceFileList,
  type SelfAssessmentExport,
} from '@par/contracts';
import { formatHundredths, treeScores } from '@par/scoring';
import { drawSignatureBlock, drawTableRow, openPdfReport, type PdfColumn } from '@par/reports';
import { guardFormula } from '@par/sheets';
import { PortalError, type PortalMeta } from '@par/service-kit';
import type { EntryDocument } from '../models/entry.model';
import type { SelfAssessment } from '../models/self-assessment.model';
import { phaseLabel } from '../periods/period-rules';
import {
  stateDocument,
  unitInPeriod,
  type SelfAssessmentDeps,
  type UnitInPeriod,
} from './self-assessments';

/** One line of the report: a node of the set, in display order. */
export interface SummaryRow {
  code: string;
  title: string;
  depth: number;
  leaf: boolean;
  maxScore: number;
  /** Hundredths; a leaf never scored is null (counted 0 in its parents). */
  score: number | null;
  explanation: string;
  evidenceNames: string[];
}

export interface Summary {
  title: string;
  periodName: string;
  phase: string;
  unitCode: string;
  unitName: string;
  status: string;
  rows: SummaryRow[];
  total: number;
  totalMax: number;
  at: string;
}

/** The report's rows: nodes with their self-scores, parents summed by the scoring kernel. */
export function summaryOf(
  at: UnitInPeriod,
  entries: readonly EntryDocument[],
  files: EvidenceFileList['items'],
  state: SelfAssessment | null,
  now = new Date(),
): Summary {
  const nodes = at.set.nodes;
  const byCode = new Map(entries.map((e) => [e.criterionCode, e]));
  const scored = new Map(
    entries.flatMap((e) => (e.score === null ? [] : [[e.criterionCode, e.score] as const])),
  );
  const totals = treeScores(nodes, scored);
  const parentOf = new Map(nodes.map((n) => [n.code, n.parentCode]));
  const depthOf = (code: string) => {
    let depth = 0;
    for (let p = parentOf.get(code); p && depth < nodes.length; p = parentOf.get(p)) depth++;
    return depth;
  };
  const namesOf = (code: string) =>
    files
      .filter((f) => f.status === 'attached' && f.criterionCodes.includes(code))
      .map((f) => f.name);
  const rows = nodes.map((node, i) => {
    const leaf = at.leaves.leaves.has(node.code);
    const entry = byCode.get(node.code);
    return {
      code: node.code,
      title: node.title,
      depth: depthOf(node.code),
      leaf,
      maxScore: node.maxScore,
      score: leaf ? (entry?.score ?? null) : totals.scores[i]!,
      explanation: leaf ? (entry?.explanation ?? '') : '',
      evidenceNames: leaf ? namesOf(node.code) : [],
    };
  });
  const submitted = state?.status === 'submitted' && state.submittedAt;
  return {
    title: 'BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM',
    periodName: `${at.period.name} (${at.period.indexCode} ${at.period.year})`,
    phase: phaseLabel(at.period.currentPhase, 'vi'),
    unitCode: at.unit.code,
    unitName: at.unit.name,
    status: submitted
      ? `Đã gửi lúc ${formatVietnamDateTime(state.submittedAt!)} bởi ${state.submittedBy?.username ?? ''}`
      : 'Bản nháp, chưa gửi',
    rows,
    total: totals.total,
    totalMax: at.set.totalMax,
    at: formatVietnamDateTime(now),
  };
}

const points = (h: number | null) => (h === null ? '—' : formatHundredths(h, 'vi'));

const headers = [
  'Mã',
  'Tiêu chí',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Giải trình',
  'Tài liệu kiểm chứng',
];

const signatures = {
  left: ['NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'],
  right: ['THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên, đóng dấu)'],
  place: '…………, ngày …… tháng …… năm ………',
} as const;

export async function summaryXlsx(summary: Summary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tự đánh giá');
  sheet.addRow([summary.title]).font = { bold: true, size: 14 };
  sheet.addRow([`Đơn vị: ${summary.unitName} (${summary.unitCode})`]);
  sheet.addRow([`Kỳ đánh giá: ${summary.periodName} — giai đoạn: ${summary.phase}`]);
  sheet.addRow([`Trạng thái: ${summary.status}. Xuất lúc ${summary.at} (giờ Việt Nam).`]);
  sheet.addRow([]);
  sheet.addRow(headers).font = { bold: true };
  for (const row of summary.rows) {
    const line = sheet.addRow([
      row.code,
      // Text the unit typed is never a formula in the sheet.
      guardFormula(`${'  '.repeat(row.depth)}${row.title}`),
      row.maxScore / 100,
      row.score === null ? '' : row.score / 100,
      guardFormula(row.explanation),
      guardFormula(row.evidenceNames.join('\n')),
    ]);
    line.getCell(1).numFmt = '@';
    if (!row.leaf) line.font = { bold: true };
    line.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.addRow(['', 'Tổng điểm của đơn vị', summary.totalMax / 100, summary.total / 100]).font = {
    bold: true,
  };
  sheet.addRow([]);
  sheet.addRow(['', '', '', '', signatures.place]);
  sheet.addRow(['', signatures.left[0], '', '', signatures.right[0]]).font = { bold: true };
  sheet.addRow(['', signatures.left[1], '', '', signatures.right[1]]);
  for (const column of [3, 4]) sheet.getColumn(column).numFmt = '0.##';
  [10, 48, 12, 12, 60, 40].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function summaryPdf(summary: Summary): Promise<Buffer> {
  const report = openPdfReport({ title: `${summary.title} — ${summary.unitName}` });
  const { doc } = report;
  // Points read best right-aligned, as in the sheets units know.
  const columns: PdfColumn[] = [44, 200, 52, 52, 260, 162].map((width, i) => ({
    width,
    align: i === 2 || i === 3 ? 'right' : 'left',
  }));

  doc.font('bold').fontSize(14).text(summary.title, { align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(10);
  doc.text(`Đơn vị: ${summary.unitName} (${summary.unitCode})`);
  doc.text(`Kỳ đánh giá: ${summary.periodName} — giai đoạn: ${summary.phase}`);
  doc.text(`Trạng thái: ${summary.status}. Xuất lúc ${summary.at} (giờ Việt Nam).`);
  doc.moveDown(0.5);

  drawTableRow(report, columns, headers, { bold: true });
  for (const row of summary.rows) {
    drawTableRow(
      report,
      columns,
      [
        row.code,
        row.title,
        points(row.maxScore),
        points(row.score),
        row.explanation,
        row.evidenceNames.join('\n'),
      ],
      { bold: !row.leaf },
    );
  }
  drawTableRow(
    report,
    columns,
    ['', 'Tổng điểm của đơn vị', points(summary.totalMax), points(summary.total), '', ''],
    { bold: true },
  );
  drawSignatureBlock(report, signatures);
  return report.end();
}

/**
 * The export: the unit's set, entries and state, and its evidence files' names asked of the
 * evidence service with the caller's own token (officers of the unit and admins may read them).
 */
export async function exportSelfAssessment(
  deps: SelfAssessmentDeps,
  ctx: Context<unknown, PortalMeta>,
  params: { periodId: string; format: 'pdf' | 'xlsx' },
  unitCode: string,
): Promise<SelfAssessmentExport> {
  const at = await unitInPeriod(deps.db, params.periodId, unitCode);
  const [entries, state, files] = await Promise.all([
    deps.entries.unitEntries(at.periodId, unitCode, at.leaves.areaCodes),
    stateDocument(deps.db, at.periodId, unitCode),
    ctx
      .call<EvidenceFileList, object>(evidenceActions.listFiles.name, {
        periodId: at.periodId,
        unitCode,
      })
      .catch((err: unknown) => {
        // A refusal of the evidence service (its own code) stands; silence is unavailability.
        if (/^E_/.test((err as { type?: string }).type ?? '')) throw err;
        throw new PortalError('E_UNAVAILABLE', { key: 'selfAssessment.evidence.unavailable' });
      }),
  ]);
  const summary = summaryOf(at, entries, files.items, state);
  const base = `tu-danh-gia-${at.period.indexCode}-${at.period.year}-${unitCode}`.toLowerCase();
  const content = params.format === 'pdf' ? await summaryPdf(summary) : await summaryXlsx(summary);
  return {
    fileName: `${base}.${params.format}`,
    mimeType:
      params.format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
  };
}
