/** User-facing texts of a unit's self-assessment (entries, submission, withdrawal). */
import type { Locale } from './locale';

export const selfAssessmentMessages = {
  'selfAssessment.unit.none': {
    vi: 'Tài khoản của bạn chưa được gắn với đơn vị nào nên không thể tự đánh giá. Hãy liên hệ Sở Nội vụ để được gắn đơn vị.',
    en: 'Your account is bound to no unit, so it cannot self-assess. Ask the Department of Home Affairs to bind it to your unit.',
  },
  'selfAssessment.unit.other': {
    vi: 'Bạn chỉ xem và nhập được bản tự đánh giá của đơn vị mình.',
    en: "You can only see and fill in your own unit's self-assessment.",
  },
  'selfAssessment.period.notFound': {
    vi: 'Không tìm thấy kỳ đánh giá này, hoặc đơn vị của bạn không tham gia kỳ này. Hãy quay lại danh sách kỳ đánh giá.',
    en: 'This period was not found, or your unit does not take part in it. Go back to the list of periods.',
  },
  'selfAssessment.notOpen': {
    vi: 'Kỳ đánh giá chưa đến giai đoạn tự đánh giá (bắt đầu lúc {time} ngày {date}). Hãy quay lại khi giai đoạn mở.',
    en: 'The period has not reached self-assessment yet (it starts at {time} on {date}). Come back when it opens.',
  },
  'selfAssessment.phaseClosed': {
    vi: 'Giai đoạn hiện tại ({phase}) không cho đơn vị sửa bản tự đánh giá.',
    en: 'The current phase ({phase}) does not let the unit change its self-assessment.',
  },
  'selfAssessment.submitted': {
    vi: 'Bản tự đánh giá đã được gửi nên không sửa được. Nếu cần sửa, lãnh đạo đơn vị hãy rút lại bản đã gửi (khi thẩm định viên chưa mở và chưa hết hạn).',
    en: 'The self-assessment has been submitted, so it cannot be changed. To correct it, the unit approver must withdraw it (before an appraiser opens it and before the deadline).',
  },
  'entry.afterSubmission': {
    vi: 'Thay đổi ở tiêu chí {code} chưa được lưu: bản tự đánh giá đã được {name} gửi lúc {time} ngày {date}, nên không nhận thêm thay đổi. Nếu cần sửa, lãnh đạo đơn vị hãy rút lại bản đã gửi (khi thẩm định viên chưa mở và chưa hết hạn) rồi nhập lại.',
    en: 'The change to criterion {code} was not saved: {name} submitted the self-assessment at {time} on {date}, so it takes no more changes. To correct it, the unit approver must withdraw the submission (before an appraiser opens it and before the deadline), then enter it again.',
  },
  'selfAssessment.notSubmitted': {
    vi: 'Bản tự đánh giá chưa được gửi nên không có gì để rút lại.',
    en: 'The self-assessment has not been submitted, so there is nothing to withdraw.',
  },
  'selfAssessment.incomplete': {
    vi: 'Chưa gửi được: còn {count} tiêu chí chưa hoàn thành ({codes}). Hãy chấm điểm, giải trình và đính kèm tài liệu kiểm chứng (hoặc giải trình lý do thiếu) cho các tiêu chí này.',
    en: 'Cannot submit yet: {count} criteria are incomplete ({codes}). Score them, explain them and attach evidence (or explain why it is missing).',
  },
  'selfAssessment.incomplete.leaf': {
    vi: 'Tiêu chí {code} còn thiếu: {gaps}.',
    en: 'Criterion {code} still lacks: {gaps}.',
  },
  'selfAssessment.gap.score': { vi: 'điểm tự chấm', en: 'a self-score' },
  'selfAssessment.gap.explanation': { vi: 'giải trình', en: 'an explanation' },
  'selfAssessment.gap.evidence': {
    vi: 'tài liệu kiểm chứng (hoặc giải trình lý do thiếu)',
    en: 'evidence (or why it is missing)',
  },
  'selfAssessment.openedByAppraiser': {
    vi: 'Không rút lại được: thẩm định viên đã mở bản tự đánh giá lúc {time} ngày {date}. Nếu cần điều chỉnh, hãy trao đổi với Hội đồng thẩm định.',
    en: 'Cannot withdraw: an appraiser opened the self-assessment at {time} on {date}. To change something, contact the appraisal council.',
  },
  'selfAssessment.changed': {
    vi: 'Trạng thái bản tự đánh giá vừa được người khác thay đổi. Hãy tải lại trang để xem rồi thử lại.',
    en: 'Someone else has just changed the state of this self-assessment. Reload the page and try again.',
  },
  'selfAssessment.withdraw.reason': {
    vi: 'Hãy nêu lý do rút lại (từ 5 đến 1000 ký tự).',
    en: 'Give the reason for withdrawing (5 to 1000 characters).',
  },
  'entry.criterion.notFound': {
    vi: 'Tiêu chí {code} không có trong bộ tiêu chí của đơn vị, hoặc không phải tiêu chí thành phần để chấm. Hãy tải lại trang.',
    en: "Criterion {code} is not in the unit's criteria set, or is not a leaf to score. Reload the page.",
  },
  'entry.filledElsewhere': {
    vi: 'Điểm của tiêu chí {code} được lấy từ {source}, đơn vị không tự chấm; chỉ nhập giải trình.',
    en: 'The score of criterion {code} comes from {source}; the unit does not score it, only explains.',
  },
  'entry.score.invalid': {
    vi: 'Điểm của tiêu chí {code} không hợp lệ: {reason}',
    en: 'The score of criterion {code} is not valid: {reason}',
  },
  'entry.explanation.tooLong': {
    vi: 'Giải trình dài quá 5.000 ký tự. Hãy rút gọn, hoặc đưa phần chi tiết vào tài liệu kiểm chứng.',
    en: 'The explanation is over 5,000 characters. Shorten it, or put the details in an evidence file.',
  },
  'entry.score.reason.noRule': {
    vi: 'tiêu chí chưa có cách chấm trong bộ tiêu chí. Hãy báo Sở Nội vụ.',
    en: 'the criterion has no scoring rule in the set. Tell the Department of Home Affairs.',
  },
  'entry.score.reason.notHundredths': {
    vi: 'hãy nhập một số không âm, tối đa hai chữ số thập phân.',
    en: 'enter a non-negative number with at most two decimals.',
  },
  'entry.score.reason.outOfRange': {
    vi: 'hãy nhập một số từ {min} đến {max}.',
    en: 'enter a number from {min} to {max}.',
  },
  'entry.score.reason.offStep': {
    vi: 'hãy nhập một số từ {min} đến {max}, theo bước {step} (ví dụ {min}, {next}, …).',
    en: 'enter a number from {min} to {max} in steps of {step} (e.g. {min}, {next}, …).',
  },
  'entry.score.reason.unknownOption': {
    vi: 'lựa chọn này không có trong bộ tiêu chí. Hãy chọn lại trong danh sách.',
    en: 'this option is not in the criteria set. Choose again from the list.',
  },
  'entry.score.reason.zeroDenominator': {
    vi: 'mẫu số phải lớn hơn 0.',
    en: 'the denominator must be above 0.',
  },
  'entry.score.reason.numeratorAboveDenominator': {
    vi: 'tử số không được lớn hơn mẫu số.',
    en: 'the numerator cannot be above the denominator.',
  },
  'entry.inputs.notExpected': {
    vi: 'Tiêu chí {code} không nhận trường «{field}»; hãy tải lại trang.',
    en: 'Criterion {code} does not take the field "{field}"; reload the page.',
  },
  'selfAssessment.unit.name': {
    vi: 'Hãy chọn đơn vị cần xem.',
    en: 'Choose the unit to look at.',
  },
  'selfAssessment.evidence.unavailable': {
    vi: 'Chưa kiểm tra được tài liệu kiểm chứng (dịch vụ tài liệu không phản hồi). Hãy thử lại sau ít phút.',
    en: 'The evidence files could not be checked (the evidence service is not answering). Try again in a few minutes.',
  },
  'entry.changed': {
    vi: 'Tiêu chí {code} vừa được {name} lưu với nội dung khác. Hãy xem hai bản và chọn bản giữ lại.',
    en: 'Criterion {code} was just saved by {name} with other content. Compare both and choose which to keep.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
