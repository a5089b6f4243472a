import type { Assignment } from '@par/contracts';
import { toForm, toInput } from './form-state';

const subtree: Assignment = {
  id: 'a1',
  periodId: 'p1',
  name: 'Tổ pháp chế',
  appraisers: [{ id: 'u1', username: 'thamdinh.stp' }],
  criterionCodes: ['1', '2.1'],
  units: { kind: 'subtree', rootCode: 'HUYEN1', includeRoot: true },
  entryCount: 6,
  unitCodes: ['XA1', 'XA2'],
  version: 3,
  createdAt: '2026-12-07T00:00:00.000Z',
  updatedAt: '2026-12-07T00:00:00.000Z',
};

describe('the assignment form state', () => {
  it('round-trips a subtree assignment through the form', () => {
    expect(toInput(toForm(subtree))).toEqual({
      name: 'Tổ pháp chế',
      appraiserIds: ['u1'],
      criterionCodes: ['1', '2.1'],
      units: { kind: 'subtree', rootCode: 'HUYEN1', includeRoot: true },
    });
  });

  it('sends only the chosen kind of units', () => {
    const form = { ...toForm(subtree), kind: 'group' as const, unitGroup: 'xa-phuong' };
    expect(toInput(form).units).toEqual({ kind: 'group', unitGroup: 'xa-phuong' });
  });
});
