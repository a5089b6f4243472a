import { Errors } from 'moleculer';
import { PortalError, fieldError } from '@par/service-kit';
import { toApiError } from './to-api-error';

describe('toApiError', () => {
  it('keeps a domain error code, its status and the field at fault, in Vietnamese', () => {
    const { status, body } = toApiError(
      fieldError('E_CONFLICT', 'code', 'unit.code.taken', { code: 'SNV' }),
      'vi',
      'req-1',
    );
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'E_CONFLICT', field: 'code', requestId: 'req-1' });
    expect(body.error.fields?.[0]?.message).toBe(
      'Mã đơn vị «SNV» đã được dùng cho đơn vị khác. Hãy chọn mã khác.',
    );
  });

  it('renders the same error in English when asked', () => {
    const { body } = toApiError(
      fieldError('E_CONFLICT', 'code', 'unit.code.taken', { code: 'SNV' }),
      'en',
    );
    expect(body.error.fields?.[0]?.message).toContain('Unit code "SNV" is already used');
  });

  it('rebuilds a domain error that crossed the bus as a plain Moleculer error', () => {
    const original = new PortalError('E_FORBIDDEN');
    const rebuilt = new Errors.MoleculerError(
      original.message,
      original.code,
      original.type,
      original.data,
    );
    expect(toApiError(rebuilt, 'vi').status).toBe(403);
  });

  it('hands the current record to the client with a conflict, so a stale save can be redone', () => {
    const current = { id: 'x', version: 4 };
    const conflict = toApiError(
      new PortalError('E_CONFLICT', {
        key: 'criteriaSet.changed',
        params: { version: 4 },
        current,
      }),
      'vi',
    );
    expect(conflict.body.error.current).toEqual(current);
    const other = toApiError(
      new PortalError('E_VALIDATION', { key: 'error.validation', current }),
      'vi',
    );
    expect(other.body.error.current).toBeUndefined();
  });

  it('answers 503 E_UNAVAILABLE when no node of the service is up', () => {
    const { status, body } = toApiError(
      new Errors.ServiceNotFoundError({ action: 'accounts.listUnits' }),
      'vi',
    );
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: 'E_UNAVAILABLE', retryable: true });
  });

  it('answers 413 with the body limit when the body is too large', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413 });
    const { status, body } = toApiError(tooLarge, 'vi', undefined, { bodyLimit: '256kb' });
    expect(status).toBe(413);
    expect(body.error.message).toContain('256kb');
  });

  it("never shows an internal error's own key, parameters or fields, even from a domain error", () => {
    const keycloakText = 'HTTP 500 from http://keycloak:8080/admin/realms/par-portal/users';
    const failed = new PortalError('E_INTERNAL', {
      key: 'account.create.failed',
      params: { username: 'x', reason: keycloakText },
      fields: [{ field: 'username', message: keycloakText }],
      cause: keycloakText,
    });
    const { status, body } = toApiError(failed, 'vi', 'req-7');
    expect(status).toBe(500);
    expect(body.error.message).toBe(
      'Đã có lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên kèm mã yêu cầu req-7.',
    );
    expect(JSON.stringify(body)).not.toContain('keycloak');
  });

  it('answers 429 E_RATE_LIMITED, retryable, for a rate limit of moleculer-web or our own', () => {
    const { status, body } = toApiError(
      Object.assign(new Error('Rate limit exceeded'), { code: 429 }),
      'vi',
    );
    expect([status, body.error.code, body.error.retryable]).toEqual([429, 'E_RATE_LIMITED', true]);
    const ours = toApiError(new PortalError('E_RATE_LIMITED', { params: { seconds: 12 } }), 'vi');
    expect(ours.body.error.message).toBe(
      'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy đợi 12 giây rồi thử lại.',
    );
  });

  it('hides the cause of an unexpected error behind E_INTERNAL and the request id', () => {
    const { status, body } = toApiError(new TypeError('x is undefined'), 'vi', 'req-9');
    expect(status).toBe(500);
    expect(body.error.message).toContain('req-9');
    expect(body.error.message).not.toContain('undefined');
  });
});
