/** User-facing texts of account jobs: issuing accounts for many units, and their passwords. */
import type { Locale } from './locale';

export const accountJobMessages = {
  'accountJob.idempotencyKey.required': {
    vi: 'Thiếu khoá chống lặp (idempotencyKey). Hãy tải lại trang rồi cấp tài khoản lại.',
    en: 'The idempotency key (idempotencyKey) is missing. Reload the page and issue the accounts again.',
  },
  'accountJob.idempotencyKey.format': {
    vi: 'Khoá chống lặp cần 8–128 ký tự: chữ cái không dấu, chữ số, dấu chấm, hai chấm, gạch ngang hoặc gạch dưới.',
    en: 'An idempotency key has 8–128 characters: letters without diacritics, digits, dot, colon, dash or underscore.',
  },
  'accountJob.idempotencyKey.reused': {
    vi: 'Khoá chống lặp này đã được dùng cho một đợt cấp tài khoản với nội dung khác. Hãy tải lại trang rồi cấp lại (mỗi đợt cấp mới cần một khoá mới).',
    en: 'This idempotency key was already used for an account job with a different content. Reload the page and issue again (each new job needs a new key).',
  },
  'accountJob.notFound': {
    vi: 'Không tìm thấy đợt cấp tài khoản này. Có thể đường dẫn đã cũ; hãy tải lại trang.',
    en: 'This account job was not found. The link may be outdated; reload the page.',
  },
  'accountJob.running': {
    vi: 'Đợt cấp tài khoản còn đang chạy. Hãy chờ đến khi xong rồi lấy mật khẩu tạm thời.',
    en: 'The account job is still running. Wait until it finishes, then fetch the temporary passwords.',
  },
  'accountJob.passwords.notYours': {
    vi: 'Chỉ quản trị viên đã cấp đợt tài khoản này mới xem được mật khẩu tạm thời. Hãy nhờ người đó, hoặc đặt lại mật khẩu cho từng tài khoản.',
    en: 'Only the administrator who started this account job can see its temporary passwords. Ask them, or reset each account’s password.',
  },
  'accountJob.passwords.taken': {
    vi: 'Mật khẩu tạm thời của đợt này đã được hiển thị một lần và không còn được lưu. Nếu chưa kịp ghi lại, hãy đặt lại mật khẩu cho từng tài khoản.',
    en: 'The temporary passwords of this job were shown once and are no longer kept. If you did not note them, reset each account’s password.',
  },
  'accountJob.passwords.expired': {
    vi: 'Mật khẩu tạm thời của đợt này đã bị xoá vì quá thời hạn lưu (tối đa một giờ). Hãy đặt lại mật khẩu cho từng tài khoản.',
    en: 'The temporary passwords of this job were deleted after their keeping time (an hour at most). Reset each account’s password.',
  },
  'accountJob.passwords.none': {
    vi: 'Đợt này không tạo tài khoản mới nào nên không có mật khẩu tạm thời.',
    en: 'This job created no new account, so it has no temporary passwords.',
  },
  'accountJob.passwords.unreadable': {
    vi: 'Không giải mã được mật khẩu tạm thời (khoá mã hoá của máy chủ đã đổi). Hãy đặt lại mật khẩu cho từng tài khoản.',
    en: 'The temporary passwords cannot be decrypted (the server’s encryption key changed). Reset each account’s password.',
  },
  'accountJob.item.failed': {
    vi: 'Không tạo được tài khoản «{username}» (tài khoản dở dang đã được xoá). Hãy cấp lại cho đơn vị này sau ít phút.',
    en: 'Could not create account "{username}" (the partial account was removed). Issue it again for this unit in a few minutes.',
  },
  'accountJob.item.recovered': {
    vi: 'Tài khoản được tạo trước khi dịch vụ khởi động lại; đã đặt mật khẩu tạm thời mới.',
    en: 'The account was created before the service restarted; a new temporary password was set.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
