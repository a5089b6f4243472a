import type { BlockerDecision, ConsolidationBlocker, ConsolidationRow } from '@par/contracts';
import {
  decisionsSinceDraft,
  formatChange,
  formatIndex,
  indexBars,
  pendingBlockers,
  unitGroupsOf,
} from './results-format';

const blocker = (unitCode: string, kind: ConsolidationBlocker['kind']): ConsolidationBlocker => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  kind,
  criterionCodes: [],
  decision: null,
});

const decision = (
  unitCode: string,
  kind: BlockerDecision['kind'],
  choice: BlockerDecision['decision'],
): BlockerDecision => ({
  unitCode,
  kind,
  decision: choice,
  reason: 'Đơn vị không nộp',
  at: '2026-12-01T01:00:00.000Z',
  by: { id: 'u1', username: 'admin' },
});

const row = (
  unitCode: string,
  unitGroup: string,
  rank: number | null,
  index: number | null,
): ConsolidationRow => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  unitGroup,
  rank,
  tied: false,
  decidedByTieBreak: false,
  total: 0,
  max: 0,
  index,
  band: null,
  areas: [],
  previous: null,
  change: null,
});

describe('the results page formats', () => {
  it('shows an index as a vi-VN percent with a decimal comma, and a dash without one', () => {
    expect(formatIndex(8333, 'vi')).toBe('83,33 %');
    expect(formatIndex(9050, 'vi')).toBe('90,5 %');
    expect(formatIndex(10000, 'vi')).toBe('100 %');
    expect(formatIndex(8333, 'en')).toBe('83.33%');
    expect(formatIndex(null, 'vi')).toBe('—');
  });

  it('signs the change against last year, in percentage points', () => {
    expect(formatChange(125, 'vi')).toBe('+1,25');
    expect(formatChange(-50, 'vi')).toBe('-0,5');
    expect(formatChange(0, 'vi')).toBe('0');
    expect(formatChange(null, 'vi')).toBe('—');
  });
});

describe('the blockers still waiting for a decision', () => {
  const blockers = [
    blocker('D', 'notSubmitted'),
    blocker('D', 'notAppraised'),
    blocker('E', 'notSubmitted'),
    blocker('E', 'surveyMissing'),
  ];

  it('lists every blocker while nothing is decided', () => {
    expect(pendingBlockers(blockers, [])).toEqual(blockers);
  });

  it('drops a blocker decided zero, and every blocker of an excluded unit', () => {
    const left = pendingBlockers(blockers, [
      decision('D', 'notSubmitted', 'zero'),
      decision('E', 'surveyMissing', 'exclude'),
    ]);
    expect(left.map((b) => `${b.unitCode}/${b.kind}`)).toEqual(['D/notAppraised']);
  });

  it('says when decisions were taken after the draft was made', () => {
    expect(decisionsSinceDraft(2, 3)).toBe(true);
    expect(decisionsSinceDraft(3, 3)).toBe(false);
    expect(decisionsSinceDraft(0, 0)).toBe(false);
  });
});

describe('the groups and the bars', () => {
  const rows = [
    row('A', 'G1', 1, 9000),
    row('B', 'G1', 2, 8000),
    row('C', 'G1', 2, 8000),
    row('Z', 'G1', null, null),
    row('D', 'G2', 1, 10000),
  ];

  it('lists the groups in the order the rows come', () => {
    expect(unitGroupsOf(rows)).toEqual(['G1', 'G2']);
  });

  it("draws one group's indexed units, a bar as long as its index", () => {
    expect(indexBars(rows, 'G1').map((b) => [b.unitCode, b.rank, b.width])).toEqual([
      ['A', 1, 90],
      ['B', 2, 80],
      ['C', 2, 80],
    ]);
    expect(indexBars(rows, 'G2').map((b) => b.width)).toEqual([100]);
    expect(indexBars(rows, 'G3')).toEqual([]);
  });
});
