import { emptyUnitForm, toCreateUnitParams, unitFormResolver } from './form-state';
import type { UnitFormValues } from './form-state';

const resolve = (values: UnitFormValues) =>
  unitFormResolver(
    () => 'vi',
    () => 'invalid',
  )(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('unit form-state', () => {
  it('turns empty optional controls into nulls for the API', () => {
    expect(
      toCreateUnitParams({
        ...emptyUnitForm,
        code: ' snv ',
        name: ' Sở Nội vụ ',
        kind: 'department',
        unitGroup: '  ',
      }),
    ).toEqual({
      code: 'snv',
      name: 'Sở Nội vụ',
      shortName: null,
      kind: 'department',
      parentId: null,
      unitGroup: null,
    });
  });

  it('says "required" for empty required controls, in Vietnamese', async () => {
    const { errors } = await resolve(emptyUnitForm);
    expect(Object.keys(errors).sort()).toEqual(['code', 'kind', 'name']);
    expect(errors.code?.message).toBe('Trường này là bắt buộc.');
  });

  it('uses the contract catalogue for a rule that a given value breaks', async () => {
    const { errors } = await resolve({
      ...emptyUnitForm,
      code: 'sở nội vụ',
      name: 'Sở Nội vụ',
      kind: 'department',
    });
    expect(errors.code?.message).toMatch(/^Mã đơn vị gồm 1–32 ký tự/);
    expect(errors.name).toBeUndefined();
  });

  it('accepts a valid form', async () => {
    const values: UnitFormValues = {
      ...emptyUnitForm,
      code: 'SNV',
      name: 'Sở Nội vụ',
      kind: 'department',
    };
    expect(await resolve(values)).toEqual({ values, errors: {} });
  });
});
