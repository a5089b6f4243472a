/** Calls the gateway's REST API as a client would, returning the status, headers and JSON body. */

export interface ApiCall {
  method?: string;
  token?: string;
  /** Sent as JSON; a string is sent as it is (e.g. malformed JSON). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read whatever the route answers; the contracts type it, the assertions check it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export const apiUrl = (path: string): string => `${process.env.PAR_GATEWAY_URL}/api${path}`;

export async function callApi(path: string, init: ApiCall = {}): Promise<ApiResponse> {
  const res = await fetch(apiUrl(path), {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
