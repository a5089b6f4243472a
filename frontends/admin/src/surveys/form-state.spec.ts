import {
  addQuestion,
  addSection,
  campaignMessages,
  computedSampleSize,
  marginFromPercent,
  conditionCandidates,
  definitionMessages,
  emptyCampaignForm,
  emptyDefinition,
  formatProgress,
  formatShare,
  moveQuestion,
  nextKey,
  questionOfType,
  removeQuestion,
  serverMessages,
  starterDefinition,
  surveyLinksPath,
  toCampaignParams,
  updateQuestion,
  updateSection,
  type DraftDefinition,
} from './form-state';

/** A valid draft: one section, a choice question and a scale question shown after "b". */
function validDraft(): DraftDefinition {
  let d = emptyDefinition();
  d = { ...d, title: 'Khảo sát sự hài lòng' };
  d = addQuestion(d, 0, 'singleChoice');
  d = addQuestion(d, 0, 'scale');
  d = updateQuestion(d, 0, 0, (q) =>
    q.type === 'singleChoice'
      ? {
          ...q,
          label: 'Biết dịch vụ qua đâu?',
          options: [
            { key: 'a', label: 'Cổng dịch vụ công' },
            { key: 'b', label: 'Người quen' },
          ],
        }
      : q,
  );
  return updateQuestion(d, 0, 1, (q) => ({
    ...q,
    label: 'Mức độ hài lòng?',
    showIf: { question: 'q1', anyOf: ['b'] },
  }));
}

describe('questionnaire editor state', () => {
  it('gives new sections and questions the first unused key', () => {
    expect(nextKey('q', ['q1', 'q3'])).toBe('q2');
    let d = addQuestion(emptyDefinition(), 0, 'scale');
    d = addQuestion(d, 0, 'shortText');
    d = addSection(d);
    d = addQuestion(d, 1, 'number');
    expect(d.sections.map((s) => s.key)).toEqual(['s1', 's2']);
    expect(d.sections.flatMap((s) => s.questions.map((q) => q.key))).toEqual(['q1', 'q2', 'q3']);
  });

  it('starts a new questionnaire on the access aspect, titled as SIPAS names it', () => {
    const [section] = emptyDefinition().sections;
    expect(section).toMatchObject({ aspect: 'access', title: 'Tiếp cận dịch vụ' });
  });

  it('keeps key, label, required and condition when a question changes type, and gives a choice two options', () => {
    const text = questionOfType('shortText', {
      key: 'q7',
      label: 'Góp ý',
      required: true,
      showIf: { question: 'q1', anyOf: [5] },
    });
    const choice = questionOfType('multipleChoice', text);
    expect(choice).toEqual({
      key: 'q7',
      label: 'Góp ý',
      required: true,
      showIf: { question: 'q1', anyOf: [5] },
      type: 'multipleChoice',
      options: [
        { key: 'a', label: '' },
        { key: 'b', label: '' },
      ],
    });
  });

  it('moves a question within its section and ignores a move past either end', () => {
    let d = addQuestion(emptyDefinition(), 0, 'scale');
    d = addQuestion(d, 0, 'number');
    d = addQuestion(d, 0, 'longText');
    const order = (x: DraftDefinition) => x.sections[0]!.questions.map((q) => q.key);
    expect(order(moveQuestion(d, 0, 2, -1))).toEqual(['q1', 'q3', 'q2']);
    expect(order(moveQuestion(d, 0, 0, -1))).toEqual(['q1', 'q2', 'q3']);
    expect(order(moveQuestion(d, 0, 2, 1))).toEqual(['q1', 'q2', 'q3']);
    expect(order(removeQuestion(d, 0, 1))).toEqual(['q1', 'q3']);
  });

  it('offers as conditions only earlier choice and scale questions', () => {
    let d = addQuestion(emptyDefinition(), 0, 'singleChoice'); // q1
    d = addQuestion(d, 0, 'shortText'); // q2
    d = addSection(d);
    d = addQuestion(d, 1, 'scale'); // q3
    d = addQuestion(d, 1, 'number'); // q4
    expect(conditionCandidates(d, 1, 1).map((q) => q.key)).toEqual(['q1', 'q3']);
    expect(conditionCandidates(d, 0, 1).map((q) => q.key)).toEqual(['q1']);
    expect(conditionCandidates(d, 0, 0)).toEqual([]);
  });

  it('accepts a complete draft', () => {
    expect(definitionMessages(validDraft(), 'vi')).toEqual({});
  });

  it('names each faulty field with the contract’s Vietnamese message', () => {
    let d = updateSection(validDraft(), 0, { title: '' });
    d = { ...d, title: '' };
    d = updateQuestion(d, 0, 1, (q) => ({ ...q, key: 'q1' }));
    d = addSection(d);
    expect(definitionMessages(d, 'vi')).toEqual({
      title: 'Hãy nhập nội dung (câu hỏi, tiêu đề hoặc phương án).',
      'sections.0.title': 'Hãy nhập nội dung (câu hỏi, tiêu đề hoặc phương án).',
      'sections.1.title': 'Hãy nhập nội dung (câu hỏi, tiêu đề hoặc phương án).',
      'sections.1.questions': 'Mỗi phần cần ít nhất một câu hỏi.',
      'sections.0.questions.1.key':
        'Mã câu hỏi «q1» bị trùng. Mỗi câu hỏi cần một mã riêng trong cả phiếu.',
    });
  });

  it('explains a duplicate question key and a condition on a later question in English too', () => {
    let d = updateQuestion(validDraft(), 0, 1, (q) => ({ ...q, key: 'q1', showIf: undefined }));
    expect(definitionMessages(d, 'en')).toEqual({
      'sections.0.questions.1.key':
        'Question key "q1" is used twice. Each question needs its own key in the questionnaire.',
    });
    d = updateQuestion(validDraft(), 0, 0, (q) => ({
      ...q,
      showIf: { question: 'q2', anyOf: [5] },
    }));
    expect(definitionMessages(d, 'en')).toEqual({
      'sections.0.questions.0.showIf.question':
        'A display condition must depend on an earlier choice or 1–5 scale question ("q2" is not).',
    });
  });

  it('puts the server’s field errors back on the editor’s paths', () => {
    expect(
      serverMessages([
        { field: 'definition.sections.0.title', message: 'A' },
        { field: 'definition.sections.0.title', message: 'B' },
        { field: 'definition', message: 'C' },
      ]),
    ).toEqual({ 'sections.0.title': 'A', '': 'C' });
  });
});

