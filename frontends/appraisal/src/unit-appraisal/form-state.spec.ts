import type { AppraisalEntry } from '@par/contracts';
import { entryToDraft, isAppraised, reasonRequired } from './form-state';

const value = (score: number) => ({
  inputs: { value: score },
  score,
  percent: null,
  reason: 'Lý do vòng 1',
  by: { id: 'u', username: 'thamdinh.a' },
  at: '2026-12-07T02:00:00.000Z',
});

const base: AppraisalEntry = {
  criterionCode: '1.1',
  self: {
    inputs: { value: 150 },
    score: 150,
    percent: null,
    explanation: '',
    missingEvidenceExplanation: '',
  },
  evidence: [],
  round1: null,
  round2: null,
  round2Score: null,
  question: null,
  version: 0,
};

const question = {
  text: 'Đề nghị bổ sung',
  askedBy: { id: 'u', username: 'thamdinh.a' },
  askedAt: '2026-12-07T02:00:00.000Z',
  answer: null,
};

describe('when a reason is required', () => {
  it('round 1: only when the score differs from the self-score', () => {
    expect(reasonRequired(150, base, 1)).toBe(false);
    expect(reasonRequired(125, base, 1)).toBe(true);
    expect(reasonRequired(0, base, 1)).toBe(true);
    expect(reasonRequired(null, base, 1)).toBe(false);
  });

  it('round 2: only when the score differs from the round-1 score', () => {
    const appraised = { ...base, round1: value(100) };
    expect(reasonRequired(100, appraised, 2)).toBe(false);
    expect(reasonRequired(150, appraised, 2)).toBe(true);
  });

  it('round 2 without a round-1 score: against the self-score', () => {
    expect(reasonRequired(150, base, 2)).toBe(false);
    expect(reasonRequired(100, base, 2)).toBe(true);
  });
});

describe('the round-2 fields', () => {
  it('start from round 1 for an entry not questioned, without its reason', () => {
    const entry = { ...base, round1: value(175), round2Score: 175 };
    expect(entryToDraft(entry, 2, 'vi')).toMatchObject({ value: '1,75', reason: '' });
    expect(isAppraised(entry, 2)).toBe(true);
  });

  it('start empty for a questioned entry, which is not appraised until settled', () => {
    const entry = { ...base, round1: value(175), question };
    expect(entryToDraft(entry, 2, 'vi')).toMatchObject({ value: '', reason: '' });
    expect(isAppraised(entry, 2)).toBe(false);
    expect(isAppraised(entry, 1)).toBe(true);
  });

  it('show the round-2 value and its reason once saved', () => {
    const entry = {
      ...base,
      round1: value(175),
      round2: { ...value(150), reason: 'Đã bổ sung' },
      question,
    };
    expect(entryToDraft(entry, 2, 'vi')).toMatchObject({ value: '1,5', reason: 'Đã bổ sung' });
  });
});
