/**
 * The one place where errors become HTTP: our domain errors keep their code and fields;
 * Moleculer's and moleculer-web's own errors are mapped onto the same catalogue.
 */
import {
  defaultMessageKeyByCode,
  errorDefinitions,
  formatMessage,
  isMessageKey,
  type ApiErrorBody,
  type ErrorCode,
  type ErrorData,
  type Locale,
} from '@par/contracts';

interface AnyError {
  name?: string;
  type?: string;
  code?: number | string;
  status?: number;
  statusCode?: number;
  data?: unknown;
}

export interface HttpError {
  status: number;
  body: ApiErrorBody;
}

export function toApiError(
  err: unknown,
  locale: Locale,
  requestId?: string,
  context: { bodyLimit?: string } = {},
): HttpError {
  const e = (err ?? {}) as AnyError;
  const code = classify(e);
  // An internal error's key, parameters and fields may carry an exception's text (a driver's,
  // Keycloak's): the client gets the generic message and the request id, the log the rest.
  const data =
    code !== 'E_INTERNAL' && isErrorCode(e.type) && isErrorData(e.data) ? e.data : undefined;
  const key =
    data?.key ??
    (e.name === 'NotFoundError' ? 'error.routeNotFound' : defaultMessageKeyByCode[code]);
  const params = { requestId: requestId ?? '-', limit: context.bodyLimit ?? '', ...data?.params };
  const fields = data?.fields?.map((f) => ({
    field: f.field,
    message:
      f.key && isMessageKey(f.key) ? formatMessage(f.key, params, locale) : (f.message ?? ''),
  }));
  return {
    status: errorDefinitions[code].status,
    body: {
      error: {
        code,
        message: formatMessage(key, params, locale),
        ...(fields?.length ? { field: fields[0]?.field, fields } : {}),
        ...(requestId ? { requestId } : {}),
        retryable: errorDefinitions[code].retryable,
        // Only a conflict carries the current record: the client needs it to redo a stale save.
        ...(code === 'E_CONFLICT' && data?.current !== undefined ? { current: data.current } : {}),
      },
    },
  };
}

function classify(e: AnyError): ErrorCode {
  if (isErrorCode(e.type)) return e.type;
  const status = Number(e.status ?? e.statusCode ?? e.code);
  switch (e.name) {
    case 'ValidationError':
      return 'E_VALIDATION';
    case 'UnAuthorizedError':
      return 'E_UNAUTHENTICATED';
    case 'ForbiddenError':
      return 'E_FORBIDDEN';
    case 'NotFoundError':
      return 'E_NOT_FOUND';
    case 'ServiceNotFoundError':
    case 'ServiceNotAvailableError':
    case 'ServiceUnavailableError':
    case 'RequestTimeoutError':
      return 'E_UNAVAILABLE';
  }
  if (status === 413) return 'E_PAYLOAD_TOO_LARGE';
  if (status === 429) return 'E_RATE_LIMITED';
  if (status === 400 || status === 415 || status === 422) return 'E_VALIDATION';
  return 'E_INTERNAL';
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorDefinitions, value);
}

function isErrorData(value: unknown): value is ErrorData {
  return typeof value === 'object' && value !== null && isMessageKey((value as ErrorData).key);
}

export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}
