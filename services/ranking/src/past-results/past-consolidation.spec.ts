import type { PeriodScope } from '../consolidation/consolidation-inputs';
import { pastTotals } from './past-consolidation';

// Area 1 (maximum 2, below its children's 3: capped): 1.1 manual of 2, 1.2 manual of 1, 1.3 a
// deduction of up to 1. Area 2 (2): 2.1 survey of 1, 2.2 linked of 1. Total maximum 4.
const scope: PeriodScope = {
  period: { id: 'P2025', name: 'Năm 2025', indexCode: 'PAR', year: 2025 },
  units: ['U', 'V', 'W'].map((code) => ({ code, name: code, unitGroup: 'S', submitted: true })),
  criteriaSets: [
    {
      unitGroup: 'S',
      id: 'set',
      version: 1,
      nodes: [
        { code: '1', parentCode: null, maxScore: 200, rule: null },
        {
          code: '1.1',
          parentCode: '1',
          maxScore: 200,
          rule: { type: 'manual', min: 0, max: 200, step: 25 },
        },
        {
          code: '1.2',
          parentCode: '1',
          maxScore: 100,
          rule: { type: 'manual', min: 0, max: 100, step: 25 },
        },
        {
          code: '1.3',
          parentCode: '1',
          maxScore: 0,
          rule: { type: 'deduction', maxDeduction: 100, step: 50 },
        },
        { code: '2', parentCode: null, maxScore: 200, rule: null },
        { code: '2.1', parentCode: '2', maxScore: 100, rule: { type: 'survey', source: 'SIPAS' } },
        {
          code: '2.2',
          parentCode: '2',
          maxScore: 100,
          rule: { type: 'linked', indexCode: 'DTI', criterionCode: '3.1' },
        },
      ] as PeriodScope['criteriaSets'][number]['nodes'],
    },
  ],
};

const line = (unitCode: string, criterionCode: string, appraisedScore: number) => ({
  unitCode,
  criterionCode,
  selfScore: null,
  appraisedScore,
});

describe('pastTotals', () => {
  it("consolidates the imported appraised scores with the kernel's caps, deductions and floors", () => {
    const totals = pastTotals(scope, {
      _id: 'import-1',
      results: [
        // U: area 1 = min(2 + 1, 2) − 0,5 = 1,5; area 2 = 0,75 + 0,5 = 1,25; total 2,75 of 4.
        line('U', '1.1', 200),
        line('U', '1.2', 100),
        line('U', '1.3', -50),
        line('U', '2.1', 75),
        line('U', '2.2', 50),
        // V: area 1 = 0,5 − 1 floors at 0; nothing else: 0 of 4.
        line('V', '1.1', 50),
        line('V', '1.3', -100),
      ],
    });
    // W has no imported result: no past total, so no change.
    expect(totals).toEqual([
      { unitCode: 'U', total: 275, max: 400 },
      { unitCode: 'V', total: 0, max: 400 },
    ]);
  });
});
