import { ScoringRule } from '@par/contracts';
import {
  readRuleDetails,
  readRuleType,
  readSheetHundredths,
  RuleTextError,
  writeRuleDetails,
} from './criteria-rule-text';

const rules = [
  { type: 'manual', min: 0, max: 250, step: 25 },
  {
    type: 'options',
    options: [
      { key: 'A', label: 'Đúng hạn, đủ nội dung', score: 100 },
      { key: 'B', label: 'Chậm = thiếu', score: 50 },
    ],
  },
  {
    type: 'ratio',
    numeratorLabel: 'Số hồ sơ đúng hạn',
    denominatorLabel: 'Tổng số hồ sơ',
    scale: {
      kind: 'bands',
      bands: [
        { minPercent: 10000, score: 300 },
        { minPercent: 9850, score: 250 },
      ],
    },
  },
  {
    type: 'ratio',
    numeratorLabel: 'a',
    denominatorLabel: 'b',
    scale: { kind: 'linear', fromPercent: 5000, toPercent: 10000 },
  },
  { type: 'boolean', yesScore: 150, noScore: 0 },
  { type: 'deduction', step: 50, maxDeduction: 200 },
  { type: 'survey', source: 'SIPAS' },
  { type: 'survey' },
  { type: 'linked', indexCode: 'PAR', criterionCode: '7.1.1' },
].map((rule) => ScoringRule.parse(rule));

describe('rule details', () => {
  it.each(rules.map((rule) => [rule.type, rule] as const))(
    'writes a %s rule as text that reads back to the same rule',
    (_type, rule) => {
      const text = writeRuleDetails(rule);
      expect(ScoringRule.parse(readRuleDetails(rule.type, text, 1000))).toEqual(rule);
    },
  );

  it('reads what a person types in Excel: Vietnamese keys, decimal commas, line breaks', () => {
    expect(readRuleDetails('manual', 'bước=0,5\ntối đa = 2,5', 300)).toEqual({
      type: 'manual',
      min: 0,
      max: 250,
      step: 50,
    });
    expect(
      readRuleDetails('ratio', 'tử số=Đúng hạn | mẫu số=Tổng | 95,5%=1,5 | 0%=0', 200),
    ).toMatchObject({
      scale: {
        kind: 'bands',
        bands: [
          { minPercent: 9550, score: 150 },
          { minPercent: 0, score: 0 },
        ],
      },
    });
    expect(readRuleDetails('linked', 'PAR:7.2.1', 100)).toEqual({
      type: 'linked',
      indexCode: 'PAR',
      criterionCode: '7.2.1',
    });
    expect(readRuleDetails('boolean', '', 150)).toEqual({
      type: 'boolean',
      yesScore: 150,
      noScore: 0,
    });
  });

  it('says which part of a details cell it cannot read', () => {
    const reason = (type: Parameters<typeof readRuleDetails>[0], text: string) => {
      try {
        readRuleDetails(type, text, 100);
      } catch (err) {
        return err instanceof RuleTextError ? [err.key, err.params] : err;
      }
      return 'read';
    };
    expect(reason('manual', 'bước=nửa')).toEqual([
      'criteriaImport.ruleReason.number',
      { key: 'step' },
    ]);
    expect(reason('manual', 'độ khó=3')).toEqual([
      'criteriaImport.ruleReason.unknownKey',
      { key: 'độ khó' },
    ]);
    expect(reason('options', 'A: Có = 1')).toEqual(['criteriaImport.ruleReason.options', {}]);
    expect(reason('ratio', 'numerator=a | denominator=b')).toEqual([
      'criteriaImport.ruleReason.scale',
      {},
    ]);
    expect(reason('deduction', 'step=1')).toEqual([
      'criteriaImport.ruleReason.missing',
      { key: 'max' },
    ]);
  });

  it('knows rule types by their English or Vietnamese names, and nothing else', () => {
    expect(readRuleType(' Tỷ lệ ')).toBe('ratio');
    expect(readRuleType('ĐIỂM TRỪ')).toBe('deduction');
    expect(readRuleType('formula')).toBeNull();
  });
});

describe('readSheetHundredths', () => {
  it('reads a point or a comma with at most two decimals, without floating point', () => {
    expect(readSheetHundredths('14,5')).toBe(1450);
    expect(readSheetHundredths('0.29')).toBe(29);
    expect(readSheetHundredths('1000')).toBe(100000);
    expect(readSheetHundredths('1.234')).toBeNull();
    expect(readSheetHundredths('-1')).toBeNull();
    expect(readSheetHundredths('mười')).toBeNull();
  });
});
