import { accountsActions, gatewayActions } from '@par/contracts';
import { buildRequest, createApiClient } from './api-client';
import { ApiError } from './api-error';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function client(fetch: typeof globalThis.fetch, extra: { onUnauthenticated?: () => void } = {}) {
  return createApiClient({
    baseUrl: 'http://gateway.test/api/',
    getToken: async () => 'token-1',
    getLanguage: () => 'vi',
    fetch,
    ...extra,
  });
}

describe('buildRequest', () => {
  it('puts GET params in the query and skips empty ones', () => {
    expect(buildRequest('GET', '/units', { q: 'sở nội vụ', limit: 20, offset: undefined })).toEqual(
      {
        path: '/units?q=s%E1%BB%9F+n%E1%BB%99i+v%E1%BB%A5&limit=20',
      },
    );
  });

  it('fills path parameters and sends the rest as JSON', () => {
    expect(buildRequest('PUT', '/units/:id', { id: 'a/b', name: 'X' })).toEqual({
      path: '/units/a%2Fb',
      body: '{"name":"X"}',
    });
  });
});

describe('createApiClient', () => {
  it('calls the contract route with the token and the language', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, { id: 'u1', code: 'SNV' }));
    const unit = await client(fetch).callAction(accountsActions.createUnit, {
      code: 'snv',
      name: 'Sở Nội vụ',
      kind: 'department',
    });
    expect(unit).toEqual({ id: 'u1', code: 'SNV' });
    expect(calls[0]!.url).toBe('http://gateway.test/api/units');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toMatchObject({
      Authorization: 'Bearer token-1',
      'Accept-Language': 'vi',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      code: 'snv',
      name: 'Sở Nội vụ',
      kind: 'department',
    });
  });

  it('throws the gateway error with its code, fields and status', async () => {
    const body = {
      error: {
        code: 'E_VALIDATION',
        message: 'Dữ liệu chưa hợp lệ.',
        field: 'code',
        fields: [{ field: 'code', message: 'Mã đơn vị gồm 1–32 ký tự' }],
        requestId: 'r-1',
        retryable: false,
      },
    };
    const { fetch } = fakeFetch(() => json(422, body));
    const error = await client(fetch)
      .callAction(accountsActions.createUnit, { code: '', name: '', kind: 'ward' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'E_VALIDATION',
      status: 422,
      field: 'code',
      fields: body.error.fields,
      requestId: 'r-1',
      message: 'Dữ liệu chưa hợp lệ.',
      fromServer: true,
    });
  });

  it('keeps the current record of a stale save, so the page can show both values', async () => {
    const current = { id: 'u1', code: 'SNV', name: 'Sở Nội vụ tỉnh', version: 4 };
    const body = {
      error: {
        code: 'E_CONFLICT',
        message: 'Đơn vị «SNV» vừa được người khác thay đổi (phiên bản 4).',
        field: 'version',
        fields: [{ field: 'version', message: 'Đơn vị «SNV» vừa được người khác thay đổi.' }],
        retryable: false,
        current,
      },
    };
    const { fetch } = fakeFetch(() => json(409, body));
    const error = await client(fetch)
      .callAction(accountsActions.updateUnit, {
        id: 'u1',
        version: 3,
        name: 'Sở Nội vụ',
        kind: 'department',
        parentId: null,
      } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'E_CONFLICT', status: 409, field: 'version' });
    expect((error as ApiError).current).toEqual(current);
  });

  it('has no current record on an error that carries none', async () => {
    const { fetch } = fakeFetch(() =>
      json(403, { error: { code: 'E_FORBIDDEN', message: 'Không có quyền.', retryable: false } }),
    );
    const error = await client(fetch)
      .callAction(accountsActions.createUnit, {
        code: 'SNV',
        name: 'Sở Nội vụ',
        kind: 'department',
      })
      .catch((e: unknown) => e);
    expect((error as ApiError).current).toBeUndefined();
  });

  it('reports an unreachable server as E_UNAVAILABLE in Vietnamese', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await client(fetch)
      .callAction(gatewayActions.me, {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_UNAVAILABLE',
      status: 0,
      retryable: true,
      fromServer: false,
    });
    expect((error as ApiError).message).toBe(
      'Dịch vụ tạm thời không phản hồi. Hãy thử lại sau ít phút.',
    );
  });

  it('falls back to the catalogue for a body that is not ours, and signals a 401', async () => {
    const onUnauthenticated = jest.fn();
    const { fetch } = fakeFetch(() => new Response('Unauthorized', { status: 401 }));
    const error = await client(fetch, { onUnauthenticated })
      .callAction(gatewayActions.me, {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_UNAUTHENTICATED', status: 401, fromServer: false });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('lets the caller abort without turning it into an error to show', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(({ init }) => {
      controller.abort();
      return Promise.reject(init.signal?.reason ?? new Error('aborted'));
    });
    const error = await client(fetch)
      .callAction(gatewayActions.me, {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
  });
});
