/** User-facing texts of consultations on draft policies and their moderated comments (issue 13). */
import type { Locale } from './locale';

export const consultationMessages = {
  'survey.consultation.notFound': {
    vi: 'Không tìm thấy dự thảo lấy ý kiến. Hãy tải lại danh sách.',
    en: 'Consultation not found. Reload the list.',
  },
  'survey.consultation.title': {
    vi: 'Hãy nhập tên dự thảo (tối đa 300 ký tự).',
    en: 'Enter the draft’s title (up to 300 characters).',
  },
  'survey.consultation.text': {
    vi: 'Hãy nhập nội dung dự thảo (tối đa 50.000 ký tự).',
    en: 'Enter the draft’s text (up to 50,000 characters).',
  },
  'survey.consultation.closesAt': {
    vi: 'Hãy chọn hạn góp ý là một thời điểm trong tương lai.',
    en: 'Choose a comment deadline in the future.',
  },
  'survey.consultation.unit': {
    vi: 'Hãy chọn đơn vị chủ trì dự thảo.',
    en: 'Choose the unit that owns the draft.',
  },
  'survey.consultation.unitUnknown': {
    vi: 'Không có đơn vị đang hoạt động nào mang mã {code}. Hãy nhập đúng mã của đơn vị chủ trì (xem danh mục «Đơn vị»).',
    en: 'No active unit has the code {code}. Enter the code of the unit that owns the draft (see «Units»).',
  },
  'survey.consultation.unitsUnavailable': {
    vi: 'Chưa kiểm tra được đơn vị với dịch vụ tài khoản. Hãy thử lại sau ít phút; dự thảo chưa được đăng.',
    en: 'The unit could not be checked with the accounts service. Try again in a few minutes; the draft was not posted.',
  },
  'survey.consultation.otherUnit': {
    vi: 'Dự thảo này thuộc đơn vị khác: bạn chỉ quản lý được dự thảo của đơn vị mình.',
    en: 'This draft belongs to another unit: you can manage only your own unit’s drafts.',
  },
  'survey.consultation.closed': {
    vi: 'Đã hết hạn góp ý cho dự thảo này (hạn cuối {closesAt}). Ý kiến không được ghi nhận.',
    en: 'The comment period for this draft ended ({closesAt}). Your comment was not recorded.',
  },
  'survey.consultation.stillOpen': {
    vi: 'Dự thảo còn đang lấy ý kiến đến {closesAt}. Hãy công bố báo cáo tiếp thu sau khi hết hạn góp ý.',
    en: 'The draft takes comments until {closesAt}. Publish the summary after the deadline.',
  },
  'survey.consultation.summary': {
    vi: 'Hãy nhập báo cáo tiếp thu, giải trình (tối đa 20.000 ký tự).',
    en: 'Enter the summary of what was taken on (up to 20,000 characters).',
  },
  'survey.attachment.notFound': {
    vi: 'Không tìm thấy tệp đính kèm. Có thể tệp đã bị gỡ; hãy tải lại trang.',
    en: 'Attachment not found. It may have been removed; reload the page.',
  },
  'survey.attachment.closed': {
    vi: 'Dự thảo đã hết hạn góp ý ({closesAt}) nên không thể thêm hoặc gỡ tệp đính kèm.',
    en: 'The draft’s comment period ended ({closesAt}), so attachments can no longer be added or removed.',
  },
  'survey.attachment.tooMany': {
    vi: 'Mỗi dự thảo có tối đa {max} tệp đính kèm. Hãy gỡ bớt tệp không cần thiết rồi tải lên lại.',
    en: 'A draft has at most {max} attachments. Remove one you no longer need, then upload again.',
  },
  'survey.comment.text': {
    vi: 'Hãy nhập ý kiến góp ý (từ 1 đến 2.000 ký tự).',
    en: 'Enter your comment (1 to 2,000 characters).',
  },
  'survey.comment.name': {
    vi: 'Họ tên hoặc tên tổ chức tối đa 100 ký tự; có thể để trống.',
    en: 'Name or organisation up to 100 characters; it may be left empty.',
  },
  'survey.comment.notFound': {
    vi: 'Không tìm thấy ý kiến này. Hãy tải lại danh sách ý kiến.',
    en: 'Comment not found. Reload the comments.',
  },
  'survey.comment.alreadyModerated': {
    vi: 'Ý kiến này đã được người khác duyệt hoặc từ chối. Hãy tải lại danh sách ý kiến.',
    en: 'Someone has already approved or rejected this comment. Reload the comments.',
  },
  'survey.comment.reason': {
    vi: 'Hãy nêu lý do từ chối (từ 1 đến 500 ký tự).',
    en: 'Give the reason for rejecting (1 to 500 characters).',
  },
} as const satisfies Record<string, Record<Locale, string>>;
