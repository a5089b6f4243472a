import { Entry } from '@par/contracts';
import { ApiError } from '@par/client';
import { classifySaveFailure as classify } from './save-failure';

const classifySaveFailure = (error: unknown) => classify(error, Entry);

const refusal = (code: ApiError['code'], status: number) =>
  new ApiError({ code, status, message: `${code} (tiếng Việt)` });

describe('classifySaveFailure', () => {
  it.each([
    ['a save that reached the server after the submission', refusal('E_FORBIDDEN', 403), true],
    ['a save after the deadline', refusal('E_DEADLINE_PASSED', 403), true],
    ['a refused value', refusal('E_VALIDATION', 422), false],
  ])('refuses %s, locking the page only if the unit may no longer write', (_, error, readOnly) => {
    expect(classifySaveFailure(error)).toEqual({
      kind: 'refused',
      message: error.message,
      readOnly,
    });
  });

  it('retries what may pass: the server away, busy or the token expired', () => {
    for (const status of [0, 401, 503])
      expect(classifySaveFailure(refusal('E_INTERNAL', status)).kind).toBe('retry');
  });
});
