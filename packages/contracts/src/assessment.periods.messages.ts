/** User-facing texts of the period domain (periods, phases, deadlines, progress). */
import type { Locale } from './locale';

export const periodMessages = {
  'period.name.length': {
    vi: 'Tên đợt đánh giá cần từ 2 đến 200 ký tự.',
    en: 'A period name needs 2 to 200 characters.',
  },
  'period.year.invalid': {
    vi: 'Năm đánh giá phải là một năm từ 2000 đến 2100.',
    en: 'The year must be between 2000 and 2100.',
  },
  'period.time.invalid': {
    vi: 'Thời điểm không hợp lệ. Hãy nhập ngày giờ dạng 2026-03-01T08:00 (giờ Việt Nam).',
    en: 'Not a valid time. Enter a date and time such as 2026-03-01T08:00 (Vietnam time).',
  },
  'period.phase.unknown': {
    vi: 'Giai đoạn không hợp lệ. Hãy chọn một giai đoạn trong danh sách.',
    en: 'Unknown phase. Choose one from the list.',
  },
  'period.phases.required': {
    vi: 'Hãy nhập thời gian cho các giai đoạn của đợt đánh giá.',
    en: 'Enter the times of the period’s phases.',
  },
  'period.phase.missing': {
    vi: 'Thiếu giai đoạn «{phase}». Hãy nhập thời điểm bắt đầu và kết thúc cho giai đoạn này.',
    en: 'Phase "{phase}" is missing. Enter its start and end.',
  },
  'period.phase.duplicate': {
    vi: 'Giai đoạn «{phase}» được nhập hai lần. Mỗi giai đoạn chỉ có một khoảng thời gian.',
    en: 'Phase "{phase}" appears twice. Each phase has one time span.',
  },
  'period.phase.order': {
    vi: 'Các giai đoạn phải theo đúng thứ tự: chuẩn bị, chạy thử, tự đánh giá, thẩm định vòng 1, giải trình, thẩm định vòng 2, tổng hợp, công bố.',
    en: 'Phases must come in order: set-up, trial, self-assessment, appraisal round 1, clarification, appraisal round 2, consolidation, published.',
  },
  'period.phase.endRequired': {
    vi: 'Giai đoạn «{phase}» cần thời điểm kết thúc.',
    en: 'Phase "{phase}" needs an end time.',
  },
  'period.phase.endBeforeStart': {
    vi: 'Giai đoạn «{phase}»: thời điểm kết thúc ({end}) phải sau thời điểm bắt đầu ({start}).',
    en: 'Phase "{phase}": the end ({end}) must be after the start ({start}).',
  },
  'period.phase.overlap': {
    vi: 'Giai đoạn «{phase}» bắt đầu lúc {start}, trước khi giai đoạn «{previous}» kết thúc ({end}). Các giai đoạn không được chồng lên nhau.',
    en: 'Phase "{phase}" starts at {start}, before phase "{previous}" ends ({end}). Phases may not overlap.',
  },
  'period.phase.past': {
    vi: 'Giai đoạn «{phase}» đã bắt đầu nên không thể đổi thời gian của nó.',
    en: 'Phase "{phase}" has already started; its times can no longer change.',
  },
  'period.criteriaSets.required': {
    vi: 'Hãy chọn bộ tiêu chí cho ít nhất một nhóm đơn vị.',
    en: 'Choose a criteria set for at least one unit group.',
  },
  'period.criteriaSet.duplicateGroup': {
    vi: 'Nhóm đơn vị «{group}» được chọn hai lần. Mỗi nhóm chỉ dùng một bộ tiêu chí.',
    en: 'Unit group "{group}" is chosen twice. Each group uses one criteria set.',
  },
  'period.criteriaSet.notFound': {
    vi: 'Không tìm thấy bộ tiêu chí đã chọn cho nhóm «{group}». Hãy chọn lại.',
    en: 'The criteria set chosen for group "{group}" does not exist. Choose again.',
  },
  'period.criteriaSet.wrongIndex': {
    vi: 'Bộ tiêu chí «{name}» thuộc chỉ số {setIndex} năm {setYear}, không phải chỉ số {index} năm {year} của đợt này. Hãy chọn bộ tiêu chí đúng chỉ số và năm.',
    en: 'Criteria set "{name}" belongs to index {setIndex} {setYear}, not to this period’s {index} {year}. Choose a set of the right index and year.',
  },
  'period.criteriaSet.wrongGroup': {
    vi: 'Bộ tiêu chí «{name}» dành cho nhóm «{setGroup}», không phải nhóm «{group}».',
    en: 'Criteria set "{name}" is for group "{setGroup}", not "{group}".',
  },
  'period.criteriaSet.invalid': {
    vi: 'Bộ tiêu chí «{name}» chưa hợp lệ. Hãy sửa các lỗi trong bộ tiêu chí trước khi dùng nó cho đợt đánh giá.',
    en: 'Criteria set "{name}" is not valid. Fix its errors before using it in a period.',
  },
  'period.criteriaSet.missingForGroup': {
    vi: 'Nhóm đơn vị «{group}» có đơn vị tham gia ({unit}) nhưng chưa có bộ tiêu chí. Hãy chọn bộ tiêu chí cho nhóm này hoặc bỏ các đơn vị của nhóm.',
    en: 'Unit group "{group}" has participating units ({unit}) but no criteria set. Choose a set for it or remove its units.',
  },
  'period.units.empty': {
    vi: 'Không có đơn vị nào thuộc các nhóm đã chọn. Hãy chọn nhóm có đơn vị hoặc thêm đơn vị vào nhóm.',
    en: 'No unit belongs to the chosen groups. Choose groups that have units, or add units to them.',
  },
  'period.unit.notFound': {
    vi: 'Không tìm thấy đơn vị «{code}» trong các nhóm đã chọn. Hãy chọn đơn vị trong danh sách.',
    en: 'Unit "{code}" is not in the chosen groups. Choose a unit from the list.',
  },
  'period.notFound': {
    vi: 'Không tìm thấy đợt đánh giá. Có thể đường dẫn đã cũ; hãy tải lại danh sách.',
    en: 'Assessment period not found. The link may be outdated; reload the list.',
  },
  'period.changed': {
    vi: 'Đợt đánh giá vừa được thay đổi (bởi người khác hoặc do đến giờ chuyển giai đoạn). Hãy tải lại rồi thử lại.',
    en: 'The period has just changed (by someone else, or a phase started). Reload and try again.',
  },
  'period.notInSetup': {
    vi: 'Chỉ sửa được đợt đánh giá khi đang ở giai đoạn chuẩn bị. Để lùi thời hạn cho một đơn vị, hãy dùng «Gia hạn».',
    en: 'A period can only be edited during set-up. To give one unit more time, use "Extend".',
  },
  'period.start.missingSets': {
    vi: 'Chưa thể bắt đầu đợt đánh giá: nhóm đơn vị {groups} chưa có bộ tiêu chí (hoặc bộ tiêu chí đã chọn không còn). Hãy sửa đợt đánh giá, chọn bộ tiêu chí cho từng nhóm rồi chuyển giai đoạn lại.',
    en: 'The period cannot start yet: unit group(s) {groups} have no criteria set (or the chosen set no longer exists). Edit the period, choose a set for each group, then move to the next phase again.',
  },
  'period.start.invalidSets': {
    vi: 'Chưa thể bắt đầu đợt đánh giá: bộ tiêu chí {names} chưa hợp lệ. Hãy sửa các lỗi trong bộ tiêu chí rồi chuyển giai đoạn lại.',
    en: 'The period cannot start yet: criteria set(s) {names} are not valid. Fix their errors, then move to the next phase again.',
  },
  'period.round1.notReady': {
    vi: 'Chưa thể bắt đầu thẩm định vòng 1: {blockers}. Hãy xử lý ở trang «Phân công thẩm định» của đợt (phân công thêm, bỏ phân công trùng, quyết định cho đơn vị nộp muộn) rồi chuyển giai đoạn lại.',
    en: 'Appraisal round 1 cannot start yet: {blockers}. Resolve them on the period’s "Appraiser assignments" page (assign the missing, remove the duplicates, decide the late units), then move to the next phase again.',
  },
  'period.round1.gaps': {
    vi: '{count} tiêu chí của các đơn vị chưa có người thẩm định',
    en: '{count} unit criteria have no appraiser',
  },
  'period.round1.overlaps': {
    vi: '{count} tiêu chí có hơn một người thẩm định',
    en: '{count} unit criteria have more than one appraiser',
  },
  'period.round1.lateUnits': {
    vi: '{count} đơn vị không nộp đúng hạn chưa được quyết định ({codes})',
    en: '{count} late units have no decision ({codes})',
  },
  'period.round1.unavailable': {
    vi: 'Chưa kiểm tra được phân công thẩm định (dịch vụ thẩm định chưa phản hồi) nên chưa mở vòng 1. Hãy thử lại sau ít phút.',
    en: 'The appraiser assignments could not be checked (the appraisal service did not answer), so round 1 did not open. Try again in a few minutes.',
  },
  'period.lastPhase': {
    vi: 'Đợt đánh giá đã ở giai đoạn cuối (công bố), không còn giai đoạn tiếp theo.',
    en: 'The period is in its last phase (published); there is no next phase.',
  },
  'extension.phase.invalid': {
    vi: 'Chỉ gia hạn được giai đoạn tự đánh giá hoặc giải trình.',
    en: 'Only the self-assessment or clarification deadline can be extended.',
  },
  'extension.phase.notInPeriod': {
    vi: 'Đợt đánh giá này không có giai đoạn «{phase}».',
    en: 'This period has no "{phase}" phase.',
  },
  'extension.notAfterDeadline': {
    vi: 'Hạn mới ({endsAt}) phải sau hạn chung của giai đoạn «{phase}» ({deadline}).',
    en: 'The new deadline ({endsAt}) must be after the common deadline of "{phase}" ({deadline}).',
  },
  'extension.outsidePeriod': {
    vi: 'Hạn mới ({endsAt}) phải nằm trong đợt đánh giá, trước khi công bố kết quả ({periodEnd}).',
    en: 'The new deadline ({endsAt}) must be within the period, before the results are published ({periodEnd}).',
  },
  'extension.unit.notParticipating': {
    vi: 'Đơn vị «{code}» không tham gia đợt đánh giá này.',
    en: 'Unit "{code}" does not take part in this period.',
  },
  'extension.reason.required': {
    vi: 'Hãy ghi lý do gia hạn (từ 5 đến 1000 ký tự).',
    en: 'Give the reason for the extension (5 to 1000 characters).',
  },
  'audit.periodId.format': {
    vi: 'Mã đợt đánh giá không hợp lệ (24 ký tự 0–9, a–f). Hãy mở lịch sử từ trang của đợt.',
    en: 'Invalid period id (24 characters 0–9, a–f). Open the history from the period’s page.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
