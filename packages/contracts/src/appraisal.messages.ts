/** User-facing texts of appraiser assignments, coverage and late-unit decisions (issue 11). */
import type { Locale } from './locale';

export const appraisalMessages = {
  'assignment.notFound': {
    vi: 'Không tìm thấy phân công thẩm định. Có thể người khác vừa xoá; hãy tải lại danh sách.',
    en: 'Appraisal assignment not found. Someone may have deleted it; reload the list.',
  },
  'assignment.version.stale': {
    vi: 'Phân công này vừa được người khác thay đổi. Hãy tải lại để xem bản mới rồi sửa lại.',
    en: 'Someone else has just changed this assignment. Reload it to see the new version, then edit again.',
  },
  'assignment.appraisers.required': {
    vi: 'Hãy chọn từ 1 đến 20 người thẩm định.',
    en: 'Choose 1 to 20 appraisers.',
  },
  'assignment.appraiser.unknown': {
    vi: '«{appraiser}» không phải tài khoản thẩm định đang hoạt động (cần vai trò thẩm định). Hãy chọn người khác hoặc cấp vai trò ở mục Tài khoản.',
    en: '"{appraiser}" is not an enabled appraiser account (the appraisal role is needed). Choose another or grant the role under Accounts.',
  },
  'assignment.criteria.required': {
    vi: 'Hãy chọn ít nhất một lĩnh vực hoặc tiêu chí.',
    en: 'Choose at least one area or criterion.',
  },
  'assignment.criterion.unknown': {
    vi: 'Mã tiêu chí «{code}» không có trong bộ tiêu chí nào của đợt này. Hãy kiểm tra lại mã.',
    en: 'Criterion code "{code}" is in none of this period\'s criteria sets. Check the code.',
  },
  'assignment.units.required': {
    vi: 'Hãy chọn đơn vị được thẩm định: danh sách đơn vị, một nhóm đơn vị, hoặc các đơn vị trực thuộc một đơn vị.',
    en: 'Choose the units appraised: a list of units, a unit group, or the units below one unit.',
  },
  'assignment.unit.unknown': {
    vi: 'Đơn vị «{code}» không tham gia đợt đánh giá này. Hãy bỏ mã đó hoặc sửa lại.',
    en: 'Unit "{code}" does not take part in this period. Remove or correct that code.',
  },
  'assignment.group.unknown': {
    vi: 'Nhóm đơn vị «{group}» không có đơn vị nào tham gia đợt này. Hãy chọn nhóm khác.',
    en: 'Unit group "{group}" has no unit taking part in this period. Choose another group.',
  },
  'assignment.subtree.empty': {
    vi: 'Không có đơn vị tham gia nào thuộc «{code}». Hãy chọn đơn vị cấp trên khác hoặc chọn «gồm cả đơn vị gốc».',
    en: 'No participating unit lies below "{code}". Choose another parent unit, or include the root itself.',
  },
  'assignment.period.closed': {
    vi: 'Đợt đánh giá đã sang giai đoạn «{phase}»: phân công thẩm định chỉ sửa được trước khi vòng thẩm định 1 bắt đầu.',
    en: 'The period is in phase "{phase}": assignments can only change before appraisal round 1 starts.',
  },
  'assignment.scope.unavailable': {
    vi: 'Chưa lấy được thông tin đợt đánh giá từ dịch vụ đánh giá. Hãy thử lại sau ít phút.',
    en: 'The period could not be read from the assessment service. Try again in a few minutes.',
  },
  'lateUnit.decision.invalid': {
    vi: 'Hãy chọn «Thẩm định trên dữ liệu đã lưu» hoặc «Chấm 0 điểm».',
    en: 'Choose "appraise on the saved data" or "score zero".',
  },
  'lateUnit.reason.required': {
    vi: 'Hãy ghi lý do quyết định (từ 5 đến 1000 ký tự).',
    en: 'Give the reason for the decision (5 to 1000 characters).',
  },
  'lateUnit.notLate': {
    vi: 'Đơn vị «{code}» đã nộp hoặc chưa hết hạn tự đánh giá ({deadline}): chỉ quyết định được với đơn vị quá hạn chưa nộp.',
    en: 'Unit "{code}" has submitted or its self-assessment deadline ({deadline}) has not passed: only a late unit that did not submit can be decided.',
  },
  'lateUnit.version.stale': {
    vi: 'Quyết định về đơn vị «{code}» vừa được người khác ghi. Hãy tải lại để xem rồi quyết định lại nếu cần.',
    en: 'Someone else has just recorded a decision for unit "{code}". Reload to see it, then decide again if needed.',
  },
  'assignmentImport.file.unsupported': {
    vi: 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx). Hãy lưu tệp ở một trong hai dạng đó.',
    en: 'Only CSV (UTF-8) or Excel (.xlsx) files are accepted. Save the file in one of those.',
  },
  'assignmentImport.file.empty': {
    vi: 'Tệp không có dòng phân công nào dưới dòng tiêu đề.',
    en: 'The file has no assignment rows under its header.',
  },
  'assignmentImport.file.tooLarge': {
    vi: 'Tệp ({size}) vượt quá 2 MB. Hãy chia thành nhiều tệp.',
    en: 'The file ({size}) is over 2 MB. Split it into several files.',
  },
  'assignmentImport.file.unpackedTooLarge': {
    vi: 'Tệp Excel khi giải nén quá lớn. Hãy lưu lại chỉ với bảng phân công.',
    en: 'The Excel file is too large once unpacked. Save it with the assignments sheet only.',
  },
  'assignmentImport.file.tooManyRows': {
    vi: 'Tệp có {count} dòng, vượt quá 2.000 dòng. Hãy chia thành nhiều tệp.',
    en: 'The file has {count} rows, over 2,000. Split it into several files.',
  },
  'assignmentImport.header.missing': {
    vi: 'Không tìm thấy cột {columns} ở dòng tiêu đề. Hãy dùng tệp mẫu từ «Xuất tệp».',
    en: 'Column(s) {columns} are missing from the header row. Start from a file made by "Export".',
  },
  'assignmentImport.cell': {
    vi: 'Dòng {row}, cột «{column}»: {message}',
    en: 'Row {row}, column "{column}": {message}',
  },
  'assignmentImport.units.oneOf': {
    vi: 'Hãy điền đúng một trong ba cột «Mã đơn vị», «Nhóm đơn vị», «Đơn vị cấp trên».',
    en: 'Fill exactly one of the three columns "Unit codes", "Unit group", "Parent unit".',
  },
  'assignmentImport.invalid': {
    vi: 'Tệp có {count} lỗi ở {rows} dòng; chưa nhập phân công nào. Lỗi đầu tiên: {first}',
    en: 'The file has {count} error(s) on {rows} row(s); nothing was imported. First: {first}',
  },
  'appraisal.unit.notFound': {
    vi: 'Đơn vị này không có trong phân công thẩm định của bạn ở đợt này. Hãy mở đơn vị từ danh sách được giao.',
    en: 'This unit is not in your appraisal assignments for this period. Open a unit from your worklist.',
  },
  'appraisal.entry.notFound': {
    vi: 'Tiêu chí «{code}» của đơn vị này không được giao cho bạn thẩm định. Hãy chọn tiêu chí trong danh sách được giao.',
    en: 'Criterion "{code}" of this unit is not assigned to you. Choose a criterion from your list.',
  },
  'appraisal.round.invalid': {
    vi: 'Vòng thẩm định phải là 1 hoặc 2.',
    en: 'The appraisal round must be 1 or 2.',
  },
  'appraisal.round.notOpen': {
    vi: 'Vòng thẩm định {round} chưa mở (đợt đang ở giai đoạn «{phase}»). Hãy chờ đến khi vòng bắt đầu.',
    en: 'Appraisal round {round} is not open (the period is in phase "{phase}"). Wait until the round starts.',
  },
  'appraisal.round.closed': {
    vi: 'Vòng thẩm định {round} đã kết thúc (đợt đang ở giai đoạn «{phase}»); không sửa được nữa.',
    en: 'Appraisal round {round} is over (the period is in phase "{phase}"); it can no longer change.',
  },
  'appraisal.round.sent': {
    vi: 'Bạn đã gửi kết quả vòng {round} lúc {time} ngày {date}; không sửa được nữa. Nếu cần sửa, hãy đề nghị Sở Nội vụ mở lại vòng.',
    en: 'You sent round {round} at {time} on {date}; it can no longer change. Ask the Department of Home Affairs to reopen it if needed.',
  },
  'appraisal.round.notSent': {
    vi: 'Người thẩm định này chưa gửi vòng {round}; không có gì để mở lại.',
    en: 'This appraiser has not sent round {round}; there is nothing to reopen.',
  },
  'appraisal.round.gaps': {
    vi: 'Còn {count} tiêu chí chưa thẩm định (đầu tiên: đơn vị {unitCode}, tiêu chí {criterionCode}). Hãy chấm hết rồi gửi lại.',
    en: '{count} entries are not appraised yet (first: unit {unitCode}, criterion {criterionCode}). Appraise them all, then send again.',
  },
  'appraisal.round.nothingAssigned': {
    vi: 'Bạn không được giao thẩm định tiêu chí nào trong đợt này.',
    en: 'You have no appraisal assigned in this period.',
  },
  'appraisal.unit.notReady': {
    vi: 'Đơn vị «{code}» chưa nộp bản tự đánh giá và chưa có quyết định xử lý đơn vị nộp muộn (hoặc đã bị chấm 0 điểm); chưa thẩm định được.',
    en: 'Unit "{code}" has not submitted and has no late-unit decision (or is scored zero); it cannot be appraised yet.',
  },
  'appraisal.unit.openRace': {
    vi: 'Đơn vị «{code}» vừa thay đổi trạng thái nộp bài. Hãy tải lại trang.',
    en: 'Unit "{code}" has just changed its submission. Reload the page.',
  },
  'appraisal.score.invalid': {
    vi: 'Điểm thẩm định chưa hợp lệ: {reason}',
    en: 'The appraisal score is not valid: {reason}',
  },
  'appraisal.reason.required': {
    vi: 'Điểm thẩm định ({score}) khác {against} ({other}): hãy ghi lý do.',
    en: 'The appraisal score ({score}) differs from {against} ({other}): give a reason.',
  },
  'appraisal.reason.againstSelf': { vi: 'điểm tự chấm', en: 'the self-score' },
  'appraisal.reason.againstRound1': { vi: 'điểm thẩm định vòng 1', en: 'the round-1 score' },
  'appraisal.entry.stale': {
    vi: 'Tiêu chí «{code}» vừa được người khác lưu. Hãy xem bản mới rồi sửa lại.',
    en: 'Criterion "{code}" has just been saved by someone else. See the new version, then edit again.',
  },
  'appraisal.text.tooLong': {
    vi: 'Nội dung dài quá 5000 ký tự. Hãy rút gọn.',
    en: 'The text is over 5,000 characters. Shorten it.',
  },
  'appraisal.question.required': {
    vi: 'Hãy ghi câu hỏi (ít nhất 5 ký tự).',
    en: 'Write the question (at least 5 characters).',
  },
  'appraisal.question.round1Only': {
    vi: 'Chỉ đặt câu hỏi giải trình được trong vòng thẩm định 1 (đợt đang ở giai đoạn «{phase}»).',
    en: 'Clarification questions can only be asked in appraisal round 1 (the period is in phase "{phase}").',
  },
  'appraisal.question.answered': {
    vi: 'Đơn vị đã trả lời câu hỏi này; không sửa câu hỏi được nữa.',
    en: 'The unit has answered this question; it can no longer change.',
  },
  'appraisal.question.notFound': {
    vi: 'Không có câu hỏi giải trình nào cho tiêu chí «{code}» của đơn vị bạn.',
    en: 'There is no clarification question on criterion "{code}" for your unit.',
  },
  'appraisal.answer.required': {
    vi: 'Hãy ghi nội dung giải trình.',
    en: 'Write the answer.',
  },
  'appraisal.answer.notOpen': {
    vi: 'Chỉ trả lời câu hỏi giải trình được trong giai đoạn giải trình (đợt đang ở giai đoạn «{phase}»).',
    en: 'Questions can only be answered in the clarification phase (the period is in phase "{phase}").',
  },
  'appraisal.answer.stale': {
    vi: 'Câu trả lời cho tiêu chí «{code}» vừa được người khác lưu. Hãy xem bản mới rồi sửa lại.',
    en: 'The answer on criterion "{code}" has just been saved by someone else. See it, then edit again.',
  },
  'appraisal.reopen.reason': {
    vi: 'Hãy ghi lý do mở lại vòng (từ 5 đến 1000 ký tự).',
    en: 'Give the reason for reopening the round (5 to 1000 characters).',
  },
  'appraisal.round1.notReady': {
    vi: 'Chưa bắt đầu được vòng thẩm định 1: còn {gaps} tiêu chí chưa phân công, {overlaps} tiêu chí phân công trùng, {late} đơn vị nộp muộn chưa quyết định ({units}). Hãy hoàn tất phân công thẩm định.',
    en: 'Appraisal round 1 cannot start: {gaps} entries unassigned, {overlaps} assigned twice, {late} late units undecided ({units}). Complete the appraisal assignments.',
  },
  'appraisal.unavailable': {
    vi: 'Chưa lấy được dữ liệu thẩm định. Hãy thử lại sau ít phút.',
    en: 'The appraisal data could not be read. Try again in a few minutes.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
