import type { ScoringRuleType } from '@par/contracts';
import {
  completeness,
  leafGapsOf,
  type CompletenessEntry,
  type CompletenessNode,
} from './completeness';

const node = (
  code: string,
  parentCode: string | null,
  type: ScoringRuleType,
  over: Partial<CompletenessNode> = {},
): CompletenessNode => ({
  code,
  parentCode,
  rule: { type },
  evidence: { min: 1 },
  explanationRequired: true,
  ...over,
});
const area = (code: string): CompletenessNode => ({
  code,
  parentCode: null,
  rule: null,
  evidence: { min: 1 },
  explanationRequired: true,
});

// Three areas; 1.3, 2.2.2 and 3.1 are filled by the survey module or another index.
const nodes: CompletenessNode[] = [
  area('1'),
  node('1.1', '1', 'manual'),
  node('1.2', '1', 'boolean', { evidence: { min: 2 } }),
  node('1.3', '1', 'survey'),
  area('2'),
  node('2.1', '2', 'options', { explanationRequired: false, evidence: { min: 0 } }),
  { ...area('2.2'), parentCode: '2' },
  node('2.2.1', '2.2', 'deduction'),
  node('2.2.2', '2.2', 'linked'),
  area('3'),
  node('3.1', '3', 'survey'),
];
const entry = (criterionCode: string, over: Partial<CompletenessEntry> = {}) => ({
  criterionCode,
  score: 100,
  explanation: 'Đã ban hành kế hoạch',
  evidenceCount: 1,
  ...over,
});

describe('completeness of a unit’s self-assessment', () => {
  it('lists each of the unit’s leaves with what it lacks, and counts per area and in all', () => {
    const result = completeness(nodes, [
      entry('1.1'),
      entry('1.2', {
        score: 0,
        explanation: '  ',
        missingEvidenceExplanation: 'Văn bản thứ hai chưa được ban hành',
      }),
      entry('1.3', { score: null }),
      entry('2.1', { score: null, explanation: '', evidenceCount: 0 }),
      entry('X.9'),
    ]);
    expect(result.leaves).toEqual([
      { code: '1.1', areaCode: '1', done: true, missing: [] },
      { code: '1.2', areaCode: '1', done: false, missing: ['explanation'] },
      { code: '2.1', areaCode: '2', done: false, missing: ['score'] },
      {
        code: '2.2.1',
        areaCode: '2',
        done: false,
        missing: ['score', 'explanation', 'evidence'],
      },
    ]);
    expect(result.areas).toEqual([
      { areaCode: '1', leaves: 2, done: 1, scored: 2, explained: 1, withEvidence: 2 },
      { areaCode: '2', leaves: 2, done: 0, scored: 0, explained: 1, withEvidence: 1 },
      { areaCode: '3', leaves: 0, done: 0, scored: 0, explained: 0, withEvidence: 0 },
    ]);
    expect(result.total).toEqual({
      leaves: 4,
      done: 1,
      scored: 2,
      explained: 2,
      withEvidence: 3,
    });
  });

  it('is complete when every leaf of the unit is done, whatever the survey and linked leaves hold', () => {
    const result = completeness(nodes, [
      entry('1.1'),
      entry('1.2', { evidenceCount: 2 }),
      entry('2.1', { score: 0, explanation: '', evidenceCount: 0 }),
      entry('2.2.1', { score: 0, explanation: 'Không vi phạm' }),
    ]);
    expect(result.total).toEqual({ leaves: 4, done: 4, scored: 4, explained: 4, withEvidence: 4 });
  });

  it('counts a set with no entries as nothing done', () => {
    expect(completeness(nodes, []).total).toEqual({
      leaves: 4,
      done: 0,
      scored: 0,
      explained: 1,
      withEvidence: 1,
    });
  });
});

describe('what one leaf lacks', () => {
  const leaf = node('1.2', '1', 'manual', { evidence: { min: 2 } });
  it.each<[string, Partial<CompletenessEntry> | null, string[]]>([
    ['nothing entered', null, ['score', 'explanation', 'evidence']],
    ['everything', { evidenceCount: 2 }, []],
    ['a zero score is a score', { score: 0, evidenceCount: 2 }, []],
    ['no score', { score: null, evidenceCount: 2 }, ['score']],
    ['a blank explanation', { explanation: ' \n', evidenceCount: 2 }, ['explanation']],
    ['one file of two', { evidenceCount: 1 }, ['evidence']],
    [
      'one file of two, the other explained',
      { evidenceCount: 1, missingEvidenceExplanation: 'Chưa ban hành' },
      [],
    ],
    [
      'a blank reason for the missing file',
      { evidenceCount: 1, missingEvidenceExplanation: '  ' },
      ['evidence'],
    ],
    ['more files than needed', { evidenceCount: 3 }, []],
  ])('%s', (_, over, missing) => {
    expect(leafGapsOf(leaf, over ? entry('1.2', over) : undefined)).toEqual(missing);
  });

  it('needs neither explanation nor file where the set asks for none', () => {
    const bare = node('2.1', '2', 'options', { explanationRequired: false, evidence: { min: 0 } });
    expect(leafGapsOf(bare, entry('2.1', { explanation: '', evidenceCount: 0 }))).toEqual([]);
    expect(leafGapsOf(bare, undefined)).toEqual(['score']);
  });
});
