import { emptySetForm, indexFormResolver, setFormResolver, toSetParams } from './create-form-state';
import type { SetFormValues } from './create-form-state';

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const resolveSet = (values: SetFormValues) =>
  setFormResolver(
    () => 'vi',
    () => 'invalid',
  )(values, undefined, options);

describe('list page forms', () => {
  it('sends the year as a number and an empty description as null', () => {
    expect(
      toSetParams({
        indexCode: 'PAR',
        year: ' 2026 ',
        unitGroup: ' so-nganh ',
        name: ' Bộ chỉ số CCHC ',
        description: ' ',
      }),
    ).toEqual({
      indexCode: 'PAR',
      year: 2026,
      unitGroup: 'so-nganh',
      name: 'Bộ chỉ số CCHC',
      description: null,
    });
  });

  it('says "required" for each empty control of a new set, in Vietnamese', async () => {
    const { errors } = await resolveSet({ ...emptySetForm(2026), year: '' });
    expect(Object.keys(errors).sort()).toEqual(['indexCode', 'name', 'unitGroup', 'year']);
    expect(errors.name?.message).toBe('Trường này là bắt buộc.');
  });

  it('accepts a complete new set', async () => {
    const values: SetFormValues = {
      indexCode: 'PAR',
      year: '2026',
      unitGroup: 'so-nganh',
      name: 'Bộ chỉ số CCHC cấp sở',
      description: '',
    };
    expect(await resolveSet(values)).toEqual({ values, errors: {} });
  });

  it('refuses an index code the contract refuses, with its catalogue message', async () => {
    const { errors } = await indexFormResolver(
      () => 'vi',
      () => 'invalid',
    )({ code: 'chỉ số', name: 'Chỉ số CCHC', description: '' }, undefined, options);
    expect(errors.code?.message).toMatch(/^Mã chỉ số gồm 1–32 ký tự/);
    expect(errors.name).toBeUndefined();
  });
});

describe('the template form', () => {
  it('leaves the name to the server when it is empty, and requires a template', async () => {
    const { templateFormResolver, toTemplateParams, emptyTemplateForm } =
      await import('./create-form-state');
    expect(
      toTemplateParams({ key: 'par-cap-xa', year: '2026', unitGroup: 'xa-phuong', name: ' ' }),
    ).toEqual({ key: 'par-cap-xa', year: 2026, unitGroup: 'xa-phuong', name: undefined });
    const { errors } = await templateFormResolver(
      () => 'vi',
      () => 'invalid',
    )({ ...emptyTemplateForm(2026), unitGroup: 'xa-phuong' }, undefined, options);
    expect(Object.keys(errors)).toEqual(['key']);
  });
});
