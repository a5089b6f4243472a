import type {
  AppraisalEntry,
  AskQuestionParams,
  CriterionNode,
  SaveAppraisalParams,
} from '@par/contracts';
import { AppraisalStore } from './appraisal-store';
import type { AppraisalSaveFailure } from './appraisal-store';

const node = (
  code: string,
  parentCode: string | null,
  rule: CriterionNode['rule'],
  maxScore: number,
): CriterionNode => ({
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  guidanceForUnits: '',
  guidanceForAppraisers: '',
  maxScore,
  capped: false,
  rule,
  evidence: { min: 1, max: 2 },
  explanationRequired: true,
  appraiserUnitCode: null,
});

// Area 1 (max 3): 1.1 manual 0–2 step 0,25 (self 1,5); 1.2 yes 1 / no 0 (self yes).
// Area 2: 2.1 manual 0–4 step 0,5, not assigned to this appraiser (no entry).
const nodes = [
  node('1', null, null, 300),
  node('1.1', '1', { type: 'manual', min: 0, max: 200, step: 25 }, 200),
  node('1.2', '1', { type: 'boolean', yesScore: 100, noScore: 0 }, 100),
  node('2', null, null, 400),
  node('2.1', '2', { type: 'manual', min: 0, max: 400, step: 50 }, 400),
];

const author = { id: 'u-td1', username: 'thamdinh.a' };
const entry = (
  criterionCode: string,
  selfScore: number,
  selfInputs: AppraisalEntry['self']['inputs'],
  version = 0,
): AppraisalEntry => ({
  criterionCode,
  self: {
    inputs: selfInputs,
    score: selfScore,
    percent: null,
    explanation: 'Đã ban hành kế hoạch',
    missingEvidenceExplanation: '',
  },
  evidence: [],
  round1: null,
  round2: null,
  round2Score: null,
  question: null,
  version,
});

function setUp(
  round: 1 | 2 = 1,
  entries = [entry('1.1', 150, { value: 150 }), entry('1.2', 100, { yes: true })],
) {
  const sent: SaveAppraisalParams[] = [];
  const asked: AskQuestionParams[] = [];
  const byCode = new Map(entries.map((e) => [e.criterionCode, e]));
  const store = new AppraisalStore({
    periodId: 'a'.repeat(24),
    unitCode: 'STP',
    round,
    nodes,
    entries,
    locale: () => 'vi',
    delayMs: 0,
    save: async (params) => {
      sent.push(params);
      const before = byCode.get(params.criterionCode)!;
      const value = {
        inputs: params.inputs ?? {},
        score: params.inputs?.value ?? (params.inputs?.yes ? 100 : 0),
        percent: null,
        reason: params.reason ?? '',
        by: author,
        at: '2026-12-07T02:00:00.000Z',
      };
      return {
        ...before,
        round1: round === 1 ? value : before.round1,
        round2: round === 2 ? value : before.round2,
        version: Number(params.version) + 1,
      };
    },
    ask: async (params) => {
      asked.push(params);
      return {
        ...byCode.get(params.criterionCode)!,
        question: {
          text: params.text,
          askedBy: author,
          askedAt: '2026-12-07T02:05:00.000Z',
          answer: null,
        },
        version: Number(params.version) + 1,
      };
    },
    classify: (error): AppraisalSaveFailure => ({ kind: 'retry', message: String(error) }),
  });
  return { store, sent, asked };
}

describe('AppraisalStore', () => {
  it('saves a score equal to the self-score without a reason', async () => {
    const { store, sent } = setUp();
    store.edit('1.1', { value: '1,5' });
    await store.flush();
    expect(sent).toEqual([
      {
        periodId: 'a'.repeat(24),
        unitCode: 'STP',
        criterionCode: '1.1',
        round: 1,
        version: 0,
        inputs: { value: 150 },
        reason: '',
      },
    ]);
    expect(store.leaf('1.1').status).toBe('saved');
    store.dispose();
  });

  it('holds a differing score until a reason is written, then saves both', async () => {
    const { store, sent } = setUp();
    store.edit('1.1', { value: '1,25' });
    await store.flush();
    expect(sent).toHaveLength(0);
    expect(store.leaf('1.1').needsReason).toBe(true);
    expect(store.summary().needReason).toBe(1);
    store.edit('1.1', { reason: '   ' });
    await store.flush();
    expect(sent).toHaveLength(0);
    store.edit('1.1', { reason: 'Kế hoạch ban hành muộn 2 tháng' });
    await store.flush();
    expect(sent.map((p) => [p.inputs, p.reason])).toEqual([
      [{ value: 125 }, 'Kế hoạch ban hành muộn 2 tháng'],
    ]);
    expect(store.leaf('1.1').needsReason).toBe(false);
    store.dispose();
  });

  it('adds up only the assigned leaves, live, for the self-scores and the round', () => {
    const { store } = setUp();
    // Self: 1,5 + 1 = 2,5 of a maximum of 2 + 1 = 3 (2.1 is not assigned).
    expect(store.summary()).toMatchObject({
      self: 250,
      appraisal: 0,
      max: 300,
      assigned: 2,
      appraised: 0,
    });
    store.edit('1.1', { value: '1,75', reason: 'Có thêm văn bản' });
    store.edit('1.2', { yes: false, reason: 'Không có kế hoạch' });
    expect(store.summary()).toMatchObject({ appraisal: 175, appraised: 2 });
    store.dispose();
  });

  it('asks a question on the version the last save left', async () => {
    const { store, asked } = setUp();
    store.edit('1.2', { yes: true });
    expect(await store.askQuestion('1.2', 'Đề nghị bổ sung quyết định ban hành')).toBeNull();
    expect(asked.map((p) => [p.criterionCode, p.version, p.text])).toEqual([
      ['1.2', 1, 'Đề nghị bổ sung quyết định ban hành'],
    ]);
    expect(store.leaf('1.2').saved.version).toBe(2);
    expect(store.leaf('1.2').saved.question?.text).toBe('Đề nghị bổ sung quyết định ban hành');
    store.dispose();
  });

  it('in round 2 carries an unquestioned entry and measures a change against round 1', async () => {
    const round1 = {
      inputs: { value: 100 },
      score: 100,
      percent: null,
      reason: 'Thiếu báo cáo',
      by: author,
      at: '2026-12-07T02:00:00.000Z',
    };
    const carried = { ...entry('1.1', 150, { value: 150 }, 3), round1, round2Score: 100 };
    const { store, sent } = setUp(2, [carried]);
    expect(store.leaf('1.1').draft).toMatchObject({ value: '1', reason: '' });
    expect(store.leaf('1.1').needsReason).toBe(false);
    expect(store.summary()).toMatchObject({ appraisal: 100, appraised: 1 });
    // Back to the self-score 1,5: differs from round 1, so a reason is needed again.
    store.edit('1.1', { value: '1,5' });
    expect(store.leaf('1.1').needsReason).toBe(true);
    store.edit('1.1', { reason: 'Đơn vị đã bổ sung báo cáo' });
    await store.flush();
    expect(sent.map((p) => [p.round, p.version, p.inputs])).toEqual([[2, 3, { value: 150 }]]);
    store.dispose();
  });
});
