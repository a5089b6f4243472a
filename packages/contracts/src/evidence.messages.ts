/** User-facing texts of the evidence domain (uploads, file checks, downloads, the frozen set). */
import type { Locale } from './locale';

export const evidenceMessages = {
  'evidence.unit.none': {
    vi: 'Tài khoản của bạn chưa được gắn với đơn vị nào nên không thể tải tài liệu kiểm chứng. Hãy liên hệ Sở Nội vụ để được gắn đơn vị.',
    en: 'Your account is bound to no unit, so it cannot upload evidence. Ask the Department of Home Affairs to bind it to your unit.',
  },
  'evidence.file.name': {
    vi: 'Tên tệp cần từ 1 đến 255 ký tự.',
    en: 'A file name needs 1 to 255 characters.',
  },
  'evidence.file.size': {
    vi: 'Kích thước tệp không hợp lệ. Hãy chọn lại tệp.',
    en: 'The file size is not valid. Choose the file again.',
  },
  'evidence.file.empty': {
    vi: 'Tệp «{name}» rỗng (0 byte). Hãy chọn tệp có nội dung.',
    en: 'File "{name}" is empty (0 bytes). Choose a file with content.',
  },
  'evidence.file.tooLarge': {
    vi: 'Tệp «{name}» có dung lượng {size}, vượt mức tối đa {limit}. Hãy nén hoặc chia nhỏ tệp rồi tải lên lại.',
    en: 'File "{name}" is {size}, over the limit of {limit}. Compress or split it and upload again.',
  },
  'evidence.file.sizeMismatch': {
    vi: 'Tệp «{name}» nhận được có dung lượng {actual}, khác với {declared} đã khai báo. Tệp đã bị xoá; hãy tải lên lại.',
    en: 'File "{name}" arrived with {actual}, not the {declared} declared. It was deleted; upload it again.',
  },
  'evidence.type.notAllowed': {
    vi: 'Tệp «{name}» không thuộc loại được chấp nhận. Chỉ nhận: {types}.',
    en: 'File "{name}" is not of an accepted type. Accepted: {types}.',
  },
  'evidence.type.mismatch': {
    vi: 'Nội dung tệp «{name}» không phải là {claimed} như tên hoặc loại tệp khai báo ({detected}). Tệp đã bị xoá. Chỉ nhận: {types}.',
    en: 'The content of "{name}" is not the {claimed} its name or type claims ({detected}). It was deleted. Accepted: {types}.',
  },
  'evidence.type.unknown': {
    vi: 'không nhận ra loại nội dung',
    en: 'unrecognised content',
  },
  'evidence.criteria.required': {
    vi: 'Hãy chọn ít nhất một tiêu chí mà tài liệu này chứng minh.',
    en: 'Choose at least one criterion this file is evidence for.',
  },
  'evidence.criteria.last': {
    vi: 'Không thể bỏ tiêu chí cuối cùng của tệp «{name}». Nếu tệp không còn dùng cho tiêu chí nào, hãy xoá tệp.',
    en: 'Cannot remove the last criterion of "{name}". If the file serves no criterion any more, delete it.',
  },
  'evidence.file.notFound': {
    vi: 'Không tìm thấy tài liệu kiểm chứng. Có thể tệp đã bị xoá; hãy tải lại trang.',
    en: 'Evidence file not found. It may have been deleted; reload the page.',
  },
  'evidence.file.otherUnit': {
    vi: 'Tài liệu này thuộc đơn vị khác. Bạn chỉ được xem và sửa tài liệu kiểm chứng của đơn vị mình.',
    en: 'This file belongs to another unit. You may only see and change your own unit’s evidence.',
  },
  'evidence.file.pending': {
    vi: 'Tệp «{name}» chưa được xác nhận tải lên xong. Hãy tải lên lại tệp.',
    en: 'File "{name}" has not been confirmed as uploaded. Upload it again.',
  },
  'evidence.file.alreadyConfirmed': {
    vi: 'Tệp «{name}» đã được kiểm tra và đính kèm rồi.',
    en: 'File "{name}" has already been checked and attached.',
  },
  'evidence.upload.missing': {
    vi: 'Chưa nhận được nội dung tệp «{name}» (có thể việc tải lên bị gián đoạn hoặc tệp lớn hơn dung lượng đã khai báo). Hãy tải lên lại.',
    en: 'The content of "{name}" has not arrived (the upload may have broken off, or the file is larger than declared). Upload it again.',
  },
  'evidence.upload.expired': {
    vi: 'Lượt tải lên tệp «{name}» đã quá lâu chưa được xác nhận nên đã hết hạn. Hãy tải lên lại tệp.',
    en: 'The upload of "{name}" was left unconfirmed too long and has expired. Upload the file again.',
  },
  'evidence.set.frozen': {
    vi: 'Bản tự đánh giá của đơn vị đã được gửi, nên tài liệu kiểm chứng không thể thêm, xoá hay thay đổi nữa.',
    en: 'The unit’s self-assessment has been submitted, so its evidence can no longer be added, deleted or changed.',
  },
  'evidence.criteria.notLeaf': {
    vi: 'Tiêu chí {codes} không phải tiêu chí thành phần mà đơn vị tự chấm trong bộ tiêu chí của kỳ này, nên không gắn được tài liệu kiểm chứng. Hãy tải lại trang rồi chọn lại tiêu chí.',
    en: "Criterion {codes} is not a leaf the unit scores in this period's criteria set, so no evidence can be attached to it. Reload the page and choose the criterion again.",
  },
  'evidence.period.notOpen': {
    vi: 'Kỳ đánh giá chưa mở cho đơn vị tự đánh giá, nên chưa tải hay thay đổi được tài liệu kiểm chứng. Hãy quay lại khi giai đoạn tự đánh giá bắt đầu.',
    en: 'The period is not open for self-assessment yet, so evidence cannot be uploaded or changed. Come back when self-assessment starts.',
  },
  'evidence.period.closed': {
    vi: 'Giai đoạn hiện tại của kỳ đánh giá không cho đơn vị thêm, xoá hay thay đổi tài liệu kiểm chứng.',
    en: 'The current phase of the period does not let the unit add, delete or change evidence.',
  },
  'evidence.clarification.notQuestioned': {
    vi: 'Tiêu chí {codes} không có câu hỏi giải trình của tổ thẩm định, nên trong giai đoạn giải trình không thêm được tài liệu kiểm chứng cho tiêu chí này. Chỉ bổ sung tài liệu cho các tiêu chí được hỏi.',
    en: 'Criterion {codes} has no clarification question from the appraisers, so no evidence can be added to it during clarification. Add evidence only to the questioned criteria.',
  },
  'evidence.clarification.submittedFile': {
    vi: 'Tệp «{name}» thuộc bản tự đánh giá đã gửi nên không thể xoá, gỡ hay gắn thêm trong giai đoạn giải trình. Hãy tải lên tệp mới cho tiêu chí được hỏi.',
    en: 'File "{name}" belongs to the submitted self-assessment, so it cannot be deleted, detached or attached during clarification. Upload a new file for the questioned criterion.',
  },
  'evidence.window.unavailable': {
    vi: 'Chưa kiểm tra được hạn nộp của đơn vị (dịch vụ đánh giá không phản hồi), nên chưa thay đổi được tài liệu kiểm chứng. Hãy thử lại sau ít phút.',
    en: "The unit's deadline could not be checked (the assessment service is not answering), so the evidence cannot be changed now. Try again in a few minutes.",
  },
  'evidence.storage.unavailable': {
    vi: 'Kho lưu trữ tài liệu tạm thời không phản hồi. Hãy thử lại sau ít phút.',
    en: 'The file store is not responding right now. Try again in a few minutes.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
