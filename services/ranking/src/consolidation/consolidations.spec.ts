import { withDecisions } from './consolidations';

const by = { id: 'u-admin', username: 'admin' };
const at = new Date('2026-12-01T03:00:00Z');

describe('withDecisions', () => {
  it("settles a blocker by its own decision, or every blocker of a unit by the unit's exclusion", () => {
    const blockers = [
      { unitCode: 'A', unitName: 'A', kind: 'notSubmitted' as const, criterionCodes: [] },
      { unitCode: 'A', unitName: 'A', kind: 'notAppraised' as const, criterionCodes: ['1.1'] },
      { unitCode: 'B', unitName: 'B', kind: 'notAppraised' as const, criterionCodes: ['2.1'] },
      { unitCode: 'B', unitName: 'B', kind: 'surveyMissing' as const, criterionCodes: ['2.3'] },
      { unitCode: 'C', unitName: 'C', kind: 'surveyMissing' as const, criterionCodes: ['2.3'] },
    ];
    const decisions = {
      _id: 'p',
      version: 3,
      items: [
        {
          unitCode: 'A',
          kind: 'notSubmitted' as const,
          decision: 'zero' as const,
          reason: 'r1',
          at,
          by,
        },
        {
          unitCode: 'B',
          kind: 'surveyMissing' as const,
          decision: 'exclude' as const,
          reason: 'r2',
          at,
          by,
        },
        // A decision on a blocker the draft no longer lists settles nothing.
        {
          unitCode: 'C',
          kind: 'notSubmitted' as const,
          decision: 'zero' as const,
          reason: 'r3',
          at,
          by,
        },
      ],
    };
    const settled = withDecisions(blockers, decisions).map((b) => [
      b.unitCode,
      b.kind,
      b.decision && [b.decision.decision, b.decision.reason, b.decision.at],
    ]);
    expect(settled).toEqual([
      ['A', 'notSubmitted', ['zero', 'r1', '2026-12-01T03:00:00.000Z']],
      ['A', 'notAppraised', null],
      ['B', 'notAppraised', ['exclude', 'r2', '2026-12-01T03:00:00.000Z']],
      ['B', 'surveyMissing', ['exclude', 'r2', '2026-12-01T03:00:00.000Z']],
      ['C', 'surveyMissing', null],
    ]);
  });
});
