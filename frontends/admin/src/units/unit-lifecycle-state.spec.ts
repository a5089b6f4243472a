import type { FieldValues, Resolver } from 'react-hook-form';
import type { Unit } from '@par/contracts';
import {
  contractResolver,
  inactiveMark,
  lifecycleSchemas,
  mergeFieldOf,
  mergeUnitsValues,
  selectableYears,
  splitFieldOf,
  splitUnitValues,
  toMergeUnitsParams,
  toRenameUnitParams,
  toSplitUnitParams,
  yearInVietnam,
} from './unit-lifecycle-state';
import type { MergeUnitsValues, RenameUnitValues, SplitUnitValues } from './unit-lifecycle-state';

const unit = (over: Partial<Unit> = {}): Unit => ({
  id: 'u1',
  code: 'XA-A',
  name: 'Xã An Hòa',
  shortName: null,
  kind: 'commune',
  parentId: 'p1',
  unitGroup: 'xa-phuong',
  activeFrom: null,
  activeTo: null,
  active: true,
  deactivationReason: null,
  names: [{ fromYear: null, name: 'Xã An Hòa', shortName: null }],
  predecessors: [],
  successors: [],
  version: 3,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

const resolve = <V extends FieldValues>(resolver: Resolver<V>, values: NoInfer<V>) =>
  resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('unit lifecycle form-state', () => {
  it('takes the year in Viet Nam, which starts 7 hours before UTC', () => {
    expect(yearInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe(2026);
  });

  it('offers next year down to 2020, newest first', () => {
    expect(selectableYears(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });

  it('marks a unit ended before the year with its first inactive year, one not begun with its first', () => {
    expect(inactiveMark(unit({ activeTo: 2024 }), 2025)).toEqual({ kind: 'ended', year: 2025 });
    expect(inactiveMark(unit({ activeFrom: 2025 }), 2024)).toEqual({ kind: 'notYet', year: 2025 });
    expect(inactiveMark(unit({ activeTo: 2024 }), 2024)).toBeNull();
  });

  it('sends the merge with the versions the admin saw and the new unit trimmed', () => {
    const a = unit();
    const b = unit({ id: 'u2', code: 'XA-B', version: 7 });
    const values: MergeUnitsValues = {
      ...mergeUnitsValues(a, 2025),
      sourceIds: ['u1', 'u2'],
      code: ' p-1 ',
      name: ' Phường An Bình ',
    };
    expect(toMergeUnitsParams(values, new Map([a, b].map((u) => [u.id, u])))).toEqual({
      year: '2025',
      sources: [
        { id: 'u1', version: 3 },
        { id: 'u2', version: 7 },
      ],
      into: {
        mode: 'new',
        unit: {
          code: 'p-1',
          name: 'Phường An Bình',
          shortName: null,
          kind: 'commune',
          parentId: 'p1',
          unitGroup: 'xa-phuong',
        },
      },
    });
  });

  it('puts the merge contract paths on the form fields', () => {
    expect(mergeFieldOf('sources.1.id')).toBe('sourceIds');
    expect(mergeFieldOf('into.id')).toBe('targetId');
    expect(mergeFieldOf('into.unit.code')).toBe('code');
    expect(mergeFieldOf('version')).toBeNull();
    expect(splitFieldOf('into.1.code')).toBe('units.1.code');
    expect(splitFieldOf('id')).toBeNull();
  });

  it('says "required" in Vietnamese for an empty year and target', async () => {
    const a = unit();
    const resolver = contractResolver<MergeUnitsValues>(
      lifecycleSchemas.merge,
      (v) => toMergeUnitsParams(v, new Map([[a.id, a]])),
      mergeFieldOf,
      () => 'vi',
      () => 'invalid',
    );
    const { errors } = await resolve(resolver, {
      ...mergeUnitsValues(a, 2025),
      year: '',
      mode: 'existing',
    });
    expect(errors.year?.message).toBe('Trường này là bắt buộc.');
    expect(errors.targetId?.message).toBe('Trường này là bắt buộc.');
  });

  it('refuses a year that is not a year, with the catalogue message', async () => {
    const resolver = contractResolver<RenameUnitValues>(
      lifecycleSchemas.rename,
      (v) => toRenameUnitParams(unit(), v),
      (path) => path,
      () => 'vi',
      () => 'invalid',
    );
    const { errors } = await resolve(resolver, { year: '25', name: 'Phường Mới', shortName: '' });
    expect(errors.year?.message).toBe('Năm không hợp lệ. Hãy nhập năm gồm 4 chữ số, ví dụ 2025.');
    const ok = await resolve(resolver, { year: '2025', name: 'Phường Mới', shortName: '' });
    expect(ok.errors).toEqual({});
  });

  it('puts errors of a new unit of a split on that unit', async () => {
    const source = unit();
    const resolver = contractResolver<SplitUnitValues>(
      lifecycleSchemas.split,
      (v) => toSplitUnitParams(source, v),
      splitFieldOf,
      () => 'vi',
      () => 'invalid',
    );
    const values = splitUnitValues(source, 2025);
    values.units[0] = { code: 'X1', name: 'Xã Một', shortName: '', kind: 'commune' };
    values.units[1] = { code: 'X2', name: 'X', shortName: '', kind: 'commune' };
    const { errors } = await resolve(resolver, values);
    expect(errors.units?.[1]?.name?.message).toBe('Tên đơn vị cần từ 2 đến 200 ký tự.');
    expect(errors.units?.[0]).toBeUndefined();
    // New units keep the split unit's parent and group.
    expect(toSplitUnitParams(source, values).into[0]).toMatchObject({
      parentId: 'p1',
      unitGroup: 'xa-phuong',
    });
  });
});
