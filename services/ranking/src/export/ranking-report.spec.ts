import type {
  ConsolidationDocument,
  ConsolidationRowDocument,
} from '../models/consolidation.model';
import { rankingReport, sourceLabel } from './ranking-report';

const nodes = [
  { code: '1', parentCode: null, title: 'Chỉ đạo, điều hành' },
  { code: '1.1', parentCode: '1', title: 'Kế hoạch năm' },
  { code: '1.2', parentCode: '1', title: 'Báo cáo' },
  { code: '2', parentCode: null, title: 'Thủ tục hành chính' },
  { code: '2.1', parentCode: '2', title: 'Mức độ hài lòng' },
];

const header = {
  indexCode: 'PAR',
  year: 2026,
  groups: [{ unitGroup: 'SO', criteriaSet: { id: 'set', version: 1 }, totalMax: 400, areas: [] }],
  excludedUnits: [{ unitCode: 'Z', unitName: 'Sở Z', reason: 'Sáp nhập' }],
} as unknown as ConsolidationDocument;

const rowOf = (unitCode: string, leaves: ConsolidationRowDocument['row']['leaves']) =>
  ({
    row: {
      unitCode,
      unitName: `Sở ${unitCode}`,
      unitGroup: 'SO',
      rank: 1,
      tied: false,
      decidedByTieBreak: false,
      total: 0,
      max: 400,
      index: 0,
      band: 'D',
      areas: [{ code: '2', score: 50, max: 100, subIndex: 5000 }],
      previous: null,
      change: null,
      leaves,
    },
  }) as unknown as ConsolidationRowDocument;

describe('rankingReport', () => {
  it("names areas from the set and lists every leaf in the set's order with its self and final score", () => {
    const report = rankingReport(
      header,
      [
        rowOf('A', [
          { code: '2.1', score: 50, from: { source: 'survey', importId: 'i' } },
          { code: '1.1', score: 150, from: { source: 'appraisal', entryId: 'e', entryVersion: 2 } },
        ]),
      ],
      {
        periodName: 'Đợt 2026',
        edition: { kind: 'draft', version: 3, at: new Date(0) },
        nodesOf: new Map([['SO', nodes]]),
        selfScores: new Map([
          ['A 1.1', 175],
          ['A 1.2', null],
          ['B 1.1', 10],
        ]),
      },
    );
    const [row] = report.groups[0]!.rows;
    expect(row!.areas).toEqual([
      { code: '2', title: 'Thủ tục hành chính', score: 50, max: 100, subIndex: 5000 },
    ]);
    expect(row!.criteria).toEqual([
      { code: '1.1', title: 'Kế hoạch năm', selfScore: 175, finalScore: 150, source: 'Thẩm định' },
      { code: '1.2', title: 'Báo cáo', selfScore: null, finalScore: null, source: 'Chưa có điểm' },
      {
        code: '2.1',
        title: 'Mức độ hài lòng',
        selfScore: null,
        finalScore: 50,
        source: 'Điều tra xã hội học',
      },
    ]);
    expect(report.excludedUnits).toEqual([{ unitCode: 'Z', unitName: 'Sở Z', reason: 'Sáp nhập' }]);
  });

  it('says a linked score comes from the other index and its criterion', () => {
    expect(
      sourceLabel({
        source: 'linked',
        indexCode: 'SIPAS',
        criterionCode: '3.2',
        sourceScore: 80,
        sourceMax: 100,
        ref: 'r',
      }),
    ).toBe('Liên kết SIPAS 3.2');
  });
});
