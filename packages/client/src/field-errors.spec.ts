import { ApiError } from './api-error';
import { applyFieldErrors } from './field-errors';

type Form = { code: string; name: string };
const fields = ['code', 'name'] as const;

function recorder() {
  const calls: Array<[string, { message?: string }, { shouldFocus?: boolean } | undefined]> = [];
  const setError = ((
    name: string,
    error: { message?: string },
    options?: { shouldFocus?: boolean },
  ) => {
    calls.push([name, error, options]);
  }) as never;
  return { calls, setError };
}

describe('applyFieldErrors', () => {
  it('puts each 422 field error under its field and focuses the first', () => {
    const { calls, setError } = recorder();
    const error = new ApiError({
      code: 'E_VALIDATION',
      status: 422,
      message: 'Dữ liệu chưa hợp lệ.',
      fields: [
        { field: 'name', message: 'Tên đơn vị cần từ 2 đến 200 ký tự.' },
        { field: 'code', message: 'Mã đơn vị gồm 1–32 ký tự.' },
      ],
    });
    expect(applyFieldErrors<Form>(error, setError, fields)).toBe(true);
    expect(calls).toEqual([
      [
        'name',
        { type: 'server', message: 'Tên đơn vị cần từ 2 đến 200 ký tự.' },
        { shouldFocus: true },
      ],
      ['code', { type: 'server', message: 'Mã đơn vị gồm 1–32 ký tự.' }, { shouldFocus: false }],
    ]);
  });

  it('shows a 409 on the field it names, with the error message', () => {
    const { calls, setError } = recorder();
    const error = new ApiError({
      code: 'E_CONFLICT',
      status: 409,
      message: 'Mã đơn vị «SNV» đã được dùng.',
      field: 'code',
    });
    expect(applyFieldErrors<Form>(error, setError, fields)).toBe(true);
    expect(calls[0]?.[0]).toBe('code');
    expect(calls[0]?.[1].message).toBe('Mã đơn vị «SNV» đã được dùng.');
  });

  it('leaves errors without a known field to the caller', () => {
    const { calls, setError } = recorder();
    const error = new ApiError({ code: 'E_FORBIDDEN', status: 403, message: 'Không có quyền.' });
    expect(applyFieldErrors<Form>(error, setError, fields)).toBe(false);
    expect(applyFieldErrors<Form>(new Error('x'), setError, fields)).toBe(false);
    expect(calls).toEqual([]);
  });
});
