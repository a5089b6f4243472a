/**
 * The error catalogue: every code a service may return, its HTTP status (mapped once, in the
 * gateway), whether a retry can help, and the user-facing texts. Messages say what to do.
 */

export const errorCodes = [
  'E_VALIDATION',
  'E_UNAUTHENTICATED',
  'E_FORBIDDEN',
  'E_NOT_FOUND',
  'E_CONFLICT',
  'E_DEADLINE_PASSED',
  'E_PAYLOAD_TOO_LARGE',
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
  };
}

/**
 * What a service puts in a domain error's `data` so that the far side of NATS can render it in
 * the caller's language: a message key from the catalogue with its parameters, and the fields.
 */
export interface ErrorData {
  key: MessageKey;
  params?: Record<string, string | number>;
  fields?: Array<{ field: string; key?: MessageKey; message?: string }>;
}

export type Locale = 'vi' | 'en';

export const messages = {
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
  'error.unavailable': {
    vi: 'Dịch vụ tạm thời không phản hồi. Hãy thử lại sau ít phút.',
    en: 'The service is not responding right now. Try again in a few minutes.',
  },
  'error.internal': {
    vi: 'Đã có lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên kèm mã yêu cầu {requestId}.',
    en: 'Something went wrong. Try again; if it persists, report request id {requestId}.',
  },
  'error.routeNotFound': {
    vi: 'Không có địa chỉ API này. Hãy kiểm tra lại đường dẫn.',
    en: 'No such API route. Check the path.',
  },
  'field.required': {
    vi: 'Trường này là bắt buộc.',
    en: 'This field is required.',
  },
  'unit.code.format': {
    vi: 'Mã đơn vị gồm 1–32 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    en: 'A unit code has 1–32 characters: letters without diacritics, digits, dot, dash or underscore.',
  },
  'unit.code.taken': {
    vi: 'Mã đơn vị «{code}» đã được dùng cho đơn vị khác. Hãy chọn mã khác.',
    en: 'Unit code "{code}" is already used by another unit. Choose another code.',
  },
  'unit.name.length': {
    vi: 'Tên đơn vị cần từ 2 đến 200 ký tự.',
    en: 'A unit name needs 2 to 200 characters.',
  },
  'unit.kind.invalid': {
    vi: 'Loại đơn vị không hợp lệ. Hãy chọn một loại trong danh sách.',
    en: 'Unknown unit kind. Pick one from the list.',
  },
  'unit.parent.notFound': {
    vi: 'Không tìm thấy đơn vị cấp trên đã chọn. Hãy chọn lại đơn vị cấp trên.',
    en: 'The chosen parent unit does not exist. Choose the parent again.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(messages, value);
}

/** Renders a catalogue message, filling `{name}` placeholders. */
export function formatMessage(
  key: MessageKey,
  params: Record<string, string | number> = {},
  locale: Locale = 'vi',
): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export const defaultMessageKeyByCode: Record<ErrorCode, MessageKey> = {
  E_VALIDATION: 'error.validation',
  E_UNAUTHENTICATED: 'error.unauthenticated',
  E_FORBIDDEN: 'error.forbidden',
  E_NOT_FOUND: 'error.notFound',
  E_CONFLICT: 'error.conflict',
  E_DEADLINE_PASSED: 'error.forbidden',
  E_PAYLOAD_TOO_LARGE: 'error.payloadTooLarge',
  E_UNAVAILABLE: 'error.unavailable',
  E_INTERNAL: 'error.internal',
};
