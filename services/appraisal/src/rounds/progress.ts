/**
 * The admin's view of a period's appraisal: every appraiser's progress in both rounds and every
 * unit's appraisal state, from the assignments, the entries and the rounds; and its export.
 */
import { formatHundredths } from '@par/scoring';
import { writeWorkbookXlsx } from '@par/sheets';
import { formatVietnamDateTime, isPhaseReached } from '@par/contracts';
import type { AppraisalProgress, AppraiserProgress, UnitAppraisalProgress } from '@par/contracts';
import { appraisalEntryId } from '../models/appraisal-entry.model';
import { openingModel } from '../models/opening.model';
import { roundModel, type RoundDocument } from '../models/round.model';
import {
  expand,
  gapsOf,
  periodView,
  scoreZero,
  shareOf,
  unitReady,
  type RoundDeps,
} from './rounds';
import { scoreIn, unitAppraisalState } from './round-rules';
import { appraisalEntryModel, type AppraisalEntryDocument } from '../models/appraisal-entry.model';

export async function getAppraisalProgress(
  deps: RoundDeps,
  periodId: string,
): Promise<AppraisalProgress> {
  const { scope, assignments, decisions } = await shareOf(deps, periodId, null);
  const id = scope.period.id;
  const [docs, rounds, openings] = await Promise.all([
    appraisalEntryModel(deps.db)
      .find({ periodId: id }, { outbox: 0 })
      .lean<AppraisalEntryDocument[]>(),
    roundModel(deps.db).find({ periodId: id }).lean<RoundDocument[]>(),
    openingModel(deps.db).find({ periodId: id }).lean(),
  ]);
  const entryById = new Map(docs.map((d) => [d._id, d]));
  const people = new Map<string, string>();
  for (const a of assignments) for (const p of a.appraisers) people.set(p.id, p.username);

  const appraisers: AppraiserProgress[] = [];
  for (const [appraiserId, username] of people) {
    const units = expand(
      scope,
      assignments.filter((a) => a.appraisers.some((p) => p.id === appraiserId)),
    );
    const share = { scope, units, decisions };
    const [r1, r2] = await Promise.all([gapsOf(deps, share, 1), gapsOf(deps, share, 2)]);
    const sentAt = (round: number) =>
      rounds
        .find((r) => r.appraiserId === appraiserId && r.round === round)
        ?.sentAt?.toISOString() ?? null;
    appraisers.push({
      appraiserId,
      username,
      assigned: r1.entries,
      round1Appraised: r1.entries - r1.gaps.length,
      round2Appraised: r2.entries - r2.gaps.length,
      round1SentAt: sentAt(1),
      round2SentAt: sentAt(2),
    });
  }
  appraisers.sort((a, b) => a.username.localeCompare(b.username));

  const all = expand(scope, assignments);
  const openedAt = new Map(openings.map((o) => [o.unitCode, o.openedAt]));
  const units: UnitAppraisalProgress[] = scope.units.map((unit) => {
    const leaves = all.get(unit.code) ?? [];
    const entries = leaves.map((leaf) => entryById.get(appraisalEntryId(id, unit.code, leaf)));
    const appraised = (round: 1 | 2) => entries.filter((e) => scoreIn(e, round) !== null).length;
    const total = (round: 1 | 2) => entries.reduce((s, e) => s + (scoreIn(e, round) ?? 0), 0);
    const decision = decisions.get(unit.code);
    const opened = openedAt.get(unit.code) ?? null;
    const [a1, a2] = [appraised(1), appraised(2)];
    const state = unitAppraisalState({
      scoreZero: scoreZero(decision),
      ready: unitReady(unit, decision),
      opened: Boolean(opened),
      entries: leaves.length,
      round1Appraised: a1,
      round2Appraised: a2,
      phase: scope.period.currentPhase,
    });
    return {
      unitCode: unit.code,
      unitName: unit.name,
      unitGroup: unit.unitGroup,
      state,
      openedAt: opened ? opened.toISOString() : null,
      entries: leaves.length,
      round1Appraised: a1,
      round2Appraised: a2,
      questions: entries.filter((e) => e?.question).length,
      answered: entries.filter((e) => e?.question?.answer).length,
      round1Total: total(1),
      round2Total: total(2),
    };
  });
  return { period: periodView(scope), appraisers, units, at: new Date().toISOString() };
}

