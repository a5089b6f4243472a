/**
 * The error codes every service may return, their HTTP status (mapped once, in the gateway),
 * whether a retry can help, and each code's default text: the part of the error catalogue an
 * API client needs on its own. Kept apart from the domains' texts (`errors.ts` joins them) so
 * that a page which only calls the API — the public site — does not carry every domain's
 * messages.
 */
import type { Locale } from './locale';

export const errorCodes = [
  'E_VALIDATION',
  'E_UNAUTHENTICATED',
  'E_FORBIDDEN',
  'E_NOT_FOUND',
  'E_CONFLICT',
  'E_DEADLINE_PASSED',
  'E_PAYLOAD_TOO_LARGE',
  'E_RATE_LIMITED',
  'E_UNAVAILABLE',
  'E_INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDefinition {
  status: number;
  retryable: boolean;
}

export const errorDefinitions: Record<ErrorCode, ErrorDefinition> = {
  E_VALIDATION: { status: 422, retryable: false },
  E_UNAUTHENTICATED: { status: 401, retryable: false },
  E_FORBIDDEN: { status: 403, retryable: false },
  E_NOT_FOUND: { status: 404, retryable: false },
  E_CONFLICT: { status: 409, retryable: false },
  E_DEADLINE_PASSED: { status: 403, retryable: false },
  E_PAYLOAD_TOO_LARGE: { status: 413, retryable: false },
  E_RATE_LIMITED: { status: 429, retryable: true },
  E_UNAVAILABLE: { status: 503, retryable: true },
  E_INTERNAL: { status: 500, retryable: true },
};

/** One field at fault, as the client receives it. */
export interface FieldError {
  field: string;
  message: string;
}

/** The JSON body of every error response from the gateway. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** The first field at fault, for clients that show one message. */
    field?: string;
    fields?: FieldError[];
    requestId?: string;
    retryable: boolean;
    /** On a 409 for a stale save: the record as it is now, so the client can show or merge it. */
    current?: unknown;
  };
}

/** Each code's default text, shown when a response carries no message of ours. */
export const errorMessages = {
  'error.validation': {
    vi: 'Dữ liệu chưa hợp lệ. Hãy sửa các trường được đánh dấu rồi gửi lại.',
    en: 'Some fields are not valid. Correct the marked fields and send again.',
  },
  'error.unauthenticated': {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Hãy đăng nhập lại.',
    en: 'Your session is missing or has expired. Please log in again.',
  },
  'error.forbidden': {
    vi: 'Tài khoản của bạn không có quyền thực hiện thao tác này. Liên hệ Sở Nội vụ nếu cần được cấp quyền.',
    en: 'Your account may not do this. Ask the Department of Home Affairs for access if you need it.',
  },
  'error.notFound': {
    vi: 'Không tìm thấy dữ liệu yêu cầu. Có thể nó đã bị xoá; hãy tải lại trang.',
    en: 'Not found. It may have been removed; reload the page.',
  },
  'error.conflict': {
    vi: 'Dữ liệu đã bị thay đổi hoặc bị trùng. Hãy tải lại và thử lại.',
    en: 'The data changed or already exists. Reload and try again.',
  },
  'error.payloadTooLarge': {
    vi: 'Dữ liệu gửi lên quá lớn (tối đa {limit}). Hãy gửi ít dữ liệu hơn.',
    en: 'The request is too large (at most {limit}). Send less data.',
  },
  'error.rateLimited': {
    vi: 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy đợi {seconds} giây rồi thử lại.',
    en: 'Too many requests in a short time. Wait {seconds} seconds and try again.',
  },
  'error.unavailable': {
    vi: 'Dịch vụ tạm thời không phản hồi. Hãy thử lại sau ít phút.',
    en: 'The service is not responding right now. Try again in a few minutes.',
  },
  'error.internal': {
    vi: 'Đã có lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên kèm mã yêu cầu {requestId}.',
    en: 'Something went wrong. Try again; if it persists, report request id {requestId}.',
  },
  'error.deadlinePassed': {
    vi: 'Đã hết hạn cho thao tác này. Liên hệ Sở Nội vụ nếu cần được gia hạn.',
    en: 'The deadline for this has passed. Contact the Department of Home Affairs if you need an extension.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export const defaultMessageKeyByCode = {
  E_VALIDATION: 'error.validation',
  E_UNAUTHENTICATED: 'error.unauthenticated',
  E_FORBIDDEN: 'error.forbidden',
  E_NOT_FOUND: 'error.notFound',
  E_CONFLICT: 'error.conflict',
  E_DEADLINE_PASSED: 'error.deadlinePassed',
  E_PAYLOAD_TOO_LARGE: 'error.payloadTooLarge',
  E_RATE_LIMITED: 'error.rateLimited',
  E_UNAVAILABLE: 'error.unavailable',
  E_INTERNAL: 'error.internal',
} as const satisfies Record<ErrorCode, keyof typeof errorMessages>;

/** Fills a message's `{name}` placeholders; an unknown one is left as written. */
export function fillPlaceholders(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A code's default text in `locale`. */
export function defaultErrorMessage(
  code: ErrorCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fillPlaceholders(errorMessages[defaultMessageKeyByCode[code]][locale], params);
}
