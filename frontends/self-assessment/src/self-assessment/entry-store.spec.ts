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

class Conflict extends Error {
  constructor(readonly current: Entry) {
    super('409');
  }
}

function setUp(entries: Entry[] = []) {
  const sent: SaveEntryParams[] = [];
  const answers: Array<(params: SaveEntryParams) => Entry> = [];
  const store = new EntryStore({
    periodId: 'a'.repeat(24),
    nodes,
    entries,
    evidenceCounts: { '1.1': 1 },
    locale: () => 'vi',
    delayMs: 0,
    save: async (params) => {
      sent.push(params);
      const answer = answers.shift();
      if (answer) return answer(params);
      return echo(params, Number(params.version) + 1);
    },
    classify: (error): SaveFailure =>
      error instanceof Conflict
        ? { kind: 'conflict', current: error.current }
        : { kind: 'retry', message: String(error) },
  });
  return { store, sent, answers };
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

  it('does not send a value the rule refuses, and marks it', async () => {
    const { store, sent } = setUp();
    store.edit('1.1', { value: '1,1' });
    await store.flush();
    expect(sent).toHaveLength(0);
    expect(store.leaf('1.1').invalid).toEqual({ field: 'value', reason: 'offStep' });
    expect(store.leaf('1.1').status).toBe('stopped');
    store.edit('1.1', { value: 'abc' });
    expect(store.leaf('1.1').invalid).toEqual({ field: 'value', reason: 'notHundredths' });
    store.edit('1.1', { value: '1,25' });
    await store.flush();
    expect(sent.map((p) => p.inputs)).toEqual([{ value: 125 }]);
    expect(store.leaf('1.1').status).toBe('saved');
    store.dispose();
  });

  it('sends the version it read, then the version the server gave', async () => {
    const { store, sent } = setUp();
    store.edit('1.2', { yes: false });
    await store.flush();
    store.edit('1.2', { explanation: 'Chưa có\nkế hoạch' });
    await store.flush();
    expect(sent.map((p) => [p.version, p.explanation])).toEqual([
      [0, ''],
      [1, 'Chưa có\nkế hoạch'],
    ]);
    store.dispose();
  });

  it('shows both values on a 409, and keeping mine resaves on the current version', async () => {
    const { store, sent, answers } = setUp();
    const theirs = {
      ...echo(
        {
          periodId: '',
          criterionCode: '1.1',
          version: 0,
          inputs: { value: 200 },
          explanation: 'Của B',
        },
        7,
      ),
    };
    answers.push(() => {
      throw new Conflict(theirs);
    });
    store.edit('1.1', { value: '0,5', explanation: 'Của A' });
    await store.flush();
    expect(store.leaf('1.1').conflict).toEqual(theirs);
    expect(store.leaf('1.1').status).toBe('stopped');
    expect(store.hasUnsaved()).toBe(true);
    store.resolve('1.1', 'mine');
    await store.flush();
    expect(sent.map((p) => [p.version, p.inputs, p.explanation])).toEqual([
      [0, { value: 50 }, 'Của A'],
      [7, { value: 50 }, 'Của A'],
    ]);
    expect(store.leaf('1.1').conflict).toBeNull();
    expect(store.leaf('1.1').saved?.version).toBe(8);
    expect(store.hasUnsaved()).toBe(false);
    store.dispose();
  });

  it('saves again, without asking, when the 409 brings what the page had on a later version', async () => {
    const read = echo(
      { periodId: '', criterionCode: '1.2', version: 0, inputs: { yes: true }, explanation: 'Đủ' },
      3,
    );
    const { store, sent, answers } = setUp([read]);
    // The submission froze the entries (version 3 → 4, content unchanged), then was refused.
    answers.push(() => {
      throw new Conflict({ ...read, version: 4 });
    });
    store.edit('1.2', { explanation: 'Đủ 4 báo cáo quý' });
    await store.flush();
    expect(store.leaf('1.2').conflict).toBeNull();
    expect(store.leaf('1.2').status).toBe('retrying');
    await store.flush();
    expect(sent.map((p) => [p.version, p.explanation])).toEqual([
      [3, 'Đủ 4 báo cáo quý'],
      [4, 'Đủ 4 báo cáo quý'],
    ]);
    expect(store.leaf('1.2').saved?.version).toBe(5);
    expect(store.hasUnsaved()).toBe(false);
    store.dispose();
  });

  it("taking the other officer's value fills the fields and saves nothing", async () => {
    const { store, sent, answers } = setUp();
    const theirs = echo(
      {
        periodId: '',
        criterionCode: '1.1',
        version: 0,
        inputs: { value: 200 },
        explanation: 'Của B',
      },
      7,
    );
    answers.push(() => {
      throw new Conflict(theirs);
    });
    store.edit('1.1', { value: '0,5' });
    await store.flush();
    store.resolve('1.1', 'theirs');
    await store.flush();
    expect(sent).toHaveLength(1);
    expect(store.leaf('1.1').draft).toMatchObject({ value: '2', explanation: 'Của B' });
    expect(store.summary().scores.get('1.1')).toBe(200);
    store.dispose();
  });

  it("shows other officers' saves, but never over an entry being edited", () => {
    const { store } = setUp();
    const theirs = echo(
      { periodId: '', criterionCode: '1.2', version: 0, inputs: { yes: true }, explanation: 'B' },
      1,
    );
    store.applyRemote([theirs]);
    expect(store.leaf('1.2').draft).toMatchObject({ yes: true, explanation: 'B' });
    expect(store.summary().scores.get('1')).toBe(100);

    store.focus('1.1');
    const other = echo(
      { periodId: '', criterionCode: '1.1', version: 0, inputs: { value: 100 }, explanation: 'B' },
      1,
    );
    store.applyRemote([other]);
    expect(store.leaf('1.1').draft.value).toBe('');
    expect(store.leaf('1.1').conflict).toEqual(other);
    store.dispose();
  });

  it('re-renders only the leaf that changed', () => {
    const { store } = setUp();
    const calls: string[] = [];
    store.subscribeLeaf('1.1', () => calls.push('1.1'));
    store.subscribeLeaf('1.2', () => calls.push('1.2'));
    store.edit('1.1', { explanation: 'a' });
    expect(calls.every((c) => c === '1.1')).toBe(true);
    store.dispose();
  });
});