const unitColumns = [
  { field: 'unitCode', header: 'Mã đơn vị' },
  { field: 'unitName', header: 'Tên đơn vị' },
  { field: 'unitGroup', header: 'Nhóm đơn vị' },
  { field: 'state', header: 'Trạng thái' },
  { field: 'entries', header: 'Số tiêu chí' },
  { field: 'round1Appraised', header: 'Đã thẩm định vòng 1' },
  { field: 'round2Appraised', header: 'Đã thẩm định vòng 2' },
  { field: 'questions', header: 'Câu hỏi giải trình' },
  { field: 'answered', header: 'Đã trả lời' },
  { field: 'round1Total', header: 'Điểm vòng 1' },
  { field: 'round2Total', header: 'Điểm vòng 2' },
] as const;
type UnitField = (typeof unitColumns)[number]['field'];

const appraiserColumns = [
  { field: 'username', header: 'Người thẩm định' },
  { field: 'assigned', header: 'Số tiêu chí được giao' },
  { field: 'round1Appraised', header: 'Đã thẩm định vòng 1' },
  { field: 'round1SentAt', header: 'Gửi vòng 1 lúc' },
  { field: 'round2Appraised', header: 'Đã thẩm định vòng 2' },
  { field: 'round2SentAt', header: 'Gửi vòng 2 lúc' },
] as const;
type AppraiserField = (typeof appraiserColumns)[number]['field'];

/** A sending time as people in Vietnam read it; empty while the round is not sent. */
const sentText = (at: string | null) => (at ? formatVietnamDateTime(at) : '');

const stateNames: Record<UnitAppraisalProgress['state'], string> = {
  notReady: 'Chưa nộp',
  scoreZero: 'Chấm 0 điểm',
  notOpened: 'Chưa mở',
  round1: 'Đang thẩm định vòng 1',
  round1Done: 'Xong vòng 1',
  round2Done: 'Xong vòng 2',
};

export async function exportAppraisalProgress(deps: RoundDeps, periodId: string) {
  const progress = await getAppraisalProgress(deps, periodId);
  // Before round 2, its counts would only repeat round 1 (unquestioned entries carry over).
  const round2 = isPhaseReached(progress.period.currentPhase, 'appraisalRound2');
  const later = (text: string) => (round2 ? text : '');
  const rows = progress.units.map((u): Record<UnitField, string> => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    unitGroup: u.unitGroup,
    state: stateNames[u.state],
    entries: String(u.entries),
    round1Appraised: String(u.round1Appraised),
    round2Appraised: later(String(u.round2Appraised)),
    questions: String(u.questions),
    answered: String(u.answered),
    round1Total: formatHundredths(u.round1Total),
    round2Total: later(formatHundredths(u.round2Total)),
  }));
  const appraisers = progress.appraisers.map((a): Record<AppraiserField, string> => ({
    username: a.username,
    assigned: String(a.assigned),
    round1Appraised: String(a.round1Appraised),
    round1SentAt: sentText(a.round1SentAt),
    round2Appraised: later(String(a.round2Appraised)),
    round2SentAt: sentText(a.round2SentAt),
  }));
  // The units first (the sheet readers read the first sheet), then every appraiser's progress.
  const content = await writeWorkbookXlsx([
    {
      columns: unitColumns,
      rows,
      sheetName: 'Tiến độ thẩm định',
      width: (c) => (c.field === 'unitName' ? 36 : 16),
    },
    {
      columns: appraiserColumns,
      rows: appraisers,
      sheetName: 'Người thẩm định',
      width: (c) => (c.field === 'username' ? 28 : 18),
    },
  ]);
  return {
    fileName: `tien-do-tham-dinh-${progress.period.id}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
  };
}
