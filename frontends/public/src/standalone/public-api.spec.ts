import { ApiError } from '@par/client';
import { formatMessage, surveyPublicRoutes } from '@par/contracts';
import { absentOn, createPublicClient, writeOutcome } from './public-api';

const offline = 'Chưa gửi được. Hãy thử lại khi có mạng.';
const campaignClosed = formatMessage('survey.campaign.notOpen', {}, 'vi');
const texts = { offline };

/** The error the client throws for a gateway error body. */
const served = (code: ApiError['code'], status: number, message: string, fields = []) =>
  new ApiError({ code, status, message, fields, fromServer: true });

describe('writeOutcome: what the page shows for a failed write', () => {
  it('says "closed" for a passed deadline, in the service’s words', () => {
    const message = 'Đã hết hạn góp ý cho dự thảo này (hạn cuối 01/03/2026 08:00).';
    expect(writeOutcome(served('E_DEADLINE_PASSED', 403, message), texts)).toEqual({
      kind: 'closed',
      message,
    });
  });

  it('tells a second answer from this device apart from a closed campaign by the code alone', () => {
    const duplicate = formatMessage('survey.device.duplicate', {}, 'vi');
    expect(writeOutcome(served('E_CONFLICT', 409, duplicate), texts)).toEqual({
      kind: 'alreadyAnswered',
      message: duplicate,
    });
    expect(writeOutcome(served('E_DEADLINE_PASSED', 403, campaignClosed), texts)).toEqual({
      kind: 'closed',
      message: campaignClosed,
    });
    // The text plays no part: a 409 is "already sent" whatever it says.
    expect(writeOutcome(served('E_CONFLICT', 409, campaignClosed), texts).kind).toBe(
      'alreadyAnswered',
    );
  });

  it('puts the refused fields back on the form for a validation, size or not-found error', () => {
    const fields = [{ field: 'text', message: 'Hãy nhập ý kiến góp ý (từ 1 đến 2.000 ký tự).' }];
    const refused = new ApiError({
      code: 'E_VALIDATION',
      status: 422,
      message: 'Sai',
      fields,
      fromServer: true,
    });
    expect(writeOutcome(refused, texts)).toEqual({ kind: 'invalid', message: 'Sai', fields });
    expect(writeOutcome(served('E_PAYLOAD_TOO_LARGE', 413, 'Quá dài'), texts)).toEqual({
      kind: 'invalid',
      message: 'Quá dài',
      fields: [],
    });
    expect(writeOutcome(served('E_NOT_FOUND', 404, 'Không có'), texts)).toEqual({
      kind: 'invalid',
      message: 'Không có',
      fields: [],
    });
  });

  it('keeps the text for a later try when rate-limited or the service is down', () => {
    expect(writeOutcome(served('E_RATE_LIMITED', 429, 'Thử lại sau 60 giây'), texts)).toEqual({
      kind: 'unreachable',
      message: 'Thử lại sau 60 giây',
    });
    expect(writeOutcome(served('E_UNAVAILABLE', 503, 'Tạm ngừng'), texts)).toEqual({
      kind: 'unreachable',
      message: 'Tạm ngừng',
    });
  });

  it('shows the page’s own offline text when the service said nothing of its own', () => {
    const unreachable = { kind: 'unreachable', message: offline };
    expect(writeOutcome(ApiError.unavailable('vi'), texts)).toEqual(unreachable);
    expect(writeOutcome(ApiError.fromResponse(502, '<html>', 'vi'), texts)).toEqual(unreachable);
    // Even a status that would read as a validation error: the body is a proxy's, not ours.
    expect(writeOutcome(ApiError.fromResponse(422, undefined, 'vi'), texts)).toEqual(unreachable);
    expect(writeOutcome(new Error('config.json: HTTP 500'), texts)).toEqual(unreachable);
  });
});

describe('absentOn', () => {
  it('reads the given statuses as "the link names nothing" and throws anything else', () => {
    const absent = absentOn(404, 422);
    expect(absent(served('E_NOT_FOUND', 404, 'x'))).toBeUndefined();
    expect(absent(served('E_VALIDATION', 422, 'x'))).toBeUndefined();
    const down = served('E_UNAVAILABLE', 503, 'x');
    expect(() => absent(down)).toThrow(down);
    expect(() => absent(new TypeError('x'))).toThrow(TypeError);
  });
});

describe('createPublicClient', () => {
  it('calls a route without a token, in Vietnamese, its segments filled, and throws its error', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const body = {
        error: { code: 'E_DEADLINE_PASSED', message: campaignClosed, retryable: false },
      };
      return new Response(JSON.stringify(body), { status: 403 });
    }) as unknown as typeof globalThis.fetch;
    const error = await createPublicClient('http://gateway.test/api/', fetch)
      .callRoute(surveyPublicRoutes.submitResponse, {
        campaignId: 'c 1',
        unitCode: 'XA/01',
        deviceToken: 'd',
        answers: {},
      })
      .catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(
      'http://gateway.test/api/public/surveys/c%201/units/XA%2F01/responses',
    );
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toEqual({
      Accept: 'application/json',
      'Accept-Language': 'vi',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ deviceToken: 'd', answers: {} });
    expect(writeOutcome(error, texts)).toEqual({ kind: 'closed', message: campaignClosed });
  });
});
