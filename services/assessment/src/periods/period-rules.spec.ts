import { CreatePeriodParams, type CriteriaSetSummary } from '@par/contracts';
import {
  checkCriteriaSets,
  checkExtension,
  checkPhases,
  chooseUnits,
  duePhase,
  formatVietnamTime,
  phasesAfterManualAdvance,
  shareOf,
  startBlockers,
  unitProgress,
  type PhaseTimesValue,
} from './period-rules';

/** A full year's phases, back to back, in UTC as the contract's parser returns them. */
const phases = (): PhaseTimesValue[] => [
  { phase: 'setup', startsAt: '2026-01-01T01:00:00.000Z', endsAt: '2026-02-01T01:00:00.000Z' },
  {
    phase: 'selfAssessment',
    startsAt: '2026-02-01T01:00:00.000Z',
    endsAt: '2026-03-01T10:00:00.000Z',
  },
  {
    phase: 'appraisalRound1',
    startsAt: '2026-03-02T01:00:00.000Z',
    endsAt: '2026-03-20T10:00:00.000Z',
  },
  {
    phase: 'clarification',
    startsAt: '2026-03-21T01:00:00.000Z',
    endsAt: '2026-03-31T10:00:00.000Z',
  },
  {
    phase: 'appraisalRound2',
    startsAt: '2026-04-01T01:00:00.000Z',
    endsAt: '2026-04-20T10:00:00.000Z',
  },
  {
    phase: 'consolidation',
    startsAt: '2026-04-21T01:00:00.000Z',
    endsAt: '2026-04-30T10:00:00.000Z',
  },
  { phase: 'published', startsAt: '2026-05-01T01:00:00.000Z', endsAt: null },
];

