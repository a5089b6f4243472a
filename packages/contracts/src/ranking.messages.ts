/** User-facing texts of consolidation, band tables and the survey results import (issue 12). */
import type { Locale } from './locale';

export const rankingMessages = {
  'ranking.bands.invalid': {
    vi: 'Bảng xếp loại chưa hợp lệ: {problem}. Hãy ghi các mức từ cao xuống thấp, mỗi mức một tên riêng, mức thấp nhất bắt đầu từ 0 %.',
    en: 'The band table is not valid: {problem}. List the bands from the top down, each with its own label, the lowest starting at 0 %.',
  },
  'ranking.period.unavailable': {
    vi: 'Chưa lấy được thông tin đợt đánh giá hoặc bộ tiêu chí từ dịch vụ đánh giá. Hãy thử lại sau ít phút.',
    en: 'The period or its criteria sets could not be read from the assessment service. Try again in a few minutes.',
  },
  'ranking.consolidation.notFound': {
    vi: 'Đợt đánh giá này chưa được tổng hợp kết quả (hoặc không có phiên bản đó). Hãy bấm «Tổng hợp» trước.',
    en: 'This period has not been consolidated yet (or has no such version). Consolidate it first.',
  },
  'ranking.consolidation.busy': {
    vi: 'Một lượt tổng hợp khác của đợt này vừa được ghi cùng lúc. Hãy tải lại để xem bản mới nhất rồi tổng hợp lại nếu cần.',
    en: 'Another consolidation of this period was written at the same moment. Reload to see the latest, then consolidate again if needed.',
  },
  'ranking.previous.notFound': {
    vi: 'Đợt đánh giá năm trước được chọn chưa được tổng hợp. Hãy tổng hợp đợt đó trước hoặc bỏ so sánh.',
    en: 'The previous period chosen has not been consolidated. Consolidate it first, or leave the comparison out.',
  },
  'ranking.tieBreak.unknownArea': {
    vi: 'Lĩnh vực «{code}» không có trong bộ tiêu chí nào của đợt này, nên không dùng để xếp hạng khi bằng điểm được. Hãy chọn lĩnh vực khác.',
    en: 'Area "{code}" is in none of this period\'s criteria sets, so it cannot break ties. Choose another area.',
  },
  'surveyImport.file.unsupported': {
    vi: 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx). Hãy lưu tệp ở một trong hai dạng đó.',
    en: 'Only CSV (UTF-8) or Excel (.xlsx) files are accepted. Save the file in one of those.',
  },
  'surveyImport.file.empty': {
    vi: 'Tệp không có dòng kết quả nào dưới dòng tiêu đề.',
    en: 'The file has no result rows under its header.',
  },
  'surveyImport.file.tooLarge': {
    vi: 'Tệp ({size}) vượt quá 2 MB. Hãy chia thành nhiều tệp.',
    en: 'The file ({size}) is over 2 MB. Split it into several files.',
  },
  'surveyImport.file.unpackedTooLarge': {
    vi: 'Tệp Excel khi giải nén quá lớn. Hãy lưu lại chỉ với bảng kết quả.',
    en: 'The Excel file is too large once unpacked. Save it with the results sheet only.',
  },
  'surveyImport.file.tooManyRows': {
    vi: 'Tệp có {count} dòng, vượt quá 20.000 dòng. Hãy chia thành nhiều tệp.',
    en: 'The file has {count} rows, over 20,000. Split it into several files.',
  },
  'surveyImport.header.missing': {
    vi: 'Không tìm thấy cột {columns} ở dòng tiêu đề. Tệp cần ba cột: «Mã đơn vị», «Mã tiêu chí», «Điểm».',
    en: 'Column(s) {columns} are missing from the header row. The file needs three columns: unit code, criterion code, score.',
  },
  'surveySheetRole.unitCode': { vi: 'Mã đơn vị', en: 'Unit code' },
  'surveySheetRole.criterionCode': { vi: 'Mã tiêu chí', en: 'Criterion code' },
  'surveySheetRole.score': { vi: 'Điểm', en: 'Score' },
  'surveyImport.mapping.invalid': {
    vi: 'Chưa rõ cột nào là cột nào: {problems}. Hãy chọn lại vai trò của các cột.',
    en: "The columns are not clear: {problems}. Choose each column's role again.",
  },
  'surveyImport.cell': {
    vi: 'Dòng {row}, cột «{column}»: {message}',
    en: 'Row {row}, column "{column}": {message}',
  },
  'surveyImport.unit.unknown': {
    vi: 'Đơn vị «{code}» không tham gia đợt đánh giá này. Hãy sửa mã hoặc bỏ dòng.',
    en: 'Unit "{code}" does not take part in this period. Correct the code or remove the row.',
  },
  'surveyImport.criterion.notSurvey': {
    vi: 'Tiêu chí «{code}» không phải tiêu chí điều tra xã hội học trong bộ tiêu chí của nhóm «{group}». Hãy sửa mã tiêu chí.',
    en: 'Criterion "{code}" is not a survey criterion of group "{group}"\'s set. Correct the criterion code.',
  },
  'surveyImport.score.invalid': {
    vi: 'Điểm «{value}» không đọc được. Hãy ghi số có tối đa hai chữ số thập phân, ví dụ 3,25.',
    en: 'Score "{value}" cannot be read. Write a number with at most two decimals, e.g. 3.25.',
  },
  'surveyImport.score.outOfRange': {
    vi: 'Điểm {value} nằm ngoài khoảng 0 – {max} của tiêu chí «{code}». Hãy sửa điểm.',
    en: 'Score {value} is outside 0 – {max} for criterion "{code}". Correct the score.',
  },
  'surveyImport.row.duplicate': {
    vi: 'Đơn vị «{unit}», tiêu chí «{code}» đã có ở dòng {first}. Mỗi cặp chỉ ghi một lần.',
    en: 'Unit "{unit}", criterion "{code}" is already on row {first}. Give each pair once.',
  },
  'surveyImport.invalid': {
    vi: 'Tệp có {count} lỗi ở {rows} dòng; chưa nhập kết quả nào. Lỗi đầu tiên: {first}',
    en: 'The file has {count} error(s) on {rows} row(s); nothing was imported. First: {first}',
  },
} as const satisfies Record<string, Record<Locale, string>>;
