/** User-facing texts of citizens' questions to units and their answers (issue 13). */
import type { Locale } from './locale';

export const questionMessages = {
  'survey.question.notFound': {
    vi: 'Không tìm thấy câu hỏi. Có thể đường dẫn đã cũ; hãy tải lại danh sách.',
    en: 'Question not found. The link may be outdated; reload the list.',
  },
  'survey.question.unit': {
    vi: 'Hãy chọn đơn vị nhận câu hỏi.',
    en: 'Choose the unit the question is for.',
  },
  'survey.question.unknownUnit': {
    vi: 'Không có đơn vị mã «{unit}». Hãy chọn đơn vị trong danh sách.',
    en: 'There is no unit with code "{unit}". Choose a unit from the list.',
  },
  'survey.question.unitsUnavailable': {
    vi: 'Chưa kiểm tra được đơn vị nhận câu hỏi. Nội dung vẫn còn trên trang: hãy thử gửi lại sau ít phút.',
    en: 'The receiving unit could not be checked. Your text is still on the page: try again in a few minutes.',
  },
  'survey.question.title': {
    vi: 'Hãy nhập tiêu đề câu hỏi (từ 1 đến 200 ký tự).',
    en: 'Enter the question’s title (1 to 200 characters).',
  },
  'survey.question.text': {
    vi: 'Hãy nhập nội dung câu hỏi (từ 1 đến 4.000 ký tự).',
    en: 'Enter the question (1 to 4,000 characters).',
  },
  'survey.question.otherUnit': {
    vi: 'Câu hỏi này thuộc đơn vị khác: bạn chỉ xử lý được câu hỏi gửi đơn vị mình.',
    en: 'This question belongs to another unit: you can handle only your own unit’s questions.',
  },
  'survey.question.routeNote': {
    vi: 'Hãy ghi lý do chuyển câu hỏi (từ 1 đến 500 ký tự).',
    en: 'Give the reason for routing the question (1 to 500 characters).',
  },
  'survey.question.sameUnit': {
    vi: 'Câu hỏi đang ở đơn vị {unit}. Hãy chọn một đơn vị khác để chuyển.',
    en: 'The question is already at {unit}. Choose another unit to route it to.',
  },
  'survey.question.answer': {
    vi: 'Hãy nhập nội dung trả lời (từ 1 đến 10.000 ký tự).',
    en: 'Enter the answer (1 to 10,000 characters).',
  },
  'survey.question.rejectReason': {
    vi: 'Hãy nêu lý do từ chối (từ 1 đến 500 ký tự), ví dụ: quảng cáo, lời lẽ xúc phạm.',
    en: 'Give the reason for rejecting (1 to 500 characters), e.g. spam, offensive language.',
  },
  'survey.question.version': {
    vi: 'Thiếu phiên bản của câu hỏi. Hãy tải lại câu hỏi rồi thử lại.',
    en: 'The question’s version is missing. Reload the question and try again.',
  },
  'survey.question.stale': {
    vi: 'Câu hỏi vừa được người khác thay đổi. Hãy xem lại nội dung hiện tại rồi thử lại.',
    en: 'Someone else has just changed this question. Check it as it is now and try again.',
  },
  'survey.question.state': {
    vi: 'Câu hỏi đang ở trạng thái «{status}» nên không thể {what}. Hãy tải lại danh sách.',
    en: 'The question is "{status}", so it cannot be {what}. Reload the list.',
  },
  'survey.question.noAnswer': {
    vi: 'Câu hỏi chưa có nội dung trả lời. Hãy trả lời trước khi công bố.',
    en: 'The question has no answer yet. Answer it before publishing.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
