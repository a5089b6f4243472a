import type { ResolverOptions } from 'react-hook-form';
import {
  consultationFormResolver,
  consultationMessages,
  emptyConsultationForm,
  toConsultationParams,
  type ConsultationFormValues,
} from './form-state';

describe('the new-consultation form', () => {
  const now = new Date('2026-03-01T00:00:00Z'); // 07:00 in Vietnam
  const filled = {
    unitCode: ' snv ',
    title: 'Dự thảo Quy chế tiếp nhận hồ sơ',
    text: 'Điều 1.',
    closesAt: '2026-03-31T17:00',
  };

  it('sends the deadline typed in Vietnam time, and the unit only when one is named', () => {
    expect(toConsultationParams(filled)).toEqual({
      unitCode: 'snv',
      title: 'Dự thảo Quy chế tiếp nhận hồ sơ',
      text: 'Điều 1.',
      closesAt: '2026-03-31T17:00:00+07:00',
    });
    expect(toConsultationParams({ ...filled, unitCode: '' })).not.toHaveProperty('unitCode');
  });

  it('names each missing field in Vietnamese, and refuses a deadline already passed', () => {
    expect(consultationMessages(filled, 'vi', now)).toEqual({});
    expect(consultationMessages(emptyConsultationForm(), 'vi', now)).toEqual({
      title: 'Hãy nhập tên dự thảo (tối đa 300 ký tự).',
      text: 'Hãy nhập nội dung dự thảo (tối đa 50.000 ký tự).',
      closesAt: 'Hãy chọn hạn góp ý là một thời điểm trong tương lai.',
    });
    // 06:59 in Vietnam on 1 March is before `now` (07:00): refused; 07:01 is accepted.
    expect(consultationMessages({ ...filled, closesAt: '2026-03-01T06:59' }, 'vi', now)).toEqual({
      closesAt: 'Hãy chọn hạn góp ý là một thời điểm trong tương lai.',
    });
    expect(consultationMessages({ ...filled, closesAt: '2026-03-01T07:01' }, 'vi', now)).toEqual(
      {},
    );
  });

  it('gives react-hook-form the same messages, and asks for the unit only on the admin’s form', async () => {
    const options = {} as ResolverOptions<ConsultationFormValues>;
    const officer = consultationFormResolver(
      () => 'vi',
      false,
      () => now,
    );
    const admin = consultationFormResolver(
      () => 'vi',
      true,
      () => now,
    );
    const noUnit = { ...filled, unitCode: '' };
    expect(await officer(noUnit, undefined, options)).toEqual({ values: noUnit, errors: {} });
    expect(await officer({ ...noUnit, title: ' ' }, undefined, options)).toEqual({
      values: {},
      errors: {
        title: { type: 'validation', message: 'Hãy nhập tên dự thảo (tối đa 300 ký tự).' },
      },
    });
    // The admin's form asks for the unit: left empty, it is named before anything is sent.
    expect(await admin(filled, undefined, options)).toEqual({ values: filled, errors: {} });
    expect(await admin(noUnit, undefined, options)).toEqual({
      values: {},
      errors: { unitCode: { type: 'validation', message: 'Hãy chọn đơn vị chủ trì dự thảo.' } },
    });
  });
});