describe('phase times', () => {
  it('reads a wall-clock time without offset as Vietnam time and stores it in UTC', () => {
    const parsed = CreatePeriodParams.shape.phases.element.parse({
      phase: 'setup',
      startsAt: '2026-03-01T08:00',
      endsAt: '2026-03-01T17:30:00+07:00',
    });
    expect(parsed.startsAt).toBe('2026-03-01T01:00:00.000Z');
    expect(parsed.endsAt).toBe('2026-03-01T10:30:00.000Z');
    expect(formatVietnamTime(parsed.startsAt)).toBe('01/03/2026 08:00');
  });

  it('accepts phases in order, back to back, with an open-ended publication', () => {
    expect(checkPhases(phases())).toEqual([]);
  });

  it('accepts a trial between set-up and self-assessment, listed in any order', () => {
    const list = phases();
    list[0]!.endsAt = '2026-01-15T01:00:00.000Z';
    list.push({
      phase: 'trial',
      startsAt: '2026-01-15T01:00:00.000Z',
      endsAt: '2026-01-25T01:00:00.000Z',
    });
    expect(checkPhases(list.reverse())).toEqual([]);
  });

  it('refuses a phase that ends before it starts, naming its end field in Vietnamese', () => {
    const list = phases();
    list[2]!.endsAt = '2026-03-01T01:00:00.000Z';
    const issues = checkPhases(list);
    expect(issues[0]).toMatchObject({
      field: 'phases.2.endsAt',
      key: 'period.phase.endBeforeStart',
      params: { phase: 'Thẩm định vòng 1', start: '02/03/2026 08:00' },
    });
  });

  it('refuses a phase that starts before the previous one ends', () => {
    const list = phases();
    list[3]!.startsAt = '2026-03-15T01:00:00.000Z';
    expect(checkPhases(list)).toEqual([
      expect.objectContaining({
        field: 'phases.3.startsAt',
        key: 'period.phase.overlap',
        params: expect.objectContaining({ phase: 'Giải trình', previous: 'Thẩm định vòng 1' }),
      }),
    ]);
  });

  it('refuses a missing or repeated phase and a missing end', () => {
    const list = phases().filter((p) => p.phase !== 'clarification');
    list.push({ ...list[0]! });
    list[1]!.endsAt = null;
    const keys = checkPhases(list).map((i) => `${i.field} ${i.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'phases period.phase.missing',
        'phases.6.phase period.phase.duplicate',
        'phases.1.endsAt period.phase.endRequired',
      ]),
    );
  });
});

const summary = (over: Partial<CriteriaSetSummary>): CriteriaSetSummary => ({
  id: 's1',
  indexCode: 'PAR',
  year: 2026,
  unitGroup: 'SO',
  name: 'Bộ sở 2026',
  version: 1,
  edition: 1,
  status: 'draft',
  valid: true,
  totalMax: 10_000,
  leafCount: 10,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('criteria sets of a period', () => {
  const period = { indexCode: 'PAR', year: 2026 };
  const units = [
    { code: 'SNV', unitGroup: 'SO' },
    { code: 'XA1', unitGroup: 'XA' },
  ];

  it('accepts a valid set of the period’s index and year for every participating group', () => {
    const choices = [
      { unitGroup: 'SO', criteriaSetId: 's1' },
      { unitGroup: 'XA', criteriaSetId: 's2' },
    ];
    const sets = [summary({}), summary({ id: 's2', unitGroup: 'XA' })];
    expect(checkCriteriaSets(period, choices, sets, units)).toEqual([]);
  });

  it('names a chosen group left without a set, with one of its units', () => {
    const issues = checkCriteriaSets(
      period,
      [
        { unitGroup: 'SO', criteriaSetId: 's1' },
        { unitGroup: 'XA', criteriaSetId: null },
      ],
      [summary({})],
      units,
    );
    expect(issues).toEqual([
      {
        field: 'criteriaSets.1.criteriaSetId',
        key: 'period.criteriaSet.missingForGroup',
        params: { group: 'XA', unit: 'XA1' },
      },
    ]);
  });

  it('names a participating group that has no set', () => {
    const issues = checkCriteriaSets(
      period,
      [{ unitGroup: 'SO', criteriaSetId: 's1' }],
      [summary({})],
      units,
    );
    expect(issues).toEqual([
      {
        field: 'criteriaSets',
        key: 'period.criteriaSet.missingForGroup',
        params: { group: 'XA', unit: 'XA1' },
      },
    ]);
  });

  it('refuses a set of another year, another group, an invalid one and an unknown one', () => {
    const sets = [
      summary({ id: 'old', year: 2025 }),
      summary({ id: 'xa', unitGroup: 'XA' }),
      summary({ id: 'bad', valid: false }),
    ];
    const check = (id: string) =>
      checkCriteriaSets(period, [{ unitGroup: 'SO', criteriaSetId: id }], sets, [units[0]!])[0]
        ?.key;
    expect(check('old')).toBe('period.criteriaSet.wrongIndex');
    expect(check('xa')).toBe('period.criteriaSet.wrongGroup');
    expect(check('bad')).toBe('period.criteriaSet.invalid');
    expect(check('none')).toBe('period.criteriaSet.notFound');
  });

  it('takes every unit of the chosen groups by default, and refuses a unit outside them', () => {
    const all = [
      { code: 'SNV', unitGroup: 'SO' },
      { code: 'STP', unitGroup: 'SO' },
      { code: 'XA1', unitGroup: 'XA' },
      { code: 'TINH', unitGroup: null },
    ];
    expect(chooseUnits(all, ['SO'], []).units.map((u) => u.code)).toEqual(['SNV', 'STP']);
    expect(chooseUnits(all, ['SO'], ['STP', 'XA1'])).toMatchObject({
      units: [{ code: 'STP' }],
      issues: [{ field: 'unitCodes.1', key: 'period.unit.notFound' }],
    });
    expect(chooseUnits(all, ['HUYEN'], []).issues[0]?.key).toBe('period.units.empty');
  });
});

describe('what keeps a period from starting', () => {
  const units = [{ unitGroup: 'SO' }, { unitGroup: 'XA' }, { unitGroup: 'XA' }];

  it('lets a period start when every participating group has a valid set', () => {
    const sets = [summary({ id: 's1' }), summary({ id: 's2', unitGroup: 'XA', name: 'Bộ xã' })];
    const choices = [
      { unitGroup: 'SO', criteriaSetId: 's1' },
      { unitGroup: 'XA', criteriaSetId: 's2' },
    ];
    expect(startBlockers({ units, criteriaSets: choices }, sets)).toEqual({
      missingGroups: [],
      invalidSets: [],
    });
  });

  it('names each group without a set, or whose set is gone, in order', () => {
    const choices = [
      { unitGroup: 'XA', criteriaSetId: 'deleted' },
      { unitGroup: 'SO', criteriaSetId: 's1' },
    ];
    // Group PHUONG has units but no choice at all; XA's set no longer exists.
    const withPhuong = [...units, { unitGroup: 'PHUONG' }];
    expect(startBlockers({ units: withPhuong, criteriaSets: choices }, [summary({})])).toEqual({
      missingGroups: ['PHUONG', 'XA'],
      invalidSets: [],
    });
  });

  it('names a chosen set that was edited into an invalid one', () => {
    const choices = [
      { unitGroup: 'SO', criteriaSetId: 's1' },
      { unitGroup: 'XA', criteriaSetId: 's2' },
    ];
    const sets = [
      summary({ id: 's1' }),
      summary({ id: 's2', unitGroup: 'XA', name: 'Bộ xã', valid: false }),
    ];
    expect(startBlockers({ units, criteriaSets: choices }, sets)).toEqual({
      missingGroups: [],
      invalidSets: ['Bộ xã'],
    });
  });
});

describe('phase moves', () => {
  const list = () =>
    phases().map((p) => ({
      phase: p.phase,
      startsAt: new Date(p.startsAt),
      endsAt: p.endsAt ? new Date(p.endsAt) : null,
    }));

  it('is due once the next phase’s start has come, and not before', () => {
    expect(duePhase(list(), 'setup', new Date('2026-02-01T00:59:59Z'))).toBeNull();
    expect(duePhase(list(), 'setup', new Date('2026-02-01T01:00:00Z'))).toBe('selfAssessment');
    expect(duePhase(list(), 'published', new Date('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('moving on by hand ends the current phase now and starts the next now', () => {
    const now = new Date('2026-02-20T00:00:00Z');
    const moved = phasesAfterManualAdvance(list(), 'selfAssessment', 'appraisalRound1', now);
    expect(moved[1]!.endsAt).toEqual(now);
    expect(moved[2]!.startsAt).toEqual(now);
    expect(duePhase(moved, 'appraisalRound1', now)).toBeNull();
  });

  it('moving on by hand to a phase already due keeps its planned start', () => {
    const now = new Date('2026-03-05T00:00:00Z');
    const moved = phasesAfterManualAdvance(list(), 'selfAssessment', 'appraisalRound1', now);
    expect(moved[2]!.startsAt).toEqual(new Date('2026-03-02T01:00:00.000Z'));
  });

  it('moving on by hand in a gap never moves a past deadline later', () => {
    const now = new Date('2026-03-01T20:00:00Z');
    const moved = phasesAfterManualAdvance(list(), 'selfAssessment', 'appraisalRound1', now);
    expect(moved[1]!.endsAt).toEqual(new Date('2026-03-01T10:00:00.000Z'));
  });
});

describe('deadline extensions', () => {
  const period = { phases: phases(), units: [{ code: 'SNV' }] };

  it('accepts a later self-assessment deadline within the period', () => {
    expect(
      checkExtension(period, {
        unitCode: 'SNV',
        phase: 'selfAssessment',
        endsAt: '2026-03-05T10:00:00.000Z',
      }),
    ).toEqual([]);
  });

  it('refuses a deadline not after the common one, naming both times', () => {
    expect(
      checkExtension(period, {
        unitCode: 'SNV',
        phase: 'selfAssessment',
        endsAt: '2026-03-01T10:00:00.000Z',
      })[0],
    ).toMatchObject({
      field: 'endsAt',
      key: 'extension.notAfterDeadline',
      params: { deadline: '01/03/2026 17:00' },
    });
  });

  it('refuses a deadline after the results are published, and a unit outside the period', () => {
    expect(
      checkExtension(period, {
        unitCode: 'SNV',
        phase: 'clarification',
        endsAt: '2026-05-02T00:00:00.000Z',
      })[0]?.key,
    ).toBe('extension.outsidePeriod');
    expect(
      checkExtension(period, {
        unitCode: 'XA9',
        phase: 'clarification',
        endsAt: '2026-04-02T00:00:00.000Z',
      })[0],
    ).toMatchObject({ field: 'unitCode', key: 'extension.unit.notParticipating' });
  });
});

describe('progress figures', () => {
  it('turns the completeness counts into counts and shares of the leaves the unit fills', () => {
    expect(unitProgress({ leaves: 8, done: 3, withEvidence: 4 }, true, false)).toEqual({
      completedCount: 3,
      evidenceCount: 4,
      completedShare: 3750,
      evidenceShare: 5000,
      status: 'inProgress',
    });
  });

  it('says not started, complete and submitted', () => {
    expect(unitProgress({ leaves: 2, done: 0, withEvidence: 0 }, false, false).status).toBe(
      'notStarted',
    );
    expect(unitProgress({ leaves: 2, done: 2, withEvidence: 2 }, true, false).status).toBe(
      'complete',
    );
    expect(unitProgress({ leaves: 2, done: 1, withEvidence: 1 }, true, true).status).toBe(
      'submitted',
    );
    // A set with no leaf for the unit to fill is never "complete" by itself.
    expect(unitProgress({ leaves: 0, done: 0, withEvidence: 0 }, true, false).status).toBe(
      'inProgress',
    );
  });

  it('rounds shares down so that 100 % means every leaf', () => {
    expect(shareOf(2, 3)).toBe(6666);
    expect(shareOf(149, 150)).toBe(9933);
    expect(shareOf(0, 0)).toBe(0);
  });
});
