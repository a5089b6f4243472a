import { checkAnswers, keepShownAnswers, shownQuestionKeys } from './survey.answers';
import { QuestionnaireDefinition, type QuestionnaireDefinitionInput } from './survey.questionnaire';

/** A small SIPAS form: q2 only after «Có» to q1, q3 only after a scale answer of 1 or 2. */
const input: QuestionnaireDefinitionInput = {
  title: 'Phiếu khảo sát sự hài lòng',
  consentText: 'Tôi đồng ý cho phép sử dụng số điện thoại để liên hệ lại.',
  sections: [
    {
      key: 'tiepCan',
      title: 'Tiếp cận dịch vụ',
      aspect: 'access',
      questions: [
        {
          key: 'q1',
          type: 'singleChoice',
          label: 'Ông/bà có phải đi lại nhiều lần không?',
          required: true,
          options: [
            { key: 'co', label: 'Có' },
            { key: 'khong', label: 'Không' },
          ],
        },
        {
          key: 'q2',
          type: 'number',
          label: 'Bao nhiêu lần?',
          required: true,
          min: 2,
          max: 20,
          showIf: { question: 'q1', anyOf: ['co'] },
        },
        { key: 'hl', type: 'scale', label: 'Mức độ hài lòng', required: true },
        {
          key: 'q3',
          type: 'longText',
          label: 'Vì sao chưa hài lòng?',
          maxLength: 10,
          showIf: { question: 'hl', anyOf: [1, 2] },
        },
      ],
    },
    {
      key: 'khac',
      title: 'Thông tin khác',
      questions: [
        {
          key: 'kenh',
          type: 'multipleChoice',
          label: 'Ông/bà biết thủ tục qua kênh nào?',
          maxChoices: 2,
          options: [
            { key: 'web', label: 'Cổng dịch vụ công' },
            { key: 'tv', label: 'Truyền hình' },
            { key: 'nguoiQuen', label: 'Người quen' },
          ],
        },
        { key: 'sdt', type: 'shortText', label: 'Số điện thoại', personal: true },
      ],
    },
  ],
};
const definition = QuestionnaireDefinition.parse(input);

const issuesOf = (answers: unknown, consent = false) => {
  const outcome = checkAnswers(definition, answers, consent);
  return outcome.ok ? [] : outcome.issues.map((i) => [i.field, i.key]);
};

