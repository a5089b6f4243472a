import { QuestionnaireDefinition } from '@par/contracts';
import { addResponse, criterionPercents, emptyTally, tallyResult } from './tally';

const definition = QuestionnaireDefinition.parse({
  title: 'Phiếu thử',
  sections: [
    {
      key: 'A',
      title: 'Thủ tục hành chính',
      aspect: 'procedure',
      questions: [
        { key: 'a1', type: 'scale', label: 'Hài lòng với thủ tục' },
        { key: 'a2', type: 'scale', label: 'Hài lòng với thời gian' },
      ],
    },
    {
      key: 'B',
      title: 'Công chức',
      aspect: 'civilServant',
      questions: [{ key: 'b1', type: 'scale', label: 'Hài lòng với công chức' }],
    },
    {
      key: 'C',
      title: 'Khác',
      questions: [
        {
          key: 'ch',
          type: 'singleChoice',
          label: 'Kênh',
          options: [
            { key: 'x', label: 'Trực tiếp' },
            { key: 'y', label: 'Trực tuyến' },
          ],
        },
        { key: 'n', type: 'number', label: 'Số lần đi lại' },
      ],
    },
  ],
});

function tallied() {
  const tally = emptyTally(definition);
  addResponse(tally, { a1: 5, a2: 4, b1: 2, ch: 'x', n: 1 }, 'online');
  addResponse(tally, { a1: 3, a2: 4, b1: 5, ch: 'y', n: 2 }, 'online');
  addResponse(tally, { a1: 4, b1: 4, ch: 'x' }, 'paper');
  return tally;
}

describe('the results of a tally', () => {
  // By hand: section A has 5 scale answers (5,3,4 and 4,4), 4 of them 4 or 5: 80.00 %;
  // section B has 3 (2,5,4), 2 satisfied: 66.666… → 66.67 %.
  it('gives each aspect section its satisfied share in hundredths of a percent', () => {
    const result = tallyResult(tallied(), definition, { satisfiedFrom: 4, aspectWeights: [] });
    expect(result.aspects.map((a) => [a.sectionKey, a.scaleAnswers, a.satisfied, a.share])).toEqual(
      [
        ['A', 5, 4, 8000],
        ['B', 3, 2, 6667],
      ],
    );
    expect([result.responses, result.online, result.paper]).toEqual([3, 2, 1]);
  });

  it('weighs the aspects equally by default: (80.00 + 66.67) ÷ 2 = 73.335 → 73.34 %', () => {
    expect(tallyResult(tallied(), definition, { satisfiedFrom: 4, aspectWeights: [] }).index).toBe(
      7334,
    );
  });

  it("weighs them by the admin's weights: (2 × 80.00 + 1 × 66.67) ÷ 3 = 75.5566… → 75.56 %", () => {
    const method = {
      satisfiedFrom: 4,
      aspectWeights: [
        { sectionKey: 'A', weight: 2 },
        { sectionKey: 'B', weight: 1 },
      ],
    };
    expect(tallyResult(tallied(), definition, method).index).toBe(7556);
  });

  it('counts only 5 as satisfied when the method says so: A 1 of 5, B 1 of 3', () => {
    const result = tallyResult(tallied(), definition, { satisfiedFrom: 5, aspectWeights: [] });
    // (20.00 + 33.33) ÷ 2 = 26.665 → 26.67 %.
    expect(result.aspects.map((a) => a.share)).toEqual([2000, 3333]);
    expect(result.index).toBe(2667);
  });

  it('counts each option, each level and the mean of a question', () => {
    const result = tallyResult(tallied(), definition, { satisfiedFrom: 4, aspectWeights: [] });
    const byKey = new Map(result.questions.map((q) => [q.key, q]));
    expect(byKey.get('a1')).toMatchObject({
      answered: 3,
      scale: { counts: [0, 0, 1, 1, 1], mean: 400, satisfied: { count: 2, share: 6667 } },
    });
    expect(byKey.get('a2')).toMatchObject({ answered: 2, scale: { mean: 400 } });
    expect(byKey.get('ch')!.options).toEqual([
      { key: 'x', label: 'Trực tiếp', count: 2, share: 6667 },
      { key: 'y', label: 'Trực tuyến', count: 1, share: 3333 },
    ]);
    expect(byKey.get('n')).toMatchObject({ answered: 2, number: { mean: 150, min: 1, max: 2 } });
  });

  it('has no index and no shares without any answer', () => {
    const result = tallyResult(emptyTally(definition), definition, {
      satisfiedFrom: 4,
      aspectWeights: [],
    });
    expect(result.index).toBeNull();
    expect(result.aspects.map((a) => a.share)).toEqual([null, null]);
  });

  it('gives each survey criterion the index or its section’s share', () => {
    const result = tallyResult(tallied(), definition, { satisfiedFrom: 4, aspectWeights: [] });
    expect(
      criterionPercents(
        [
          { criterionCode: '8.1', sectionKey: null },
          { criterionCode: '8.2', sectionKey: 'B' },
        ],
        result,
      ),
    ).toEqual([
      { criterionCode: '8.1', percent: 7334 },
      { criterionCode: '8.2', percent: 6667 },
    ]);
  });
});
