import type { Entry, SaveEntryParams, UnitCriterionNode } from '@par/contracts';
import { EntryStore } from './entry-store';
import type { SaveFailure } from './entry-store';

const leaf = (
  code: string,
  parentCode: string,
  rule: UnitCriterionNode['rule'],
  maxScore: number,
): UnitCriterionNode => ({
  code,
  parentCode,
  title: `Tiêu chí ${code}`,
  guidanceForUnits: '',
  maxScore,
  capped: false,
  rule,
  evidence: { min: 1, max: 2 },
  explanationRequired: true,
  appraiserUnitCode: null,
});
const area = (code: string, maxScore: number): UnitCriterionNode => ({
  ...leaf(code, code, null, maxScore),
  parentCode: null,
});

// Area 1 (max 3): 1.1 manual 0–2 step 0,25; 1.2 yes 1 / no 0; 1.3 deduction up to 1.
// Area 2 (max 4): 2.1 ratio, linear 50 % → 0, 100 % → 4.
const nodes = [
  area('1', 300),
  leaf('1.1', '1', { type: 'manual', min: 0, max: 200, step: 25 }, 200),
  leaf('1.2', '1', { type: 'boolean', yesScore: 100, noScore: 0 }, 100),
  leaf('1.3', '1', { type: 'deduction', step: 25, maxDeduction: 100 }, 0),
  area('2', 400),
  leaf(
    '2.1',
    '2',
    {
      type: 'ratio',
      numeratorLabel: 'Hồ sơ đúng hạn',
      denominatorLabel: 'Tổng hồ sơ',
      scale: { kind: 'linear', fromPercent: 5000, toPercent: 10000 },
    },
    400,
  ),
];

function setUp(entries: Entry[] = []) {
  const sent: SaveEntryParams[] = [];
  const store = new EntryStore({
    periodId: 'a'.repeat(24),
    nodes,
    entries,
    evidenceCounts: { '1.1': 1 },
    locale: () => 'vi',
    delayMs: 0,
    save: async (params) => {
      sent.push(params);
      return echo(params, Number(params.version) + 1);
    },
    classify: (error): SaveFailure => ({ kind: 'retry', message: String(error) }),
  });
  return { store, sent };
}

const echo = (params: SaveEntryParams, version: number): Entry => ({
  criterionCode: params.criterionCode,
  inputs: params.inputs ?? {},
  score: null,
  percent: null,
  explanation: params.explanation ?? '',
  missingEvidenceExplanation: params.missingEvidenceExplanation ?? '',
  version,
  updatedAt: '2026-12-07T01:00:00.000Z',
  updatedBy: { id: 'u-a', username: 'nhaplieu.a' },
});

describe('EntryStore', () => {
  it('computes totals and progress per area live from what is typed', () => {
    const { store } = setUp();
    store.edit('1.1', { value: '1,75' });
    store.edit('1.2', { yes: true });
    store.edit('1.3', { penalty: '0,5' });
    store.edit('2.1', { numerator: '3', denominator: '4' });
    const summary = store.summary();
    // Area 1: min(1.75 + 1, 3) − 0.5 = 2.25; area 2: 75 % is halfway from 50 % to 100 % → 2.
    expect(summary.scores.get('1')).toBe(225);
    expect(summary.scores.get('2')).toBe(200);
    expect(summary.total).toBe(425);
    expect(summary.totalMax).toBe(700);
    const area1 = summary.completeness.areas.find((a) => a.areaCode === '1')!;
    expect(area1).toMatchObject({ leaves: 3, scored: 3, explained: 0, withEvidence: 1, done: 0 });
    store.dispose();
  });

  // What each save sends and how the store answers 409s and other officers' saves are the
  // shared store's (packages/entry-ui, leaf-store.spec.ts); here only what this page sends.
  it('sends the whole entry, on the version it read, then on the version the server gave', async () => {
    const { store, sent } = setUp();
    store.edit('1.2', { yes: false });
    await store.flush();
    store.edit('1.2', { missingEvidenceExplanation: 'Chưa có\nkế hoạch' });
    await store.flush();
    expect(sent).toEqual([
      {
        periodId: 'a'.repeat(24),
        criterionCode: '1.2',
        version: 0,
        inputs: { yes: false },
        explanation: '',
        missingEvidenceExplanation: '',
      },
      {
        periodId: 'a'.repeat(24),
        criterionCode: '1.2',
        version: 1,
        inputs: { yes: false },
        explanation: '',
        missingEvidenceExplanation: 'Chưa có\nkế hoạch',
      },
    ]);
    store.dispose();
  });
});