describe('checking answers against a questionnaire', () => {
  it('keeps a complete answer, texts trimmed and ticked options in the form’s order', () => {
    expect(
      checkAnswers(definition, {
        q1: 'co',
        q2: 3,
        hl: 2,
        q3: '  chậm  ',
        kenh: ['nguoiQuen', 'web'],
      }),
    ).toEqual({
      ok: true,
      answers: { q1: 'co', q2: 3, hl: 2, q3: 'chậm', kenh: ['web', 'nguoiQuen'] },
    });
  });

  it('asks for every required shown question, and not for hidden ones', () => {
    expect(issuesOf({})).toEqual([
      ['answers.q1', 'survey.answer.required'],
      ['answers.hl', 'survey.answer.required'],
    ]);
    expect(issuesOf({ q1: 'co', hl: 5 })).toEqual([['answers.q2', 'survey.answer.required']]);
    expect(issuesOf({ q1: 'khong', hl: 5 })).toEqual([]);
  });

  it('refuses an answer to a question its condition hides, and keepShownAnswers drops it', () => {
    const answers = { q1: 'khong', q2: 4, hl: 5, q3: 'x' };
    expect(issuesOf(answers)).toEqual([
      ['answers.q2', 'survey.answer.notShown'],
      ['answers.q3', 'survey.answer.notShown'],
    ]);
    expect(keepShownAnswers(definition, answers)).toEqual({ q1: 'khong', hl: 5 });
    expect([...shownQuestionKeys(definition, { q1: 'co', hl: 1 })]).toEqual([
      'q1',
      'q2',
      'hl',
      'q3',
      'kenh',
      'sdt',
    ]);
  });

  it('refuses values of the wrong type or out of range, naming each question', () => {
    expect(issuesOf({ q1: 'maybe', hl: 6, kenh: ['web', 'tv', 'nguoiQuen'], sdt: 12 })).toEqual([
      ['answers.q1', 'survey.answer.option'],
      ['answers.hl', 'survey.answer.scale'],
      ['answers.kenh', 'survey.answer.tooManyChoices'],
      ['answers.sdt', 'survey.answer.text'],
    ]);
    expect(issuesOf({ q1: 'co', q2: 1, hl: 3 })).toEqual([['answers.q2', 'survey.answer.min']]);
    expect(issuesOf({ q1: 'co', q2: 21, hl: 3 })).toEqual([['answers.q2', 'survey.answer.max']]);
    expect(issuesOf({ q1: 'co', q2: 2.5, hl: 3 })).toEqual([
      ['answers.q2', 'survey.answer.integer'],
    ]);
    expect(issuesOf({ q1: 'co', q2: '3', hl: 3 })).toEqual([
      ['answers.q2', 'survey.answer.number'],
    ]);
    expect(issuesOf({ q1: 'khong', hl: 3, kenh: ['radio'] })).toEqual([
      ['answers.kenh', 'survey.answer.option'],
    ]);
  });

  it('counts a text’s length in characters and refuses one over the limit', () => {
    // 10 characters with Vietnamese diacritics and an emoji are 10, not their UTF-16 length.
    expect(issuesOf({ q1: 'khong', hl: 1, q3: 'Chờ lâu 😞 ' })).toEqual([]);
    const outcome = checkAnswers(definition, { q1: 'khong', hl: 1, q3: 'Chờ rất lâu' });
    expect(outcome).toEqual({
      ok: false,
      issues: [
        {
          field: 'answers.q3',
          key: 'survey.answer.tooLong',
          params: { length: 11, max: 10 },
        },
      ],
    });
  });

  it('keeps HTML as the text typed, and refuses control characters', () => {
    const html = '<script>alert(1)</script>';
    const outcome = checkAnswers(definition, { q1: 'khong', hl: 5, sdt: html }, true);
    expect(outcome).toEqual({ ok: true, answers: { q1: 'khong', hl: 5, sdt: html } });
    expect(issuesOf({ q1: 'khong', hl: 1, q3: 'a\u0000b' })).toEqual([
      ['answers.q3', 'survey.answer.text'],
    ]);
  });

  it('refuses unknown questions, malformed answers and personal data without consent', () => {
    expect(issuesOf({ q1: 'khong', hl: 5, q99: 'x' })).toEqual([
      ['answers.q99', 'survey.answer.unknown'],
    ]);
    expect(issuesOf([1, 2])).toEqual([['answers', 'survey.answers.invalid']]);
    expect(issuesOf(null)).toEqual([['answers', 'survey.answers.invalid']]);
    expect(issuesOf({ q1: 'khong', hl: 5, sdt: '0912345678' })).toEqual([
      ['consent', 'survey.consent.required'],
    ]);
    expect(issuesOf({ q1: 'khong', hl: 5, sdt: '0912345678' }, true)).toEqual([]);
  });
});

describe('checking a questionnaire', () => {
  const problems = (change: (d: QuestionnaireDefinitionInput) => void) => {
    const copy = structuredClone(input);
    change(copy);
    const parsed = QuestionnaireDefinition.safeParse(copy);
    return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('accepts the SIPAS example', () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  it('refuses a condition on a later, unknown or text question, or on an answer it lacks', () => {
    expect(
      problems((d) => {
        d.sections[0]!.questions[1]!.showIf = { question: 'hl', anyOf: [1] };
      }),
    ).toEqual([['sections.0.questions.1.showIf.question', 'survey.showIf.question']]);
    expect(
      problems((d) => {
        d.sections[0]!.questions[3]!.showIf = { question: 'hl', anyOf: [6] };
      }),
    ).toEqual([['sections.0.questions.3.showIf.anyOf.0', 'survey.showIf.value']]);
    expect(
      problems((d) => {
        d.sections[1]!.questions[1]!.showIf = { question: 'q2', anyOf: ['x'] };
      }),
    ).toEqual([['sections.1.questions.1.showIf.question', 'survey.showIf.question']]);
  });

  it('refuses duplicate keys, a personal question without consent text, bad bounds', () => {
    expect(
      problems((d) => {
        d.sections[1]!.questions[0]!.key = 'q1';
        d.consentText = '';
        const q2 = d.sections[0]!.questions[1]! as { min?: number; max?: number };
        q2.min = 30;
      }),
    ).toEqual([
      ['sections.0.questions.1.max', 'survey.number.bounds'],
      ['sections.1.questions.0.key', 'survey.question.duplicateKey'],
      ['consentText', 'survey.consentText.required'],
    ]);
  });
});
