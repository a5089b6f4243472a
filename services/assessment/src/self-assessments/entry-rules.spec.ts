import { CriterionNode, type CriterionNodeInput } from '@par/contracts';
import { PortalError } from '@par/service-kit';
import { checkEntry, setLeaves } from './entry-rules';

const node = (input: CriterionNodeInput) => CriterionNode.parse(input);
const manual = node({
  code: '1.1',
  parentCode: '1',
  title: 'Kế hoạch',
  maxScore: 200,
  rule: { type: 'manual', min: 50, max: 200, step: 25 },
});
const ratio = node({
  code: '2.1',
  parentCode: '2',
  title: 'Tỷ lệ',
  maxScore: 100,
  rule: {
    type: 'ratio',
    numeratorLabel: 'Đúng hạn',
    denominatorLabel: 'Tổng',
    scale: { kind: 'linear', fromPercent: 5000, toPercent: 10000 },
  },
});
const survey = node({
  code: '2.2',
  parentCode: '2',
  title: 'Hài lòng',
  maxScore: 100,
  rule: { type: 'survey', source: 'SIPAS' },
});

/** The refusal's field and text, or the checked entry. */
function outcome(leaf: CriterionNode, inputs: Record<string, unknown>) {
  try {
    return checkEntry(leaf, inputs, 'vi');
  } catch (err) {
    const error = err as PortalError;
    const data = error.data as { fields: Array<{ field: string; message?: string }> };
    return { field: data.fields[0]!.field, message: data.fields[0]!.message ?? error.message };
  }
}

describe('setLeaves', () => {
  it('finds the leaves and the area of each, at any depth', () => {
    const nodes = [
      node({ code: 'A', title: 'Lĩnh vực A', maxScore: 300 }),
      node({ code: 'A.1', parentCode: 'A', title: 'Tiêu chí', maxScore: 300 }),
      node({ ...manual, code: 'A.1.1', parentCode: 'A.1' }),
      node({ ...manual, code: 'B', parentCode: null }),
    ];
    const { leaves, areaCodes } = setLeaves(nodes);
    expect([...leaves].map(([code, leaf]) => [code, leaf.areaCode])).toEqual([
      ['A.1.1', 'A'],
      ['B', 'B'],
    ]);
    expect(areaCodes).toEqual(['A', 'B']);
  });
});

describe('checkEntry', () => {
  it('scores what the rule reads, and keeps only those inputs', () => {
    expect(outcome(manual, { value: 175, optionKey: null })).toEqual({
      inputs: { value: 175 },
      score: 175,
      percent: null,
    });
    // 3 of 4 is 75 %: half way up the 50–100 % scale, so half of 1 point.
    expect(outcome(ratio, { numerator: 3, denominator: 4 })).toEqual({
      inputs: { numerator: 3, denominator: 4 },
      score: 50,
      percent: 7500,
    });
  });

  it('saves with no score while an input is still empty', () => {
    expect(outcome(manual, {})).toEqual({ inputs: {}, score: null, percent: null });
    expect(outcome(ratio, { numerator: 3 })).toEqual({
      inputs: { numerator: 3 },
      score: null,
      percent: null,
    });
  });

  it('refuses off-step and out-of-range scores, saying what to type', () => {
    expect(outcome(manual, { value: 60 })).toEqual({
      field: 'inputs.value',
      message:
        'Điểm của tiêu chí 1.1 không hợp lệ: hãy nhập một số từ 0,5 đến 2, theo bước 0,25 (ví dụ 0,5, 0,75, …).',
    });
    expect(outcome(manual, { value: 25 })).toEqual({
      field: 'inputs.value',
      message: 'Điểm của tiêu chí 1.1 không hợp lệ: hãy nhập một số từ 0,5 đến 2.',
    });
    expect(outcome(ratio, { numerator: 1, denominator: 0 })).toMatchObject({
      field: 'inputs.denominator',
    });
  });

  it('refuses inputs the rule does not read, and any score of a survey leaf', () => {
    expect(outcome(manual, { yes: true })).toMatchObject({ field: 'inputs.yes' });
    expect(outcome(survey, { value: 80 })).toEqual({
      field: 'inputs.value',
      message:
        'Điểm của tiêu chí 2.2 được lấy từ SIPAS, đơn vị không tự chấm; chỉ nhập giải trình.',
    });
    expect(outcome(survey, {})).toEqual({ inputs: {}, score: null, percent: null });
  });
});
