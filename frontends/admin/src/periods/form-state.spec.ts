import type { Period } from '@par/contracts';
import {
  diffBaseFor,
  emptyPeriodForm,
  newerEditionsChosen,
  periodToForm,
  formatShare,
  formatVietnamTime,
  toPeriodParams,
  toVietnamInput,
} from './form-state';

describe('period form state', () => {
  it('shows UTC times as Vietnam wall-clock time', () => {
    expect(toVietnamInput('2026-03-01T01:00:00.000Z')).toBe('2026-03-01T08:00');
    expect(toVietnamInput('2026-02-28T20:30:00.000Z')).toBe('2026-03-01T03:30');
    expect(formatVietnamTime('2026-03-01T10:00:00.000Z')).toBe('01/03/2026 17:00');
  });

  it('formats shares the vi-VN way, with a decimal comma', () => {
    expect(formatShare(8750)).toBe('87,5 %');
    expect(formatShare(10_000)).toBe('100 %');
    expect(formatShare(6666)).toBe('66,66 %');
  });

  it('sends only the included groups and, without a trial, no trial phase, and maps errors back', () => {
    const values = emptyPeriodForm(['SO', 'XA', 'HUYEN'], 2026);
    expect(values.groups.every((g) => !g.included)).toBe(true);
    values.groups[0]!.included = true;
    values.groups[2]!.included = true;
    values.groups[0]!.criteriaSetId = 'a';
    values.groups[2]!.criteriaSetId = 'c';
    const { params, toFormField } = toPeriodParams(values);
    expect(params.criteriaSets).toEqual([
      { unitGroup: 'SO', criteriaSetId: 'a' },
      { unitGroup: 'HUYEN', criteriaSetId: 'c' },
    ]);
    expect(params.phases!.map((p) => p.phase)).not.toContain('trial');
    expect(toFormField('criteriaSets.1.criteriaSetId')).toBe('groups.2.criteriaSetId');
    // Without the trial row, the API's second phase is the form's third row.
    expect(toFormField('phases.1.endsAt')).toBe('phases.2.endsAt');
    expect(toFormField('name')).toBe('name');
  });

  it('shows a stored period with all its groups’ units as "all units", and a narrower one unit by unit', () => {
    const units = [
      { code: 'SNV', unitGroup: 'SO' },
      { code: 'STP', unitGroup: 'SO' },
      { code: 'XA1', unitGroup: 'XA' },
    ];
    const period = {
      indexCode: 'PAR',
      year: 2026,
      name: 'Đợt 2026',
      criteriaSets: [{ unitGroup: 'SO', criteriaSetId: 'a' }],
      units: [
        { code: 'SNV', name: 'Sở Nội vụ', unitGroup: 'SO' },
        { code: 'STP', name: 'Sở Tư pháp', unitGroup: 'SO' },
      ],
      phases: [
        {
          phase: 'setup',
          startsAt: '2026-01-01T01:00:00.000Z',
          endsAt: '2026-02-01T01:00:00.000Z',
        },
      ],
    } as unknown as Period;
    const form = periodToForm(period, units);
    expect(form.unitCodes).toEqual([]);
    expect(form.groups).toEqual([
      { unitGroup: 'SO', included: true, criteriaSetId: 'a' },
      { unitGroup: 'XA', included: false, criteriaSetId: null },
    ]);
    expect(form.phases[0]).toEqual({
      phase: 'setup',
      startsAt: '2026-01-01T08:00',
      endsAt: '2026-02-01T08:00',
    });
    expect(periodToForm({ ...period, units: [period.units[0]!] }, units).unitCodes).toEqual([
      'SNV',
    ]);
  });

  describe('which earlier edition a chosen set is shown against', () => {
    const set = (id: string, edition: number, unitGroup = 'SO') => ({
      id,
      indexCode: 'PAR',
      year: 2026,
      unitGroup,
      edition,
    });
    const sets = [
      set('so1', 1),
      set('so2', 2),
      set('so3', 3),
      set('xa1', 1, 'XA'),
      set('xa2', 2, 'XA'),
    ];

    it('shows a later edition against the one before it, and a first edition against nothing', () => {
      expect(diffBaseFor('so2', null, sets)?.id).toBe('so1');
      expect(diffBaseFor('so3', null, sets)?.id).toBe('so2');
      expect(diffBaseFor('so1', null, sets)).toBeNull();
      expect(diffBaseFor(null, null, sets)).toBeNull();
    });

    it('shows an edit against the edition the period had, never against another group’s set', () => {
      expect(diffBaseFor('so3', 'so1', sets)?.id).toBe('so1');
      // Going back to an older edition, or keeping the same one, compares with its predecessor.
      expect(diffBaseFor('so2', 'so3', sets)?.id).toBe('so1');
      expect(diffBaseFor('so2', 'so2', sets)?.id).toBe('so1');
      expect(diffBaseFor('so2', 'xa1', sets)?.id).toBe('so1');
    });

    it('asks to confirm only the groups an edit moves to a newer edition of their set', () => {
      const period = {
        criteriaSets: [
          { unitGroup: 'SO', criteriaSetId: 'so1' },
          { unitGroup: 'XA', criteriaSetId: 'xa1' },
        ],
      } as unknown as Period;
      const groups = [
        { unitGroup: 'SO', included: true, criteriaSetId: 'so2' },
        { unitGroup: 'XA', included: true, criteriaSetId: 'xa1' },
      ];
      expect(newerEditionsChosen(period, groups, sets)).toEqual([
        { unitGroup: 'SO', base: sets[0], chosen: sets[1] },
      ]);
      expect(
        newerEditionsChosen(period, [{ ...groups[0]!, criteriaSetId: 'so1' }, groups[1]!], sets),
      ).toEqual([]);
      // A group left out of the period is not used, so there is nothing to confirm for it.
      expect(newerEditionsChosen(period, [{ ...groups[0]!, included: false }], sets)).toEqual([]);
    });
  });
});
