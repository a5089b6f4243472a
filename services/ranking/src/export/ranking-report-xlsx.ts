/**
 * The ranking report as a workbook (the sheet writer of `@par/sheets`): the ranking per group,
 * the scores per area per unit, and each criterion's self and final score with its source.
 * Points and percentages are number cells (hundredths ÷ 100), so the admin can sort and sum.
 */
import { writeWorkbookXlsx, type SheetWriteColumn, type WorkbookCell } from '@par/sheets';
import type { RankingReport } from './ranking-report';

const num = (hundredths: number | null): WorkbookCell =>
  hundredths === null ? '' : hundredths / 100;

function sheet<F extends string>(
  sheetName: string,
  columns: ReadonlyArray<SheetWriteColumn<F> & { width: number }>,
  rows: Array<Record<F, WorkbookCell>>,
) {
  const widths = new Map(columns.map((c) => [c.field, c.width]));
  return { sheetName, columns, rows, width: (c: SheetWriteColumn<F>) => widths.get(c.field)! };
}

export function rankingReportXlsx(report: RankingReport): Promise<Buffer> {
  const rows = report.groups.flatMap((g) => g.rows);
  const ranking = sheet(
    'Xếp hạng',
    [
      { field: 'group', header: 'Nhóm', width: 14 },
      { field: 'rank', header: 'Hạng', width: 8 },
      { field: 'unitCode', header: 'Mã đơn vị', width: 12 },
      { field: 'unitName', header: 'Đơn vị', width: 40 },
      { field: 'total', header: 'Tổng điểm', width: 12 },
      { field: 'max', header: 'Điểm tối đa', width: 12 },
      { field: 'index', header: 'Chỉ số (%)', width: 12 },
      { field: 'band', header: 'Xếp loại', width: 10 },
      { field: 'change', header: 'Thay đổi so với năm trước (điểm %)', width: 20 },
    ] as const,
    rows.map((r) => ({
      group: r.unitGroup,
      rank: r.rank ?? '',
      unitCode: r.unitCode,
      unitName: r.unitName,
      total: num(r.total),
      max: num(r.max),
      index: num(r.index),
      band: r.band ?? '',
      change: num(r.change),
    })),
  );
  const areas = sheet(
    'Điểm theo lĩnh vực',
    [
      { field: 'group', header: 'Nhóm', width: 14 },
      { field: 'unitCode', header: 'Mã đơn vị', width: 12 },
      { field: 'unitName', header: 'Đơn vị', width: 40 },
      { field: 'areaCode', header: 'Mã lĩnh vực', width: 12 },
      { field: 'areaTitle', header: 'Lĩnh vực', width: 40 },
      { field: 'score', header: 'Điểm', width: 10 },
      { field: 'max', header: 'Điểm tối đa', width: 12 },
      { field: 'subIndex', header: 'Chỉ số thành phần (%)', width: 16 },
    ] as const,
    rows.flatMap((r) =>
      r.areas.map((a) => ({
        group: r.unitGroup,
        unitCode: r.unitCode,
        unitName: r.unitName,
        areaCode: a.code,
        areaTitle: a.title,
        score: num(a.score),
        max: num(a.max),
        subIndex: num(a.subIndex),
      })),
    ),
  );
  const criteria = sheet(
    'Chi tiết tiêu chí',
    [
      { field: 'unitCode', header: 'Mã đơn vị', width: 12 },
      { field: 'unitName', header: 'Đơn vị', width: 40 },
      { field: 'code', header: 'Mã tiêu chí', width: 12 },
      { field: 'title', header: 'Tiêu chí', width: 50 },
      { field: 'selfScore', header: 'Điểm tự chấm', width: 12 },
      { field: 'finalScore', header: 'Điểm cuối cùng', width: 12 },
      { field: 'source', header: 'Nguồn điểm', width: 22 },
    ] as const,
    rows.flatMap((r) =>
      r.criteria.map((c) => ({
        unitCode: r.unitCode,
        unitName: r.unitName,
        code: c.code,
        title: c.title,
        selfScore: num(c.selfScore),
        finalScore: num(c.finalScore),
        source: c.source,
      })),
    ),
  );
  return writeWorkbookXlsx([ranking, areas, criteria], { fixedDate: report.edition.at });
}