describe('campaign form state', () => {
  const filled = {
    ...emptyCampaignForm(),
    name: 'Khảo sát quý I',
    periodId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    questionnaire: 'bbbbbbbbbbbbbbbbbbbbbbbb/2',
    unitCodes: ['SNV', 'STP'],
    sampleSize: '30',
    closesAt: '2026-03-31T17:00',
  };

  it('sends the version picked, every unit with the sample size, and the closing time in Vietnam time', () => {
    expect(toCampaignParams(filled)).toEqual({
      periodId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
      name: 'Khảo sát quý I',
      questionnaireId: 'bbbbbbbbbbbbbbbbbbbbbbbb',
      questionnaireVersion: 2,
      units: [
        { unitCode: 'SNV', sampleSize: 30 },
        { unitCode: 'STP', sampleSize: 30 },
      ],
      closesAt: '2026-03-31T17:00:00+07:00',
    });
    expect(toCampaignParams({ ...filled, sampleSize: '', closesAt: '' })).toMatchObject({
      units: [
        { unitCode: 'SNV', sampleSize: null },
        { unitCode: 'STP', sampleSize: null },
      ],
      closesAt: null,
    });
  });

  it('accepts a complete form and names each missing field', () => {
    expect(campaignMessages(filled, 'vi')).toEqual({});
    const messages = campaignMessages(emptyCampaignForm(), 'en');
    expect(Object.keys(messages).sort()).toEqual([
      'name',
      'periodId',
      'questionnaire',
      'unitCodes',
    ]);
    expect(campaignMessages({ ...filled, sampleSize: '-3' }, 'vi')).toEqual({
      sampleSize: expect.any(String),
    });
  });

  it('computes each unit’s sample size from its dossiers and the margin, n = N ÷ (1 + N·e²) rounded up', () => {
    // By hand: 1000 ÷ (1 + 1000·0.05²) = 1000 ÷ 3.5 = 285.7 → 286; 10000 ÷ 26 = 384.6 → 385;
    // at 2,5 %: 1000 ÷ (1 + 1000·0.000625) = 1000 ÷ 1.625 = 615.4 → 616.
    const form = { ...filled, populations: { SNV: '1000', STP: '10000' } };
    expect(computedSampleSize(form, 'SNV')).toBe(286);
    expect(computedSampleSize(form, 'STP')).toBe(385);
    expect(computedSampleSize({ ...form, marginPercent: '2,5' }, 'SNV')).toBe(616);
    expect(computedSampleSize(form, 'XYZ')).toBeNull();
    expect(computedSampleSize({ ...form, marginPercent: '30' }, 'SNV')).toBeNull();
    expect(marginFromPercent('2,5')).toBe(250);
  });

  it('sends a unit’s dossiers with the margin so the service computes n, and the typed n for the others', () => {
    const params = toCampaignParams({
      ...filled,
      marginPercent: '2,5',
      populations: { SNV: '1000', STP: ' ' },
    });
    expect(params.units).toEqual([
      { unitCode: 'SNV', population: 1000, sampleSize: null },
      { unitCode: 'STP', sampleSize: 30 },
    ]);
    expect(params.marginOfError).toBe(250);
    expect(
      campaignMessages({ ...filled, marginPercent: '25', populations: { SNV: '1000' } }, 'vi'),
    ).toEqual({ marginPercent: 'Sai số cho phép phải từ 1% đến 20%.' });
    expect(campaignMessages({ ...filled, populations: { SNV: '1,5' } }, 'vi')).toEqual({
      populations: 'Số hồ sơ phải là số nguyên từ 0 đến 10.000.000.',
    });
  });

  it('links to the public remote’s links and QR page for the campaign and unit', () => {
    expect(surveyLinksPath('abc', 'SNV')).toBe('/public?campaign=abc&unit=SNV');
    expect(surveyLinksPath('abc')).toBe('/public?campaign=abc');
  });
});

describe('results formats', () => {
  it('writes shares and counts the vi-VN way', () => {
    expect(formatShare(8750, 'vi')).toBe('87,5 %');
    expect(formatShare(null, 'vi')).toBe('—');
    expect(formatProgress(1234, 2000, 'vi')).toBe('1.234 / 2.000');
    expect(formatProgress(7, null, 'vi')).toBe('7');
  });
});

describe('a new questionnaire', () => {
  it('is valid as soon as it has a title, and names the missing title otherwise', () => {
    expect(definitionMessages(starterDefinition('Khảo sát SIPAS 2026'), 'vi')).toEqual({});
    expect(definitionMessages(starterDefinition('  '), 'vi')).toEqual({
      title: 'Hãy nhập nội dung (câu hỏi, tiêu đề hoặc phương án).',
    });
  });
});
