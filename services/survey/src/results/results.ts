/** A campaign's results per unit, aspect and question, and their Excel export. */
import type { Connection } from 'mongoose';
import {
  questionsOf,
  type CampaignExport,
  type CampaignResults,
  type QuestionnaireDefinition,
  type UnitResult,
} from '@par/contracts';
import { writeSheetXlsx, type SheetWriteColumn } from '@par/sheets';
import type { CampaignDocument } from '../models/campaign.model';
import { responseModel, type ResponseDocument } from '../models/response.model';
import { addResponse, emptyTally, shareOf, tallyResult, type Tally } from './tally';

/** Every response of the campaign counted once, per unit and overall, streamed from the database. */
export async function campaignTallies(
  db: Connection,
  campaign: CampaignDocument,
  definition: QuestionnaireDefinition,
  unitCode?: string,
): Promise<{ overall: Tally; units: Map<string, Tally> }> {
  const overall = emptyTally(definition);
  const units = new Map(campaign.units.map((u) => [u.unitCode, emptyTally(definition)]));
  const cursor = responseModel(db)
    .find(
      { campaignId: campaign._id.toHexString(), ...(unitCode ? { unitCode } : {}) },
      { unitCode: 1, channel: 1, answers: 1 },
    )
    .lean<ResponseDocument>()
    .cursor();
  for await (const response of cursor) {
    const unit = units.get(response.unitCode);
    if (!unit) continue;
    addResponse(unit, response.answers, response.channel);
    addResponse(overall, response.answers, response.channel);
  }
  return { overall, units };
}

export async function campaignResults(
  db: Connection,
  campaign: CampaignDocument,
  definition: QuestionnaireDefinition,
  unitCode?: string,
): Promise<CampaignResults> {
  const tallies = await campaignTallies(db, campaign, definition, unitCode);
  const units: UnitResult[] = campaign.units
    .filter((u) => !unitCode || u.unitCode === unitCode)
    .map((u) => ({
      unitCode: u.unitCode,
      unitName: u.unitName,
      sampleSize: u.sampleSize,
      ...tallyResult(tallies.units.get(u.unitCode)!, definition, campaign.index),
    }));
  return {
    campaignId: campaign._id.toHexString(),
    status: campaign.status,
    overall: tallyResult(tallies.overall, definition, campaign.index),
    units,
  };
}

const percent = (hundredthsOfPercent: number | null) =>
  hundredthsOfPercent === null ? '' : (hundredthsOfPercent / 100).toFixed(2).replace('.', ',');

type TableField = 'unitCode' | 'unitName' | 'item' | 'answer' | 'count' | 'share';
const tableColumns: ReadonlyArray<SheetWriteColumn<TableField>> = [
  { field: 'unitCode', header: 'Mã đơn vị' },
  { field: 'unitName', header: 'Tên đơn vị' },
  { field: 'item', header: 'Nội dung' },
  { field: 'answer', header: 'Phương án / mức' },
  { field: 'count', header: 'Số lượng' },
  { field: 'share', header: 'Tỷ lệ (%)' },
];

/** One row per figure of the results table: responses, index, aspects, each option and level. */
function* tableRows(results: CampaignResults): Generator<Record<TableField, string>> {
  for (const unit of results.units) {
    const row = (item: string, answer: string, count: number | string, share: number | null) => ({
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      item,
      answer,
      count: String(count),
      share: percent(share),
    });
    yield row('Số phiếu thu được', '', unit.responses, null);
    yield row('Cỡ mẫu', '', unit.sampleSize ?? '', null);
    yield row('Chỉ số hài lòng', '', '', unit.index);
    for (const aspect of unit.aspects)
      yield row(`Khía cạnh: ${aspect.title}`, `hài lòng trở lên`, aspect.satisfied, aspect.share);
    for (const q of unit.questions) {
      for (const o of q.options ?? []) yield row(q.label, o.label, o.count, o.share);
      if (q.scale)
        for (const [i, count] of q.scale.counts.entries())
          yield row(q.label, `Mức ${i + 1}`, count, shareOf(count, q.answered));
      if (!q.options && !q.scale) yield row(q.label, 'Số người trả lời', q.answered, null);
    }
  }
}

/** An Excel workbook of the table, or of the raw answers (one row per response). */
export async function exportCampaign(
  db: Connection,
  campaign: CampaignDocument,
  definition: QuestionnaireDefinition,
  kind: 'table' | 'answers',
): Promise<CampaignExport> {
  const base = `khao-sat-${campaign._id.toHexString()}`;
  const mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (kind === 'table') {
    const results = await campaignResults(db, campaign, definition);
    const rows = [...tableRows(results)];
    const content = await writeSheetXlsx(tableColumns, rows, {
      sheetName: 'Kết quả',
      width: (c) => (c.field === 'item' || c.field === 'answer' ? 40 : 16),
    });
    return {
      fileName: `${base}-ket-qua.xlsx`,
      mimeType,
      contentBase64: content.toString('base64'),
      count: rows.length,
    };
  }
  const questions = questionsOf(definition).map(({ question }) => question);
  const columns: Array<SheetWriteColumn<string>> = [
    { field: 'receivedAt', header: 'Thời điểm nhận' },
    { field: 'unitCode', header: 'Mã đơn vị' },
    { field: 'channel', header: 'Hình thức' },
    { field: 'paperId', header: 'Số phiếu giấy' },
    ...questions.map((q) => ({ field: `q:${q.key}`, header: `${q.key}. ${q.label}` })),
  ];
  const labels = new Map(
    questions.flatMap((q) =>
      'options' in q ? q.options.map((o) => [`${q.key}/${o.key}`, o.label] as const) : [],
    ),
  );
  const rows: Array<Record<string, string>> = [];
  const cursor = responseModel(db)
    .find({ campaignId: campaign._id.toHexString() })
    .sort({ receivedAt: 1 })
    .lean<ResponseDocument>()
    .cursor();
  for await (const r of cursor) {
    const row: Record<string, string> = {
      receivedAt: r.receivedAt.toISOString(),
      unitCode: r.unitCode,
      channel: r.channel === 'online' ? 'Trực tuyến' : 'Phiếu giấy',
      paperId: r.paperId ?? '',
    };
    for (const q of questions) {
      const value = r.answers[q.key];
      const text = (v: string | number) => labels.get(`${q.key}/${v}`) ?? String(v);
      // Texts stay as typed (HTML included): the workbook's cells are text, never markup.
      row[`q:${q.key}`] =
        value === undefined ? '' : Array.isArray(value) ? value.map(text).join('; ') : text(value);
    }
    rows.push(row);
  }
  const content = await writeSheetXlsx(columns, rows, {
    sheetName: 'Phiếu trả lời',
    width: (c) => (c.field.startsWith('q:') ? 30 : 18),
  });
  return {
    fileName: `${base}-phieu-tra-loi.xlsx`,
    mimeType,
    contentBase64: content.toString('base64'),
    count: rows.length,
  };
}
