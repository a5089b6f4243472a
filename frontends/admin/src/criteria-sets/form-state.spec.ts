import type { CriterionNode } from '@par/contracts';
import { formFieldOf, nodeFormResolver, toCriterionNode, toNodeForm } from './form-state';
import type { NodeFormValues } from './form-state';

type Node = Omit<CriterionNode, 'parentCode'>;

const leaf = (rule: CriterionNode['rule'], maxScore = 1450): Node => ({
  code: '3.2.1',
  title: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  guidanceForUnits: 'Đính kèm báo cáo.',
  guidanceForAppraisers: '',
  maxScore,
  capped: false,
  rule,
  evidence: { min: 1, max: 2 },
  explanationRequired: true,
  appraiserUnitCode: 'STP',
});

const resolve = (values: NodeFormValues, isLeaf = true) =>
  nodeFormResolver(
    () => isLeaf,
    () => 'vi',
    (key, params) => `${key}${params ? ` ${JSON.stringify(params)}` : ''}`,
  )(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('criterion node form-state', () => {
  const rules: Array<NonNullable<CriterionNode['rule']>> = [
    { type: 'manual', min: 0, max: 1450, step: 25 },
    {
      type: 'options',
      options: [
        { key: 'A', label: 'Đầy đủ', score: 1450 },
        { key: 'B', label: 'Một phần', score: 725 },
        { key: 'C', label: 'Không', score: 0 },
      ],
    },
    {
      type: 'ratio',
      numeratorLabel: 'Số hồ sơ đúng hạn',
      denominatorLabel: 'Tổng số hồ sơ',
      scale: {
        kind: 'bands',
        bands: [
          { minPercent: 9550, score: 1450 },
          { minPercent: 8000, score: 700 },
        ],
      },
    },
    {
      type: 'ratio',
      numeratorLabel: 'Số',
      denominatorLabel: 'Tổng',
      scale: { kind: 'linear', fromPercent: 5000, toPercent: 10000 },
    },
    { type: 'boolean', yesScore: 1450, noScore: 0 },
    { type: 'deduction', step: 25, maxDeduction: 100 },
    { type: 'survey', source: 'SIPAS' },
    { type: 'linked', indexCode: 'PAR', criterionCode: '6.1' },
  ];

  it.each(rules.map((rule) => [rule.type, rule] as const))(
    'round-trips a %s rule through the form exactly',
    (_type, rule) => {
      const node = leaf(rule, rule.type === 'deduction' ? 0 : 1450);
      expect(toCriterionNode(toNodeForm(node), true)).toEqual({ node, unparsed: [] });
    },
  );

  it('shows hundredths with a decimal comma and stores what is typed as hundredths', () => {
    const form = toNodeForm(leaf({ type: 'manual', min: 0, max: 1450, step: 25 }));
    expect(form.maxScore).toBe('14,5');
    expect(form.manual.step).toBe('0,25');
    const { node } = toCriterionNode(
      { ...form, maxScore: '7,25', manual: { min: '0', max: '7.25', step: '0,05' } },
      true,
    );
    expect(node.maxScore).toBe(725);
    expect(node.rule).toEqual({ type: 'manual', min: 0, max: 725, step: 5 });
  });

  it('gives a parent no rule and a leaf no cap, whatever the hidden controls hold', () => {
    const form = {
      ...toNodeForm(leaf({ type: 'boolean', yesScore: 1450, noScore: 0 })),
      capped: true,
    };
    expect(toCriterionNode(form, false).node.rule).toBeNull();
    expect(toCriterionNode(form, false).node.capped).toBe(true);
    expect(toCriterionNode(form, true).node.capped).toBe(false);
  });

  it('cleans stray spaces and line breaks out of a pasted title', () => {
    const form = { ...toNodeForm(leaf(null)), title: '  Công khai\n  thủ tục   hành chính ' };
    expect(toCriterionNode(form, false).node.title).toBe('Công khai thủ tục hành chính');
  });

  it('accepts a valid leaf', async () => {
    const values = toNodeForm(leaf(rules[1]!));
    expect(await resolve(values)).toEqual({ values, errors: {} });
  });

  it('says which score is not a number, in Vietnamese', async () => {
    const values = { ...toNodeForm(leaf(rules[0]!)), maxScore: '14,555' };
    const { errors } = await resolve(values);
    expect(errors.maxScore?.message).toMatch(/tối đa hai chữ số thập phân/);
  });

  it('puts an option scored above the maximum under that option', async () => {
    const values = toNodeForm(leaf(rules[1]!));
    values.options[1]!.score = '15';
    const { errors } = await resolve(values);
    // The kernel's check, as the server makes it on save.
    expect(errors.options?.[1]?.score?.message).toBe(
      'Điểm 15 vượt điểm tối đa 14,5 của tiêu chí. Hãy giảm điểm hoặc tăng điểm tối đa.',
    );
    expect(errors.options?.[0]).toBeUndefined();
  });

  it('requires a rule on a leaf but not on a parent', async () => {
    const values = toNodeForm(leaf(null));
    expect((await resolve(values, true)).errors.ruleType?.message).toMatch(
      /^Tiêu chí «3.2.1» không có tiêu chí con nên cần có cách chấm điểm/,
    );
    expect((await resolve(values, false)).errors).toEqual({});
  });

  it('refuses a code the contract refuses, and an empty title as required', async () => {
    const values = { ...toNodeForm(leaf(rules[0]!)), code: '3..2', title: '  ' };
    const { errors } = await resolve(values);
    expect(errors.code?.message).toMatch(/^Mã tiêu chí gồm các phần/);
    expect(errors.title?.message).toBe('Trường này là bắt buộc.');
  });

  it('says a band percentage is required, and only that, while two are empty', async () => {
    const values = toNodeForm(leaf(rules[2]!));
    values.ratio.bands = values.ratio.bands.map((band) => ({ ...band, minPercent: '' }));
    const { errors } = await resolve(values);
    expect(errors.ratio?.bands?.[1]?.minPercent?.message).toBe('Trường này là bắt buộc.');
  });

  it('refuses fewer evidence files allowed than required', async () => {
    const values = { ...toNodeForm(leaf(rules[0]!)), evidenceMin: '3', evidenceMax: '2' };
    expect((await resolve(values)).errors.evidenceMax?.message).toBe(
      'Số tài liệu kiểm chứng tối thiểu (3) không được lớn hơn tối đa (2).',
    );
  });

  it('maps contract issue paths onto the form fields', () => {
    expect(formFieldOf(['rule', 'options', 0, 'score'], 'options')).toBe('options.0.score');
    expect(formFieldOf(['rule', 'scale', 'bands', 1, 'minPercent'], 'ratio')).toBe(
      'ratio.bands.1.minPercent',
    );
    expect(formFieldOf(['rule', 'scale', 'toPercent'], 'ratio')).toBe('ratio.toPercent');
    expect(formFieldOf(['rule', 'scale'], 'ratio')).toBe('ratio.toPercent');
    expect(formFieldOf(['evidence'], null)).toBe('evidenceMax');
    expect(formFieldOf(['rule', 'type'], 'manual')).toBe('ruleType');
    expect(formFieldOf(['evidence', 'max'], null)).toBe('evidenceMax');
    expect(formFieldOf(['maxScore'], null)).toBe('maxScore');
  });
});
