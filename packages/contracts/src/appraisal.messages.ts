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
} as const satisfies Record<string, Record<Locale, string>>;
