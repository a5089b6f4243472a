import type { UnitPeriod } from '@par/contracts';
import { groupOf, groupPeriods } from './period-groups';

const period = (
  name: string,
  year: number,
  currentPhase: UnitPeriod['currentPhase'],
): UnitPeriod => ({
  periodId: name,
  indexCode: 'PAR',
  year,
  name,
  currentPhase,
  phases: [],
  deadline: null,
  status: 'draft',
  leafCount: 10,
  completedCount: 0,
});

describe('the unit’s periods by group', () => {
  it('calls a period open while the unit writes in it, upcoming in set-up, else closed', () => {
    const table: Array<[UnitPeriod['currentPhase'], string]> = [
      ['setup', 'upcoming'],
      ['trial', 'open'],
      ['selfAssessment', 'open'],
      ['appraisalRound1', 'closed'],
      ['clarification', 'open'],
      ['appraisalRound2', 'closed'],
      ['consolidation', 'closed'],
      ['published', 'closed'],
    ];
    for (const [phase, group] of table)
      expect([phase, groupOf({ currentPhase: phase })]).toEqual([phase, group]);
  });

  it('lists the newest year first', () => {
    const groups = groupPeriods([
      period('CCHC 2025', 2025, 'published'),
      period('CCHC 2026', 2026, 'selfAssessment'),
      period('DTI 2026', 2026, 'published'),
    ]);
    expect(groups.open.map((p) => p.name)).toEqual(['CCHC 2026']);
    expect(groups.upcoming).toEqual([]);
    expect(groups.closed.map((p) => p.name)).toEqual(['DTI 2026', 'CCHC 2025']);
  });
});
