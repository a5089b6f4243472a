import { QuestionnaireDefinition } from '@par/contracts';
import {
  asksPersonalData,
  checkForm,
  parseTypedNumber,
  toAnswers,
  visibleSections,
} from './form-state';

// A small questionnaire written for this test: q2 shows only after "yes" to q1.
const definition = QuestionnaireDefinition.parse({
  title: 'Khảo sát thử',
  consentText: 'Tôi đồng ý để cơ quan dùng số điện thoại của tôi để liên hệ.',
  sections: [
    {
      key: 's1',
      title: 'Tiếp cận dịch vụ',
      aspect: 'access',
      questions: [
        {
          key: 'q1',
          type: 'singleChoice',
          label: 'Ông/bà có phải đi lại nhiều lần không?',
          required: true,
          options: [
            { key: 'yes', label: 'Có' },
            { key: 'no', label: 'Không' },
          ],
        },
        {
          key: 'q2',
          type: 'number',
          label: 'Bao nhiêu lần?',
          required: true,
          showIf: { question: 'q1', anyOf: ['yes'] },
          min: 1,
          max: 20,
        },
        { key: 'q3', type: 'scale', label: 'Mức hài lòng', required: true },
        { key: 'phone', type: 'shortText', label: 'Số điện thoại', personal: true },
      ],
    },
  ],
});

describe('parseTypedNumber', () => {
  it('reads a Vietnamese decimal comma and leaves text it cannot read', () => {
    expect(parseTypedNumber(' 1,5 ')).toBe(1.5);
    expect(parseTypedNumber('12')).toBe(12);
    expect(parseTypedNumber('mười')).toBe('mười');
  });
});

describe('visibleSections and toAnswers', () => {
  it('show a conditional question only after the answer it depends on', () => {
    const keys = (values: Record<string, string | number>) =>
      visibleSections(definition, values).flatMap((s) => s.questions.map((q) => q.key));
    expect(keys({})).toEqual(['q1', 'q3', 'phone']);
    expect(keys({ q1: 'yes' })).toEqual(['q1', 'q2', 'q3', 'phone']);
    expect(keys({ q1: 'no' })).toEqual(['q1', 'q3', 'phone']);
  });

  it('drop the answer of a question hidden again, and turn typed numbers into numbers', () => {
    expect(toAnswers(definition, { q1: 'no', q2: '3', q3: 4 })).toEqual({ q1: 'no', q3: 4 });
    expect(toAnswers(definition, { q1: 'yes', q2: '3', q3: 4 })).toEqual({
      q1: 'yes',
      q2: 3,
      q3: 4,
    });
  });
});

describe('checkForm', () => {
  it('names each missing required question in Vietnamese', () => {
    const result = checkForm(definition, { q1: 'yes' }, false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['q2', 'q3']);
    expect(result.errors.q3).toBe('Hãy trả lời câu hỏi này.');
  });

  it('refuses a count outside the question’s bounds and asks consent for personal data', () => {
    const result = checkForm(
      definition,
      { q1: 'yes', q2: '25', q3: 5, phone: '0912345678' },
      false,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['consent', 'q2']);
  });

  it('gives the answers to send when all is well', () => {
    expect(checkForm(definition, { q1: 'yes', q2: '2', q3: 4 }, false)).toEqual({
      ok: true,
      answers: { q1: 'yes', q2: 2, q3: 4 },
    });
  });

  it('shows the consent box only once a personal question is visible', () => {
    expect(asksPersonalData(definition, {})).toBe(true);
  });
});
