/**
 * Calls the gateway's REST routes from the action contracts, so a path, a method or a result type
 * is never restated by hand: `client.callAction(accountsActions.createUnit, params)`.
 */
import type { ActionContract, ActionRoute, Locale, ParamsOf, ResultOf } from '@par/contracts';
import { ApiError } from './api-error';

export interface ApiClientOptions {
  /** The gateway's API root from the runtime config, e.g. `http://localhost:3000/api`. */
  baseUrl: string;
  /** Returns a fresh access token (refreshing it first when it is about to expire). */
  getToken: () => Promise<string | undefined>;
  /** The language the user reads; sent as Accept-Language so server messages match. */
  getLanguage: () => Locale;
  /** Called on 401, e.g. to send the user to the login page again. */
  onUnauthenticated?: () => void;
  /** Milliseconds before a call counts as unavailable. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Reports how much of the request body has been sent, in percent (file uploads). The call then
   * goes through XMLHttpRequest, because fetch cannot report upload progress.
   */
  onUploadProgress?: (percent: number) => void;
}

export interface ApiClient {
  callAction<A extends ActionContract>(
    action: A,
    params: ParamsOf<A>,
    options?: CallOptions,
  ): Promise<ResultOf<A>>;
  /**
   * The same call by the action's route alone, typed by its contract: for a page that must not
   * load the contract's schemas (the public pages, `rankingPublicRoutes`).
   */
  callRoute<A extends ActionContract>(
    route: ActionRoute,
    params: ParamsOf<A>,
    options?: CallOptions,
  ): Promise<ResultOf<A>>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  const client: ApiClient = {
    callAction(action, params, callOptions) {
      if (!action.rest) throw new Error(`${action.name} has no REST route`);
      return client.callRoute(action.rest, params, callOptions);
    },
    async callRoute<A extends ActionContract>(
      route: ActionRoute,
      params: ParamsOf<A>,
      callOptions: CallOptions = {},
    ): Promise<ResultOf<A>> {
      const locale = options.getLanguage();
      const request = buildRequest(route.method, route.path, params as object);
      const token = await options.getToken();
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'Accept-Language': locale,
      };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (request.body !== undefined) headers['Content-Type'] = 'application/json';

      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
      let response: Response;
      try {
        const init = { method: route.method, headers, body: request.body, signal };
        response =
          callOptions.onUploadProgress && request.body !== undefined
            ? await sendWithProgress(baseUrl + request.path, init, callOptions.onUploadProgress)
            : await doFetch(baseUrl + request.path, init);
      } catch (error) {
        // The caller's own abort is not a failure to report; everything else means "unreachable".
        if (callOptions.signal?.aborted) throw error;
        throw ApiError.unavailable(locale);
      }

      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        if (response.status === 401) options.onUnauthenticated?.();
        throw ApiError.fromResponse(response.status, body, locale);
      }
      return body as ResultOf<A>;
    },
  };
  return client;
}

/** Fills `:name` segments from params; the rest goes in the query (GET, DELETE) or the JSON body. */
export function buildRequest(
  method: string,
  pathTemplate: string,
  params: object,
): { path: string; body?: string } {
  const rest: Record<string, unknown> = { ...params };
  const path = pathTemplate.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = rest[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  if (method === 'GET' || method === 'DELETE') {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(rest)) {
      if (value === undefined || value === null || value === '') continue;
      for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
    }
    const search = query.toString();
    return { path: search ? `${path}?${search}` : path };
  }
  return { path, body: JSON.stringify(rest) };
}

function sendWithProgress(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
  onProgress: (percent: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () =>
      resolve(
        new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status,
          headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
        }),
      );
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(init.signal.reason ?? new DOMException('aborted', 'AbortError'));
    init.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(init.body);
  });
}
