/** The one error type the API client throws: the gateway's error body, or a network failure. */
import { defaultErrorMessage, errorCodes, errorDefinitions } from '@par/contracts';
import type { ApiErrorBody, ErrorCode, FieldError, Locale } from '@par/contracts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The first field at fault, if any. */
  readonly field: string | undefined;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  /**
   * On a 409 for a stale save: the record as the server holds it now, in the action's result
   * shape, so a page can show the user's value beside the current one.
   */
  readonly current: unknown;
  /**
   * Whether `message` is the gateway's own text (its error body) rather than the catalogue's
   * fallback for a body that is not ours (a proxy's error page) or no answer at all.
   */
  readonly fromServer: boolean;

  constructor(init: {
    code: ErrorCode;
    message: string;
    status: number;
    field?: string;
    fields?: FieldError[];
    requestId?: string;
    retryable?: boolean;
    current?: unknown;
    fromServer?: boolean;
  }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.field = init.field ?? init.fields?.[0]?.field;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? errorDefinitions[init.code].retryable;
    this.current = init.current;
    this.fromServer = init.fromServer ?? false;
  }

  /** Builds the error from a response; falls back to the catalogue when the body is not ours. */
  static fromResponse(status: number, body: unknown, locale: Locale): ApiError {
    if (isApiErrorBody(body)) {
      const { code, message, field, fields, requestId, retryable, current } = body.error;
      return new ApiError({
        code,
        message,
        status,
        field,
        fields,
        requestId,
        retryable,
        current,
        fromServer: true,
      });
    }
    const code = codeForStatus(status);
    return new ApiError({ code, status, message: catalogueMessage(code, locale) });
  }

  /** The server could not be reached (down, network, CORS) or did not answer in time. */
  static unavailable(locale: Locale): ApiError {
    return new ApiError({
      code: 'E_UNAVAILABLE',
      status: 0,
      message: catalogueMessage('E_UNAVAILABLE', locale),
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function catalogueMessage(code: ErrorCode, locale: Locale): string {
  return defaultErrorMessage(code, locale, { requestId: '—', limit: '—' });
}

function codeForStatus(status: number): ErrorCode {
  const exact = errorCodes.find(
    (code) => code !== 'E_DEADLINE_PASSED' && errorDefinitions[code].status === status,
  );
  if (exact) return exact;
  if (status === 502 || status === 504) return 'E_UNAVAILABLE';
  return 'E_INTERNAL';
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    (errorCodes as readonly unknown[]).includes((error as { code?: unknown }).code)
  );
}
