/** The progress board of a period: per unit, how far its self-assessment is, and its Excel export. */
import ExcelJS from 'exceljs';
import { isValidObjectId, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  deadlineFor,
  type PeriodProgress,
  type ProgressExport,
  type ProgressParams,
  type UnitProgress,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import { getCriteriaSetNodes } from '../criteria-sets/criteria-set-store';
import type { EntryDocument, EntryStore } from '../models/entry.model';
import { periodModel, type PeriodDocument } from '../models/period.model';
import { selfAssessmentModel, type SelfAssessment } from '../models/self-assessment.model';
import type { EvidenceCounter } from '../self-assessments/evidence-counts';
import { completenessOf } from '../self-assessments/self-assessments';
import { formatVietnamTime, phaseLabel, shareOf, unitProgress } from './period-rules';

type Params = z.output<typeof ProgressParams>;

/** Where the board reads entries and evidence counts from. */
export interface ProgressSources {
  entries: EntryStore;
  evidence: EvidenceCounter;
}

export async function getPeriodProgress(
  db: Connection,
  params: Params,
  sources: ProgressSources,
): Promise<PeriodProgress> {
  if (!isValidObjectId(params.id)) throw new PortalError('E_NOT_FOUND', { key: 'period.notFound' });
  const period = await periodModel(db).findById(params.id).lean<PeriodDocument>();
  if (!period) throw new PortalError('E_NOT_FOUND', { key: 'period.notFound' });

  const nodesBySet = await getCriteriaSetNodes(
    db,
    period.criteriaSets.map((c) => c.criteriaSetId),
  );
  const nodesByGroup = new Map(
    period.criteriaSets.map((c) => [c.unitGroup, nodesBySet.get(c.criteriaSetId) ?? []]),
  );
  // Plain finds grouped here: FerretDB has no $group beyond $sum, and a period's entries
  // (≈ 200 units × 150 leaves) fit in memory. The board shows no files while the evidence
  // service does not answer, rather than no board.
  const periodId = period._id.toHexString();
  const [entries, selfAssessments, counts] = await Promise.all([
    sources.entries.periodEntries(periodId),
    selfAssessmentModel(db)
      .find({ periodId: period._id }, { unitCode: 1, status: 1 })
      .lean<SelfAssessment[]>(),
    sources.evidence.countsOrNone(periodId),
  ]);
  const entriesByUnit = new Map<string, EntryDocument[]>();
  for (const entry of entries) {
    const list = entriesByUnit.get(entry.unitCode) ?? [];
    list.push(entry);
    entriesByUnit.set(entry.unitCode, list);
  }
  const submitted = new Set(
    selfAssessments.filter((s) => s.status === 'submitted').map((s) => s.unitCode),
  );

  const all: UnitProgress[] = period.units.map((unit) => {
    const unitEntries = entriesByUnit.get(unit.code) ?? [];
    const done = completenessOf(
      nodesByGroup.get(unit.unitGroup) ?? [],
      unitEntries,
      counts.get(unit.code),
    ).total;
    const deadline = deadlineFor(period, unit.code, period.currentPhase);
    return {
      unitCode: unit.code,
      unitName: unit.name,
      unitGroup: unit.unitGroup,
      leafCount: done.leaves,
      submitted: submitted.has(unit.code),
      extendedUntil: deadline?.extension?.endsAt ?? null,
      deadline: deadline?.endsAt ?? null,
      ...unitProgress(done, unitEntries.length > 0, submitted.has(unit.code)),
    };
  });
  const items = all.filter(
    (u) =>
      (!params.unitGroup || u.unitGroup === params.unitGroup) &&
      (!params.status || u.status === params.status),
  );
  const leaves = items.reduce((sum, u) => sum + u.leafCount, 0);
  const completed = items.reduce((sum, u) => sum + u.completedCount, 0);
  return {
    periodId: params.id,
    currentPhase: period.currentPhase,
    items,
    totals: {
      units: items.length,
      submitted: items.filter((u) => u.submitted).length,
      completedShare: shareOf(completed, leaves),
    },
    at: new Date().toISOString(),
  };
}

const statusLabels: Record<UnitProgress['status'], string> = {
  notStarted: 'Chưa bắt đầu',
  inProgress: 'Đang thực hiện',
  complete: 'Đủ, chưa gửi',
  submitted: 'Đã gửi',
};

export async function exportPeriodProgress(
  db: Connection,
  params: Params,
  sources: ProgressSources,
): Promise<ProgressExport> {
  const progress = await getPeriodProgress(db, params, sources);
  const period = (await periodModel(db).findById(params.id).lean<PeriodDocument>())!;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tiến độ');
  sheet.addRow([`${period.name} — giai đoạn: ${phaseLabel(period.currentPhase)}`]);
  sheet.addRow([`Xuất lúc ${formatVietnamTime(progress.at)} (giờ Việt Nam)`]);
  sheet.addRow([]);
  sheet.addRow([
    'Mã đơn vị',
    'Tên đơn vị',
    'Nhóm',
    'Số tiêu chí',
    'Đã chấm và giải trình',
    'Tỷ lệ hoàn thành',
    'Đủ tài liệu kiểm chứng',
    'Tỷ lệ có tài liệu',
    'Trạng thái',
    'Hạn của đơn vị',
    'Gia hạn đến',
  ]).font = { bold: true };
  for (const u of progress.items) {
    sheet.addRow([
      u.unitCode,
      u.unitName,
      u.unitGroup,
      u.leafCount,
      u.completedCount,
      // Excel formats the number itself as a percentage; the stored value stays exact.
      u.completedShare / 10_000,
      u.evidenceCount,
      u.evidenceShare / 10_000,
      statusLabels[u.status],
      u.deadline ? formatVietnamTime(u.deadline) : '',
      u.extendedUntil ? formatVietnamTime(u.extendedUntil) : '',
    ]);
  }
  sheet.getColumn(6).numFmt = '0.0%';
  sheet.getColumn(8).numFmt = '0.0%';
  sheet.getColumn(2).width = 40;
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `tien-do-${period.indexCode.toLowerCase()}-${period.year}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
  };
}
